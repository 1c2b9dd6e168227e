/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

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

import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailException;
import io.cellmail.api.Recipient;
import io.cellmail.at.AtCommand;
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
 *
 * <p>{@code AT+QSMTPPUT} itself, bounded by the attempt's deadline before it starts and not after, is
 * {@link MailAttempt#put}'s.
 *
 * <p>An {@code ERROR} to a write is read by {@link SmtpWrites}: busy while a send may run, else a refusal of the
 * value, which names the mail's field or the configured setting the command carries.
 */
final class MailTransaction extends ModuleTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(MailTransaction.class);
    private static final int NO_RECIPIENT = -10;

    /**
     * @param attempt the mail's attempt on the module
     * @param state what the module holds before the mail
     */
    MailTransaction(MailAttempt attempt, ModemSideState state) {
        super(attempt, state);
    }

    @Override
    void steps(PreparedMail mail, SenderIdentity sender) {
        networkContext();
        account();
        set(SENDER_ADDRESS, Commands.senderAddress(sender.address()), mail.ownSenderAddress()
                ? Refusal.ofMessage("senderAddress") : Refusal.ofSetting("senderAddress"));
        set(SENDER_NAME, Commands.senderName(sender.name()), mail.ownSenderName()
                ? Refusal.ofMessage("senderName") : Refusal.ofSetting("senderName"));
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
    }

    private void networkContext() {
        MailerSettings s = setup.settings();
        AtCommand settings = Commands.contextSettings(s.apn(), s.apnUser(), s.apnPassword());
        String fingerprint = Fingerprint.of(settings.text());
        if (!state.holds(NETWORK_CONTEXT, fingerprint)) {
            writes.session().run(Commands.foregroundContext());
            writes.run(settings, Refusal.ofSetting("apn"));
            state = state.with(NETWORK_CONTEXT, fingerprint);
        }
    }

    private void account() {
        MailerSettings s = setup.settings();
        set(SERVER, Commands.server(s.smtpHost(), s.smtpPort()), Refusal.ofSetting("smtpHost"));
        set(AUTHENTICATION, Commands.authentication(s.authentication()), Refusal.ofSetting("authentication"));
        if (s.authentication()) {
            set(USER, Commands.user(s.smtpUser()), Refusal.ofSetting("smtpUser"));
            set(PASSWORD, Commands.password(s.smtpPassword()), Refusal.ofSetting("smtpPassword"));
        }
    }

    /** Sends a setting unless the module holds it ({@link SmtpWrites#setting}). */
    private void set(Item item, AtCommand command, Refusal refusal) {
        state = writes.setting(state, item, command, refusal);
    }

    /** @return true if the module held the recipients already and they were not sent */
    private boolean content(PreparedMail mail) {
        boolean recipientsKept = recipients(mail.recipients());
        set(SUBJECT, Commands.subject(mail.subject()), Refusal.ofMessage("subject"));
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
            requireSuccess(Commands.deleteRecipients(), Results.RECIPIENT, Refusal.NONE);
        }
        state = state.without(RECIPIENTS);
        for (AtCommand add : adds) {
            requireSuccess(add, Results.RECIPIENT, Refusal.ofMessage("recipients"));
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
        int timeout = setup.uploadTimeoutSeconds(body.size());
        writes.upload(Commands.body(mail.bodyCharset(), timeout), body.bytes(),
                Commands.uploadOptions(Results.BODY, timeout), Refusal.ofMessage("body"));
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
            requireSuccess(Commands.deleteAttachments(), Results.DELETE_ATTACHMENTS, Refusal.NONE);
        }
        state = state.without(ATTACHMENTS);
        for (AttachmentUpload attachment : attachments) {
            Payload content = attachment.content();
            int timeout = setup.uploadTimeoutSeconds(content.size());
            writes.upload(Commands.attachment(attachment.name(), content.size(), timeout), content.bytes(),
                    Commands.attachmentUploadOptions(timeout), Refusal.ofMessage("attachments"));
        }
        state = state.with(ATTACHMENTS, fingerprint);
    }

    private int put(PreparedMail mail) {
        int result = attempt.put(mail.payloadBytes())
                .error();
        putAnswered = true;
        state = state.without(SUBJECT).without(BODY);
        if (!state.holdsNothing(ATTACHMENTS)) {
            // Kept or dropped: unknown, so the next mail deletes them first. Known none stays none.
            state = state.without(ATTACHMENTS);
        }
        return result;
    }

    private void requireSuccess(AtCommand command, String resultPrefix, Refusal refusal) {
        int result = writes.result(command, refusal);
        if (result != 0) {
            throw ResultCodes.failure(command.maskedText(), resultPrefix, result);
        }
    }
}
