/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.data.DataModeReceiver.Framing;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Recipient;
import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;
import io.cellmail.emulator.internal.state.FileSystem.Path;
import io.cellmail.emulator.internal.state.LteSmtpState;
import io.cellmail.emulator.internal.state.SmtpMailbox;

/**
 * The LTE dialect's mail content: {@code AT+QSMTPCLR}, {@code AT+QSMTPDST}, {@code AT+QSMTPSUB} and
 * {@code AT+QSMTPBODY}.
 * <ul>
 * <li>{@code AT+QSMTPCLR}: clears recipients, subject, body and the attachment list; not the server, account,
 * sender or context keys, and not the files.</li>
 * <li>{@code AT+QSMTPDST=<mode>,<type>,"<addr>"}: mode 1 adds, 0 deletes; type 1 To, 2 Cc, 3 Bcc;
 * {@code AT+QSMTPDST=0} deletes all; {@code AT+QSMTPDST?} lists {@code +QSMTPDST: <type>,"<addr>"}. Just
 * {@code OK}, no result line after it (chosen).</li>
 * <li>{@code AT+QSMTPSUB=<charset>,"<subject>"}: charset 0 ASCII, 1 UTF-8, 2 GB2312, 3 BIG5; the subject's bytes
 * as they came on the line.</li>
 * <li>{@code AT+QSMTPBODY=<charset>,<length>[,<time>]}: length 1-10240, time 1-65535 s (default 90).
 * {@code CONNECT} alone, then exactly {@code <length>} bytes (no {@code +++} needed), {@code +QSMTPBODY: <n>} and
 * {@code OK}. When the time is up first, or {@code +++} framed by silence comes, the body is what arrived.</li>
 * <li>{@code AT+QSMTPATT=<opt>,<index>[,"<file>"]}: opt 1 attaches an existing file ({@code "RAM:<name>"} or a
 * UFS name) at index 1-10, replacing what was there; opt 0 removes the attachment at that index.
 * {@code AT+QSMTPATT?} lists {@code +QSMTPATT: <index>,"<file>"}. The file is read when the mail is sent. A file
 * that does not exist answers {@code +CME ERROR: 405}; removing an empty index answers {@code ERROR}.</li>
 * </ul>
 * Malformed or out-of-range parameters answer {@code ERROR}. Chosen (the README lists these): at most 20
 * recipients, addresses and subjects up to 255 characters; a 21st recipient or deleting one that is not there
 * answers {@code ERROR}; while a mail is being sent every change answers {@code +CME ERROR: <busy>} (653 with the
 * default numbering).
 */
public final class LteMailCommands implements CommandFamily {

    private static final int MAX_BODY = SmtpMailbox.MAX_BODY_BYTES;
    private static final int DEFAULT_INPUT_TIME = 90;

    private final LteErrors errors;

    public LteMailCommands(LteErrors errors) {
        this.errors = errors;
    }

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+QSMTPCLR", this::clear,
                "+QSMTPDST", this::recipients,
                "+QSMTPSUB", this::subject,
                "+QSMTPBODY", this::body,
                "+QSMTPATT", this::attachment);
    }

    private Outcome busy(CommandContext context) {
        return context.cmeError(errors.code(SmtpResultCodes.BUSY), "SMTP busy");
    }

    private Outcome clear(AtCommand command, CommandContext context) {
        return switch (command.form()) {
            case TEST -> Outcome.ok();
            case EXECUTE -> {
                if (context.state().sending()) {
                    yield busy(context);
                }
                context.mailbox().clearContent();
                context.state().lteSmtp().detachAll();
                yield Outcome.ok();
            }
            default -> Outcome.error();
        };
    }

    private Outcome recipients(AtCommand command, CommandContext context) {
        SmtpMailbox mailbox = context.mailbox();
        switch (command.form()) {
            case TEST -> context.reply().info("+QSMTPDST: (0,1),(1-3),\"<addr>\"");
            case READ -> {
                for (Recipient r : mailbox.recipients()) {
                    context.reply().info("+QSMTPDST: " + r.type().code() + ",\"" + r.address() + "\"");
                }
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 3);
                int mode = params.number(0, 0, 1);
                if (params.size() == 1) {
                    if (mode != 0) {
                        return Outcome.error();
                    }
                    if (context.state().sending()) {
                        return busy(context);
                    }
                    mailbox.removeAllRecipients();
                    return Outcome.ok();
                }
                params.requireCount(3, 3);
                RecipientType type = RecipientType.of(params.number(1, 1, 3));
                String address = LteSmtpConfigCommands.text(params, 2);
                if (address.isEmpty()) {
                    return Outcome.error();
                }
                if (context.state().sending()) {
                    return busy(context);
                }
                boolean done = mode == 1 ? mailbox.addRecipient(type, address)
                        : mailbox.removeRecipient(type, address);
                return done ? Outcome.ok() : Outcome.error();
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private Outcome subject(AtCommand command, CommandContext context) {
        SmtpMailbox mailbox = context.mailbox();
        switch (command.form()) {
            case TEST -> context.reply().info("+QSMTPSUB: (0-3),\"<subject>\"");
            case READ -> context.reply().info("+QSMTPSUB: " + mailbox.subjectCharset() + ",\"" + shown(mailbox) + "\"");
            case WRITE -> {
                Params params = command.params();
                params.requireCount(2, 2);
                int charset = params.number(0, 0, 3);
                String subject = LteSmtpConfigCommands.text(params, 1);
                if (context.state().sending()) {
                    return busy(context);
                }
                // the mailbox keeps charsets 1-3 as hex, the GSM dialect's form
                mailbox.subject(charset, charset == 0 ? subject
                        : HexFormat.of().formatHex(subject.getBytes(StandardCharsets.ISO_8859_1)));
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static String shown(SmtpMailbox mailbox) {
        return mailbox.subjectCharset() == 0 ? mailbox.subject()
                : new String(HexFormat.of().parseHex(mailbox.subject()), StandardCharsets.ISO_8859_1);
    }

    private Outcome attachment(AtCommand command, CommandContext context) {
        LteSmtpState lte = context.state().lteSmtp();
        switch (command.form()) {
            case TEST -> context.reply().info("+QSMTPATT: (0,1),(1-" + LteSmtpState.MAX_ATTACHMENTS + "),\"<file>\"");
            case READ -> lte.attachmentFiles().forEach((index, file) ->
                    context.reply().info("+QSMTPATT: " + index + ",\"" + file + "\""));
            case WRITE -> {
                Params params = command.params();
                params.requireCount(2, 3);
                int option = params.number(0, 0, 1);
                int index = params.number(1, 1, LteSmtpState.MAX_ATTACHMENTS);
                if (option == 0) {
                    params.requireCount(2, 2);
                    if (context.state().sending()) {
                        return busy(context);
                    }
                    return lte.detach(index) ? Outcome.ok() : Outcome.error();
                }
                params.requireCount(3, 3);
                String file = params.string(2);
                Optional<Path> path = Path.parse(file);
                if (path.isEmpty() || path.get().wildcard()) {
                    return context.cmeError(406, "invalid file name");
                }
                if (!context.state().files().exists(path.get())) {
                    return context.cmeError(405, "file not found");
                }
                if (context.state().sending()) {
                    return busy(context);
                }
                lte.attach(index, file);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private Outcome body(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                context.reply().info("+QSMTPBODY: (0-3),(1-" + MAX_BODY + "),(1-65535)");
                return Outcome.ok();
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(2, 3);
                int charset = params.number(0, 0, 3);
                int length = params.number(1, 1, MAX_BODY);
                int time = params.present(2) ? params.number(2, 1, 65_535) : DEFAULT_INPUT_TIME;
                if (context.state().sending()) {
                    return busy(context);
                }
                return Outcome.dataMode(DataUpload.lengthEnded(length, Duration.ofSeconds(time),
                        Framing.LENGTH_WITHIN_TIME, bytes -> {
                            context.mailbox().body(charset, bytes);
                            return DataUpload.Ended.ok("+QSMTPBODY: " + bytes.length);
                        }));
            }
            default -> {
                return Outcome.error();
            }
        }
    }
}
