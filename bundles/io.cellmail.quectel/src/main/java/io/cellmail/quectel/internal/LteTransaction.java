/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static io.cellmail.quectel.internal.ModemSideState.Item.ACCOUNT;
import static io.cellmail.quectel.internal.ModemSideState.Item.PDP_CONTEXT;
import static io.cellmail.quectel.internal.ModemSideState.Item.RAM_FILES;
import static io.cellmail.quectel.internal.ModemSideState.Item.SENDER;
import static io.cellmail.quectel.internal.ModemSideState.Item.SERVER;
import static io.cellmail.quectel.internal.ModemSideState.Item.SMTP_CONTEXT;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailException;
import io.cellmail.api.Recipient;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;
import io.cellmail.quectel.internal.ModemSideState.Item;
import io.cellmail.quectel.internal.PreparedMail.AttachmentUpload;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.SenderIdentity;

/**
 * One mail on an LTE module, sending only the settings the module does not hold already. In order: the PDP context
 * ({@code AT+QICSGP} when changed, {@code AT+QIACT?}, and {@code AT+QIACT} only when the context is not active), the
 * SMTP configuration ({@code AT+QSMTPCFG} {@code "contextid"}, {@code "ssltype"}, the TLS side of
 * {@link LteTls}, {@code "smtpserver"}, {@code "account"}, {@code "sender"}, each only when changed), then the
 * content: {@code AT+QSMTPCLR}, {@code AT+QFDEL="RAM:*"} unless the RAM drive is known empty, one
 * {@code AT+QSMTPDST=1,...} per recipient, {@code AT+QSMTPSUB}, {@code AT+QSMTPBODY} (unless the body is empty: the
 * module takes 1 to 10240 bytes), per attachment {@code AT+QFUPL="RAM:<name>"} and {@code AT+QSMTPATT=1,<n>,...},
 * and {@code AT+QSMTPPUT} ({@link MailAttempt#put}). Both uploads end by their length: no guard time, no
 * {@code +++}, and a payload may hold any byte.
 *
 * <p>The content is composed anew for every mail: {@code AT+QSMTPCLR} costs one round trip and leaves nothing to
 * guess. After the send, whatever its outcome, the RAM drive is emptied again ({@code AT+QFDEL="RAM:*"}), so the
 * module's storage never fills with attachments: not while the module may still be sending (a PUT without result,
 * {@link PutLedger#mayBeSending}), which would take the files from under it, and not when the work can no longer
 * talk to the module (its deadline passed, the module rebooted: a reboot empties the RAM drive itself). The next mail
 * then deletes them before it composes.
 *
 * <p>What the module holds is tracked in a {@link ModemSideState}; it is forgotten when a step fails before
 * {@code AT+QSMTPPUT} answered.
 */
final class LteTransaction extends ModuleTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(LteTransaction.class);

    /**
     * @param attempt the mail's attempt on the module
     * @param state what the module holds before the mail
     */
    LteTransaction(MailAttempt attempt, ModemSideState state) {
        super(attempt, state);
    }

    @Override
    void steps(PreparedMail mail, SenderIdentity sender) {
        pdpContext();
        configuration(mail, sender);
        compose(mail);
        PutResult result = put(mail);
        if (!result.success()) {
            throw LteResults.failure("AT+QSMTPPUT", result);
        }
    }

    /** After the send, whatever its outcome: the RAM drive is emptied. */
    @Override
    void afterwards() {
        emptyRamDrive();
    }

    private void pdpContext() {
        MailerSettings s = setup.settings();
        set(PDP_CONTEXT, LteCommands.contextDefinition(s.contextId(), s.apn(), s.apnUser(), s.apnPassword()),
                Refusal.ofSetting("apn"));
        if (!active(s.contextId())) {
            writes.run(LteCommands.activate(s.contextId()), Refusal.NONE);
        }
    }

    private boolean active(int contextId) {
        List<InfoLine> lines = writes.run(LteCommands.activeContexts(), Refusal.NONE)
                .infoLines(LteCommands.ACTIVE_CONTEXT);
        for (InfoLine line : lines) {
            try {
                if (line.intField(0) == contextId && line.intField(1) == 1) {
                    return true;
                }
            } catch (AtException e) {
                LOG.debug("Unreadable context state {}; the context is activated", line.line());
            }
        }
        return false;
    }

    private void configuration(PreparedMail mail, SenderIdentity sender) {
        MailerSettings s = setup.settings();
        set(SMTP_CONTEXT, LteCommands.smtpContext(s.contextId()), Refusal.ofSetting("contextId"));
        state = LteTls.apply(writes, state, s.tls(), setup.uploadTimeoutSeconds(s.tls().caCertificate().length()));
        set(SERVER, LteCommands.server(s.smtpHost(), s.smtpPort()), Refusal.ofSetting("smtpHost"));
        // without authentication the account is emptied: a module keeps one set before
        set(ACCOUNT, s.authentication() ? LteCommands.account(s.smtpUser(), s.smtpPassword())
                : LteCommands.account("", ""), Refusal.ofSetting(s.authentication() ? "smtpUser" : "authentication"));
        set(SENDER, LteCommands.sender(sender.name(), sender.address()), mail.ownSenderAddress()
                || mail.ownSenderName() ? Refusal.ofMessage("senderAddress") : Refusal.ofSetting("senderAddress"));
    }

    /** Sends a setting unless the module holds it ({@link SmtpWrites#setting}). */
    private void set(Item item, AtCommand command, Refusal refusal) {
        state = writes.setting(state, item, command, refusal);
    }

    private void compose(PreparedMail mail) {
        writes.run(LteCommands.clearContent(), Refusal.NONE);
        if (!state.holdsNothing(RAM_FILES)) {
            deleteRamFiles();
        }
        for (Recipient recipient : mail.recipients()) {
            writes.run(LteCommands.addRecipient(recipient.type(), recipient.address()),
                    Refusal.ofMessage("recipients"));
        }
        writes.run(Commands.subject(mail.subject()), Refusal.ofMessage("subject"));
        Payload body = mail.body();
        if (body.size() > 0) {
            int timeout = setup.uploadTimeoutSeconds(body.size());
            writes.upload(LteCommands.body(mail.bodyCharset(), body.size(), timeout), body.bytes(),
                    LteCommands.lengthEnded(Results.BODY, timeout), Refusal.ofMessage("body"));
        }
        List<AttachmentUpload> attachments = mail.attachments();
        for (int i = 0; i < attachments.size(); i++) {
            AttachmentUpload attachment = attachments.get(i);
            String file = "RAM:" + attachment.name();
            // from the first upload on, the drive holds this mail's files
            state = state.without(RAM_FILES);
            FileUpload.upload(writes, file, attachment.content().bytes(), setup.uploadTimeoutSeconds(
                    attachment.content().size()));
            writes.run(LteCommands.attach(i + 1, file), Refusal.NONE);
        }
    }

    private PutResult put(PreparedMail mail) {
        PutResult result = attempt.put(mail.payloadBytes());
        putAnswered = true;
        return result;
    }

    /** After the send: empties the RAM drive if it may hold files, unless that cannot or must not be done now. */
    private void emptyRamDrive() {
        if (state.holdsNothing(RAM_FILES) || attempt.ledger().mayBeSending(writes.epoch())) {
            return;
        }
        try {
            deleteRamFiles();
        } catch (MailException e) {
            // the mail's own outcome counts; the next mail deletes the files before it composes
            LOG.debug("The RAM drive of {} was not emptied after mail {}: {} {}", setup.engineName(),
                    attempt.mailId(), e.code(), e.getMessage());
        }
    }

    /** {@code AT+QFDEL="RAM:*"}: an error final means there was nothing to delete on some firmwares. */
    private void deleteRamFiles() {
        ModemSession.Reply reply = writes.session().attempt(LteCommands.deleteFile(LteCommands.RAM_FILES));
        if (!reply.ok()) {
            LOG.debug("AT+QFDEL=\"RAM:*\" answered {}: nothing to delete", reply.error().getMessage());
        }
        state = state.with(RAM_FILES, "");
    }
}
