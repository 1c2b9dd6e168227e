/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Locale;
import java.util.Map;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.FormatException;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.SslContexts;

/**
 * {@code AT+QSSLCFG="<key>",<ctx>[,<value>]} of the LTE modules, SSL contexts 0-5. Keys and ranges (EG25-G test
 * output): {@code "sslversion"} 0-4 (0 SSL 3.0, 1 TLS 1.0, 2 TLS 1.1, 3 TLS 1.2, 4 all; default 4),
 * {@code "ciphersuite"} a hex suite such as {@code 0x0035} or {@code 0xFFFF} for all (default),
 * {@code "seclevel"} 0-2 (0 no authentication, default; 1 verify the server; 2 verify server and client),
 * {@code "cacert"}, {@code "clientcert"}, {@code "clientkey"} a quoted file name, {@code "ignorelocaltime"} 0/1
 * (default 1), {@code "negotiatetime"} 10-300 s (default 300), {@code "sni"} 0/1 (default 0). Without a value the
 * command is the query: {@code +QSSLCFG: "<key>",<ctx>,<value>}. Anything else answers {@code ERROR}. Not
 * emulated (the README says so): a client key's password, {@code "cacertex"}, {@code "dtls"}.
 */
public final class SslConfigCommands implements CommandFamily {

    private static final String NAME = "+QSSLCFG";

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(NAME, SslConfigCommands::configure);
    }

    private static Outcome configure(AtCommand command, CommandContext context) {
        SslContexts contexts = context.state().sslContexts();
        switch (command.form()) {
            case TEST -> {
                context.reply().info(NAME + ": \"sslversion\",(0-5),(0-4)");
                context.reply().info(NAME + ": \"ciphersuite\",(0-5),(0X0035,0X002F,0X0005,0X0004,0X000A,0XFFFF)");
                context.reply().info(NAME + ": \"seclevel\",(0-5),(0-2)");
                context.reply().info(NAME + ": \"cacert\",(0-5),<cacertpath>");
                context.reply().info(NAME + ": \"clientcert\",(0-5),<client_cert_path>");
                context.reply().info(NAME + ": \"clientkey\",(0-5),<client_key_path>");
                context.reply().info(NAME + ": \"ignorelocaltime\",(0-5),(0,1)");
                context.reply().info(NAME + ": \"negotiatetime\",(0-5),(10-300)");
                context.reply().info(NAME + ": \"sni\",(0-5),(0,1)");
                return Outcome.ok();
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(2, 3);
                String key = params.string(0).toLowerCase(Locale.ROOT);
                int id = params.number(1, SslContexts.FIRST, SslContexts.LAST);
                if (!SslContexts.DEFAULTS.containsKey(key)) {
                    return Outcome.error();
                }
                if (params.size() == 2) {
                    context.reply().info(NAME + ": \"" + key + "\"," + id + "," + contexts.value(id, key));
                    return Outcome.ok();
                }
                contexts.set(id, key, value(key, params));
                return Outcome.ok();
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    /** @return the value as the query prints it @throws FormatException if it is out of range */
    private static String value(String key, Params params) {
        return switch (key) {
            case "sslversion" -> String.valueOf(params.number(2, 0, 4));
            case "seclevel" -> String.valueOf(params.number(2, 0, 2));
            case "ignorelocaltime", "sni" -> String.valueOf(params.number(2, 0, 1));
            case "negotiatetime" -> String.valueOf(params.number(2, 10, 300));
            case "ciphersuite" -> cipherSuite(params.word(2));
            default -> "\"" + LteSmtpConfigCommands.text(params, 2) + "\"";
        };
    }

    private static String cipherSuite(String word) {
        String upper = word.toUpperCase(Locale.ROOT);
        if (!upper.matches("0X[0-9A-F]{4}")) {
            throw new FormatException("cipher suite is 0x and four hex digits");
        }
        return "0x" + upper.substring(2);
    }
}
