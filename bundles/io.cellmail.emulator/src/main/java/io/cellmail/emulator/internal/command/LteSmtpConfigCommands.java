/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.FormatException;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.LteSmtpState;
import io.cellmail.emulator.internal.state.SmtpMailbox;

/**
 * {@code AT+QSMTPCFG="<key>"[,<values>]} of the LTE dialect, with the six keys an EG25-G lists:
 * <pre>
 * "contextid",(1-16)                        PDP context the SMTP client uses
 * "sslctxid",(0-5)                          SSL context used when ssltype is not 0
 * "ssltype",(0-2)                           0 plain, 1 TLS from the first byte, 2 STARTTLS
 * "smtpserver","&lt;srvaddr&gt;",&lt;srvport&gt;      port 1-65535
 * "account","&lt;username&gt;","&lt;password&gt;"    credentials for SMTP AUTH; empty user name: no AUTH
 * "sender","&lt;sender_name&gt;","&lt;sender_email&gt;"
 * </pre>
 * The key alone is the query: {@code +QSMTPCFG: "<key>",<values>} then {@code OK}. The test form lists every key
 * as above. Chosen where the notes are silent (the README lists it): keys match ignoring case; an unknown key, a
 * wrong number of values, a value out of range, an empty server address, or a text beyond 255 characters answers
 * {@code ERROR}; so does every write while a mail is being sent.
 */
public final class LteSmtpConfigCommands implements CommandFamily {

    /** Longest server, user, password, sender name or address accepted (chosen). */
    public static final int MAX_TEXT = 255;
    private static final String NAME = "+QSMTPCFG";
    private static final List<String> TEST_LINES = List.of(
            "\"contextid\",(1-16)",
            "\"sslctxid\",(0-5)",
            "\"ssltype\",(0-2)",
            "\"smtpserver\",\"<srvaddr>\",<srvport>",
            "\"account\",\"<username>\",\"<password>\"",
            "\"sender\",\"<sender_name>\",\"<sender_email>\"");

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(NAME, LteSmtpConfigCommands::configure);
    }

    private static Outcome configure(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                TEST_LINES.forEach(line -> context.reply().info(NAME + ": " + line));
                return Outcome.ok();
            }
            case WRITE -> {
                Params params = command.params();
                String key = params.string(0).toLowerCase(Locale.ROOT);
                if (params.size() == 1) {
                    return query(key, context);
                }
                if (context.state().sending()) {
                    return Outcome.error();
                }
                return set(key, params, context);
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    private static Outcome query(String key, CommandContext context) {
        LteSmtpState lte = context.state().lteSmtp();
        SmtpMailbox mailbox = context.mailbox();
        String values = switch (key) {
            case "contextid" -> String.valueOf(lte.contextId());
            case "sslctxid" -> String.valueOf(lte.sslContextId());
            case "ssltype" -> String.valueOf(lte.sslType());
            case "smtpserver" -> quoted(mailbox.server()) + "," + mailbox.port();
            case "account" -> quoted(mailbox.user()) + "," + quoted(mailbox.password());
            case "sender" -> quoted(mailbox.senderName()) + "," + quoted(mailbox.senderAddress());
            default -> null;
        };
        if (values == null) {
            return Outcome.error();
        }
        context.reply().info(NAME + ": \"" + key + "\"," + values);
        return Outcome.ok();
    }

    private static Outcome set(String key, Params params, CommandContext context) {
        LteSmtpState lte = context.state().lteSmtp();
        SmtpMailbox mailbox = context.mailbox();
        switch (key) {
            case "contextid" -> {
                params.requireCount(2, 2);
                lte.contextId(params.number(1, 1, 16));
            }
            case "sslctxid" -> {
                params.requireCount(2, 2);
                lte.sslContextId(params.number(1, 0, 5));
            }
            case "ssltype" -> {
                params.requireCount(2, 2);
                lte.sslType(params.number(1, 0, 2));
            }
            case "smtpserver" -> {
                params.requireCount(3, 3);
                String host = text(params, 1);
                int port = params.number(2, 1, 65_535);
                if (host.isEmpty()) {
                    return Outcome.error();
                }
                mailbox.server(host, port);
            }
            case "account" -> {
                params.requireCount(3, 3);
                String user = text(params, 1);
                String password = text(params, 2);
                mailbox.user(user);
                mailbox.password(password);
            }
            case "sender" -> {
                params.requireCount(3, 3);
                String name = text(params, 1);
                String address = text(params, 2);
                mailbox.senderName(name);
                mailbox.senderAddress(address);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    /** @return a quoted value ({@code ""} allowed) of at most {@link #MAX_TEXT} characters */
    static String text(Params params, int index) {
        String value = params.string(index);
        if (value.length() > MAX_TEXT) {
            throw new FormatException("text too long");
        }
        return value;
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
