package io.cellmail.quectel.internal;

import static io.cellmail.quectel.internal.ModemSideState.Item.ATTACHMENTS;
import static io.cellmail.quectel.internal.ModemSideState.Item.AUTHENTICATION;
import static io.cellmail.quectel.internal.ModemSideState.Item.BODY;
import static io.cellmail.quectel.internal.ModemSideState.Item.NETWORK_CONTEXT;
import static io.cellmail.quectel.internal.ModemSideState.Item.PASSWORD;
import static io.cellmail.quectel.internal.ModemSideState.Item.RECIPIENTS;
import static io.cellmail.quectel.internal.ModemSideState.Item.SENDER_ADDRESS;
import static io.cellmail.quectel.internal.ModemSideState.Item.SENDER_NAME;
import static io.cellmail.quectel.internal.ModemSideState.Item.SERVER;
import static io.cellmail.quectel.internal.ModemSideState.Item.SUBJECT;
import static io.cellmail.quectel.internal.ModemSideState.Item.USER;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailException;
import io.cellmail.api.Recipient;
import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;
import io.cellmail.quectel.internal.ModemSideState.Item;
import io.cellmail.quectel.internal.PreparedMail.AttachmentUpload;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.SenderIdentity;

/**
 * One mail on the module: the command sequence of the manual, sending only what the module does not hold
 * already. In order: the data context ({@code AT+QIFGCNT}, {@code AT+QICSGP}), the account ({@code AT+QSMTPSRV},
 * {@code AT+QSMTPCFG}, {@code AT+QSMTPUSER}, {@code AT+QSMTPPWD}), the sender ({@code AT+QSMTPADDR},
 * {@code AT+QSMTPNAME}), the recipients ({@code AT+QSMTPDST=0} then one {@code AT+QSMTPDST=1,...} each), the
 * subject, the body, the attachments ({@code AT+QSMTPDATT} then one {@code AT+QSMTPATT} each) and
 * {@code AT+QSMTPPUT}. {@code AT+QSMTPCLR} is never used: it would clear the account too.
 *
 * <p>What the module holds is tracked in a {@link ModemSideState}. It is forgotten when any step fails before
 * {@code AT+QSMTPPUT} answered, because a half-done step leaves the module in a state nobody knows. After an
 * answered {@code AT+QSMTPPUT} the settings and recipients count as held, but the subject, the body and any
 * attachments do not: the manual does not say whether the module keeps them after sending, and a skipped body
 * that the module had dropped would send an alarm without its text, which nothing could detect. A dropped
 * recipient list, in contrast, is detected (-10) and healed below.
 *
 * <p>If {@code AT+QSMTPPUT} finds no recipient (-10) although the driver skipped the recipients because the
 * module held them, the module dropped them on its own: the content is set again and the mail put once more.
 */
final class MailTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(MailTransaction.class);
    private static final int NO_RECIPIENT = -10;
    /** Beyond the module's input timeout, how long to wait for an upload's result line. */
    private static final Duration UPLOAD_RESULT_MARGIN = Duration.ofSeconds(5);

    private final ModemSession session;
    private final QuectelConfiguration config;
    private ModemSideState state;
    private boolean putAnswered;

    /**
     * @param session the send's work on the modem
     * @param config the mailer's configuration
     * @param state what the module holds before the mail
     */
    MailTransaction(ModemSession session, QuectelConfiguration config, ModemSideState state) {
        this.session = session;
        this.config = config;
        this.state = state;
    }

    /** @return what the module holds now, as far as the driver knows */
    ModemSideState state() {
        return state;
    }

    /**
     * Sends the mail.
     *
     * @param mail the checked mail
     * @param sender its sender
     * @throws MailException when any step fails or the module reports a negative {@code +QSMTPPUT:} result
     */
    void send(PreparedMail mail, SenderIdentity sender) {
        try {
            networkContext();
            account();
            set(SENDER_ADDRESS, Commands.senderAddress(sender.address()));
            set(SENDER_NAME, Commands.senderName(sender.name()));
            boolean recipientsKept = content(mail);
            int result = put(mail);
            if (result == NO_RECIPIENT && recipientsKept) {
                LOG.debug("the module lost its recipients since the last mail; setting the content again");
                state = state.without(RECIPIENTS).without(SUBJECT).without(BODY).without(ATTACHMENTS);
                putAnswered = false;
                content(mail);
                result = put(mail);
            }
            if (result != 0) {
                throw ResultCodes.failure("AT+QSMTPPUT", Results.PUT, result);
            }
        } catch (RuntimeException e) {
            if (!putAnswered) {
                state = state.forgotten();
            }
            throw e;
        }
    }

    private void networkContext() {
        MailerSettings s = config.settings();
        AtCommand settings = Commands.contextSettings(s.apn(), s.apnUser(), s.apnPassword());
        String fingerprint = Fingerprint.of(settings.text());
        if (!state.holds(NETWORK_CONTEXT, fingerprint)) {
            session.run(Commands.foregroundContext());
            session.run(settings);
            state = state.with(NETWORK_CONTEXT, fingerprint);
        }
    }

    private void account() {
        MailerSettings s = config.settings();
        set(SERVER, Commands.server(s.smtpHost(), s.smtpPort()));
        set(AUTHENTICATION, Commands.authentication(s.authentication()));
        if (s.authentication()) {
            set(USER, Commands.user(s.smtpUser()));
            set(PASSWORD, Commands.password(s.smtpPassword()));
        }
    }

    /** Sends a setting unless the module holds it; only a digest of the command is remembered. */
    private void set(Item item, AtCommand command) {
        String fingerprint = Fingerprint.of(command.text());
        if (!state.holds(item, fingerprint)) {
            state = state.without(item);
            session.run(command);
            state = state.with(item, fingerprint);
        }
    }

    /** @return true if the module held the recipients already and they were not sent */
    private boolean content(PreparedMail mail) {
        boolean recipientsKept = recipients(mail.recipients());
        set(SUBJECT, Commands.subject(mail.subject()));
        body(mail);
        attachments(mail.attachments());
        return recipientsKept;
    }

    private boolean recipients(List<Recipient> recipients) {
        List<AtCommand> adds = recipients.stream().map(r -> Commands.addRecipient(r.type(), r.address())).toList();
        String fingerprint = Fingerprint.of(adds.stream().map(AtCommand::text).collect(Collectors.joining("\n")));
        if (state.holds(RECIPIENTS, fingerprint)) {
            return true;
        }
        if (!state.holdsNothing(RECIPIENTS)) {
            state = state.without(RECIPIENTS);
            requireSuccess(Commands.deleteRecipients(), Results.RECIPIENT);
        }
        state = state.without(RECIPIENTS);
        for (AtCommand add : adds) {
            requireSuccess(add, Results.RECIPIENT);
        }
        state = state.with(RECIPIENTS, fingerprint);
        return false;
    }

    private void body(PreparedMail mail) {
        Payload body = mail.body();
        if (state.holds(BODY, body.fingerprint())) {
            return;
        }
        state = state.without(BODY);
        int timeout = inputTimeout(body.size());
        session.upload(Commands.body(mail.bodyCharset(), timeout), body.bytes(), uploadOptions(Results.BODY, timeout));
        state = state.with(BODY, body.fingerprint());
    }

    private void attachments(List<AttachmentUpload> attachments) {
        String fingerprint = attachments.isEmpty() ? ""
                : Fingerprint.of(attachments.stream().map(a -> a.content().fingerprint())
                        .collect(Collectors.joining("\n")));
        if (state.holds(ATTACHMENTS, fingerprint)) {
            return;
        }
        if (!state.holdsNothing(ATTACHMENTS)) {
            state = state.without(ATTACHMENTS);
            requireSuccess(Commands.deleteAttachments(), Results.DELETE_ATTACHMENTS);
        }
        state = state.without(ATTACHMENTS);
        for (AttachmentUpload attachment : attachments) {
            Payload content = attachment.content();
            int timeout = inputTimeout(content.size());
            session.upload(Commands.attachment(attachment.name(), content.size(), timeout), content.bytes(),
                    uploadOptions(Results.ATTACHMENT, timeout));
        }
        state = state.with(ATTACHMENTS, fingerprint);
    }

    private int put(PreparedMail mail) {
        int timeout = Timeouts.putSeconds(mail.payloadBytes(), session.deadline().remaining());
        Duration resultWait = Duration.ofSeconds(timeout).plus(Timeouts.PUT_RESULT_MARGIN);
        int result = session.result(Commands.put(timeout, resultWait));
        putAnswered = true;
        state = state.without(SUBJECT).without(BODY);
        if (!state.holdsNothing(ATTACHMENTS)) {
            // Kept or dropped: unknown, so the next mail deletes them first. Known none stays none.
            state = state.without(ATTACHMENTS);
        }
        return result;
    }

    private void requireSuccess(AtCommand command, String resultPrefix) {
        int result = session.result(command);
        if (result != 0) {
            throw ResultCodes.failure(command.maskedText(), resultPrefix, result);
        }
    }

    private int inputTimeout(int bytes) {
        return Timeouts.inputSeconds(bytes, config.lineBytesPerSecond(), config.guardTime());
    }

    private static UploadOptions uploadOptions(String resultPrefix, int inputTimeoutSeconds) {
        return UploadOptions.expectResult(resultPrefix)
                .withResultTimeout(Duration.ofSeconds(inputTimeoutSeconds).plus(UPLOAD_RESULT_MARGIN));
    }
}
