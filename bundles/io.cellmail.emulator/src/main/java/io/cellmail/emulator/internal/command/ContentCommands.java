/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.data.DataModeReceiver.Framing;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Attachment;
import io.cellmail.emulator.internal.state.SmtpMailbox;

/**
 * The mail's content: {@code AT+QSMTPSUB}, {@code AT+QSMTPBODY}, {@code AT+QSMTPATT} and {@code AT+QSMTPDATT}.
 *
 * <p>Format ({@code ERROR}): charset 0-3; subject of charset 0 up to 100 characters, of charsets 1-3 up to 200
 * hex digits of even length; input timeouts 1-48000; {@code <fileSz>} 0-102400; file name quoted and not empty;
 * attachment index 1-10. Undocumented forms ({@code AT+QSMTPBODY?}, {@code AT+QSMTPDATT?}) answer
 * {@code ERROR}; so does every write while a mail is being sent, except {@code AT+QSMTPDATT} whose deferred
 * result is then -3 ("busy").
 *
 * <p>Data mode: {@code OK}, {@code CONNECT}, the payload up to {@code +++}, then {@code +QSMTPBODY:<length>} or
 * {@code +QSMTPATT:<length>} (see {@code DataModeReceiver} for the escape rule). A new body replaces the old one.
 * Results decided where the spec is silent:
 * <ul>
 * <li>-13 ("no enough memory"): a body beyond 10240 bytes; an attachment beyond its announced
 * {@code <fileSz>} (when not 0) or beyond what is left of the 102400 bytes for all attachments. The payload is
 * swallowed up to {@code +++} and nothing is stored.</li>
 * <li>-13 before any data: an 11th attachment, or an announced {@code <fileSz>} that no longer fits; the answer
 * is {@code OK} then {@code +QSMTPATT:-13} without {@code CONNECT}.</li>
 * <li>-9 ("timeout"): the input timeout passed before {@code +++}; nothing is stored, the earlier body stays.</li>
 * <li>{@code AT+QSMTPDATT=<i>}: 0, or -15 if there is no attachment {@code i}; the attachments after it move up
 * one index. {@code AT+QSMTPDATT}: deletes all, 0.</li>
 * </ul>
 * With {@code attachmentsEndByLength} an attachment whose {@code <fileSz>} is above 0 ends by itself at that
 * length ({@link #endingAtLength}); a {@code <fileSz>} of 0 (or none) names no length, and {@code +++} ends it.
 * {@code AT+QSMTPATT?} prints {@code +QSMTPATT: 1, "bigfile.txt", 20090} with spaces after the commas, as the
 * spec's example does.
 */
public final class ContentCommands implements CommandFamily {

    private static final int MAX_ASCII_SUBJECT = 100;
    private static final int MAX_HEX_SUBJECT = 200;
    private static final int MAX_INPUT_TIMEOUT = 48_000;

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+QSMTPSUB", ContentCommands::subject,
                "+QSMTPBODY", ContentCommands::body,
                "+QSMTPATT", ContentCommands::attach,
                "+QSMTPDATT", ContentCommands::detach);
    }

    private static Outcome subject(AtCommand command, CommandContext context) {
        SmtpMailbox mailbox = context.mailbox();
        switch (command.form()) {
            case TEST -> context.reply().info("+QSMTPSUB: (0-3),\"TITLE\"");
            case READ -> context.reply()
                    .info("+QSMTPSUB: " + mailbox.subjectCharset() + ",\"" + mailbox.subject() + "\"");
            case WRITE -> {
                Params params = command.params();
                params.requireCount(2, 2);
                int charset = params.number(0, 0, 3);
                String title = params.string(1);
                if (!validTitle(charset, title) || context.state().sending()) {
                    return Outcome.error();
                }
                mailbox.subject(charset, title);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static boolean validTitle(int charset, String title) {
        if (charset == 0) {
            return title.length() <= MAX_ASCII_SUBJECT;
        }
        return title.length() <= MAX_HEX_SUBJECT && title.length() % 2 == 0
                && title.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static Outcome body(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                context.reply().info("+QSMTPBODY: (0-3),(1-48000)");
                return Outcome.ok();
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 2);
                int charset = params.number(0, 0, 3);
                Optional<Duration> timeout = inputTimeout(params, 1);
                if (context.state().sending()) {
                    return Outcome.error();
                }
                return Outcome.dataMode(new DataUpload("+QSMTPBODY", SmtpMailbox.MAX_BODY_BYTES, timeout,
                        bytes -> context.mailbox().body(charset, bytes)));
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    private static Outcome attach(AtCommand command, CommandContext context) {
        SmtpMailbox mailbox = context.mailbox();
        switch (command.form()) {
            case TEST -> {
                context.reply().info("+QSMTPATT: \"FILE NAME\",<fileSz>,(1-48000)");
                return Outcome.ok();
            }
            case READ -> {
                List<Attachment> attachments = mailbox.attachments();
                for (int i = 0; i < attachments.size(); i++) {
                    Attachment a = attachments.get(i);
                    context.reply().info("+QSMTPATT: " + (i + 1) + ", \"" + a.name() + "\", " + a.content().length);
                }
                return Outcome.ok();
            }
            case WRITE -> {
                return upload(command.params(), context);
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    private static Outcome upload(Params params, CommandContext context) {
        params.requireCount(1, 3);
        String name = params.string(0);
        int announced = params.present(1) ? params.number(1, 0, SmtpMailbox.MAX_ATTACHMENT_BYTES) : 0;
        Optional<Duration> timeout = inputTimeout(params, 2);
        if (name.isEmpty() || context.state().sending()) {
            return Outcome.error();
        }
        SmtpMailbox mailbox = context.mailbox();
        int room = SmtpMailbox.MAX_ATTACHMENT_BYTES - mailbox.attachmentBytes();
        if (mailbox.attachments().size() >= SmtpMailbox.MAX_ATTACHMENTS || announced > room) {
            context.reply().deferredResult("+QSMTPATT", SmtpResultCodes.NO_MEMORY);
            return Outcome.ok();
        }
        if (announced > 0 && context.settings().attachmentsEndByLength()) {
            return Outcome.dataMode(endingAtLength(name, announced, timeout, context));
        }
        int limit = announced > 0 ? announced : room;
        return Outcome.dataMode(new DataUpload("+QSMTPATT", limit, timeout,
                bytes -> mailbox.addAttachment(name, bytes)));
    }

    /**
     * An attachment on a module that leaves data mode by itself once {@code <fileSz>} bytes came: its result and
     * {@code OK} follow the last byte at once (the LTE body's answer, chosen: the GSM manual shows only the
     * {@code +++} ending). A {@code +++} that the host sends afterwards finds the module in command mode and waits
     * in its line buffer, where the next command's {@code AT} prefix makes it ignored (V.250). A guarded {@code +++}
     * before the length still ends the upload with what came.
     */
    private static DataUpload endingAtLength(String name, int size, Optional<Duration> timeout,
            CommandContext context) {
        return new DataUpload("+QSMTPATT", size, timeout, bytes -> { }, Framing.LENGTH_OR_ESCAPE, true,
                Optional.of(bytes -> {
                    context.mailbox().addAttachment(name, bytes);
                    return DataUpload.Ended.ok(context.reply().result("+QSMTPATT", bytes.length));
                }), 0);
    }

    private static Outcome detach(AtCommand command, CommandContext context) {
        SmtpMailbox mailbox = context.mailbox();
        switch (command.form()) {
            case TEST -> context.reply().info("+QSMTPDATT: (1-10)");
            case EXECUTE -> {
                if (!context.state().sending()) {
                    mailbox.removeAllAttachments();
                }
                context.reply().deferredResult("+QSMTPDATT", context.state().sending() ? SmtpResultCodes.BUSY : 0);
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                int index = params.number(0, 1, SmtpMailbox.MAX_ATTACHMENTS);
                int result;
                if (context.state().sending()) {
                    result = SmtpResultCodes.BUSY;
                } else {
                    result = mailbox.removeAttachment(index) ? SmtpResultCodes.OK : SmtpResultCodes.WRONG_PARAMETER;
                }
                context.reply().deferredResult("+QSMTPDATT", result);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Optional<Duration> inputTimeout(Params params, int index) {
        if (!params.present(index)) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofSeconds(params.number(index, 1, MAX_INPUT_TIMEOUT)));
    }
}
