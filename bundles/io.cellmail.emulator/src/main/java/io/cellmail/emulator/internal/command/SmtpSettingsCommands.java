/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.SmtpMailbox;

/**
 * The SMTP account and server: {@code AT+QSMTPUSER}, {@code AT+QSMTPPWD}, {@code AT+QSMTPADDR},
 * {@code AT+QSMTPNAME}, {@code AT+QSMTPSRV}, {@code AT+QSMTPCFG} and {@code AT+QSMTPCLR}, in the forms of spec
 * chapter 2; undocumented forms ({@code AT+QSMTPCFG?}, {@code AT+QSMTPCLR?}, execute forms of the setters) answer
 * {@code ERROR}.
 *
 * <p>Decisions where the spec is silent:
 * <ul>
 * <li>user name and password: at most 50 characters (spec); sender address and name: no limit but the line's;
 * an empty server address is a format error.</li>
 * <li>{@code AT+QSMTPPWD?} always prints {@code +QSMTPPWD: "****"}, set or not: the mask reveals nothing.</li>
 * <li>Before a server is set {@code AT+QSMTPSRV?} prints {@code +QSMTPSRV: "",25}; with the
 * {@code okBeforeServerInfo} quirk (default) {@code OK} comes first, as the spec shows.</li>
 * <li>{@code AT+QSMTPCFG=1} (value omitted) prints {@code +QSMTPCFG:<value>} in the result format (compact by
 * default, as the spec shows) even while a mail is being sent; only changing a value is refused then.</li>
 * <li>While {@code AT+QSMTPPUT} runs, every write answers {@code ERROR} ("if ... it is not sending email,
 * response OK"). {@code AT+QSMTPCLR} is the exception the spec makes ("If format is right, response OK"): it
 * clears the nine items; the mail in flight was taken before and goes out unchanged.</li>
 * </ul>
 */
public final class SmtpSettingsCommands implements CommandFamily {

    /** Longest user name and password. */
    public static final int MAX_CREDENTIAL = 50;
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+QSMTPUSER", quoted("+QSMTPUSER", "USER", MAX_CREDENTIAL, SmtpMailbox::user, SmtpMailbox::user),
                "+QSMTPPWD", quoted("+QSMTPPWD", "PASSWORD", MAX_CREDENTIAL, mailbox -> "****",
                        SmtpMailbox::password),
                "+QSMTPADDR", quoted("+QSMTPADDR", "ADDRESS", NO_LIMIT, SmtpMailbox::senderAddress,
                        SmtpMailbox::senderAddress),
                "+QSMTPNAME", quoted("+QSMTPNAME", "NAME", NO_LIMIT, SmtpMailbox::senderName,
                        SmtpMailbox::senderName),
                "+QSMTPSRV", SmtpSettingsCommands::server,
                "+QSMTPCFG", SmtpSettingsCommands::config,
                "+QSMTPCLR", SmtpSettingsCommands::clear);
    }

    /** A setting of one quoted string: test prints its placeholder, read its value, write sets it. */
    private static CommandHandler quoted(String name, String placeholder, int maxLength,
            Function<SmtpMailbox, String> shown, BiConsumer<SmtpMailbox, String> set) {
        return (command, context) -> {
            switch (command.form()) {
                case TEST -> context.reply().info(name + ": \"" + placeholder + "\"");
                case READ -> context.reply().info(name + ": \"" + shown.apply(context.mailbox()) + "\"");
                case WRITE -> {
                    Params params = command.params();
                    params.requireCount(1, 1);
                    String value = params.string(0);
                    if (value.length() > maxLength || context.state().sending()) {
                        return Outcome.error();
                    }
                    set.accept(context.mailbox(), value);
                }
                default -> {
                    return Outcome.error();
                }
            }
            return Outcome.ok();
        };
    }

    private static Outcome server(AtCommand command, CommandContext context) {
        SmtpMailbox mailbox = context.mailbox();
        switch (command.form()) {
            case TEST -> context.reply().info("+QSMTPSRV: \"SERVER\",(1-65535)");
            case READ -> {
                String line = "+QSMTPSRV: \"" + mailbox.server() + "\"," + mailbox.port();
                if (context.settings().okBeforeServerInfo()) {
                    context.reply().afterFinal(line);
                } else {
                    context.reply().info(line);
                }
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(2, 2);
                String host = params.string(0);
                int port = params.number(1, 1, 65_535);
                if (host.isEmpty() || context.state().sending()) {
                    return Outcome.error();
                }
                mailbox.server(host, port);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome config(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> context.reply().info("+QSMTPCFG: (1)");
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 2);
                params.number(0, 1, 1);
                if (!params.present(1)) {
                    context.reply().info(context.reply().result("+QSMTPCFG", context.mailbox().authenticate() ? 1 : 0));
                    return Outcome.ok();
                }
                int value = params.number(1, 0, 1);
                if (context.state().sending()) {
                    return Outcome.error();
                }
                context.mailbox().authenticate(value == 1);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome clear(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                return Outcome.ok();
            }
            case EXECUTE -> {
                context.mailbox().clear();
                return Outcome.ok();
            }
            default -> {
                return Outcome.error();
            }
        }
    }
}
