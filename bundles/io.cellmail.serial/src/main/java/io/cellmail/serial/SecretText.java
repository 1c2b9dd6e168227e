/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule set that hides secrets in text that crossed, or will cross, a modem's line, applied by every path that
 * shows such text: the AT engine's transcript, the console, the command-line tool and the emulator's transcript.
 * Masked, by {@value #MASK}:
 * <ul>
 * <li>the password of {@code AT+QSMTPPWD="…"} (GSM);</li>
 * <li>the PIN, or the PUK and the new PIN, of {@code AT+CPIN="…"};</li>
 * <li>the APN password: the fourth parameter of {@code AT+QICSGP=<mode>,"<apn>","<user>","<pwd>"} (GSM), the
 *     fifth of {@code AT+QICSGP=<cid>,<type>,"<apn>","<user>","<pwd>",<auth>} (LTE: its second parameter is a
 *     number), the fourth of the LTE query's answer {@code +QICSGP: <type>,"<apn>","<user>","<pwd>",<auth>};</li>
 * <li>the password of {@code AT+QSMTPCFG="account","<user>","<pwd>"} (LTE) and of its query's answer.</li>
 * </ul>
 * Works on any line: typed by a person, sent by a driver, echoed or answered by a module, wherever in the line the
 * command stands ({@code ATE0;+QSMTPPWD="p"}), whatever the case and spacing. Fails safe: when the secret is not a
 * cleanly quoted parameter that ends the command (at {@code ;}, a line end or the text's end), everything from its start to the end of the line is masked, so a
 * malformed command never shows part of a password.
 */
public final class SecretText {

    /** What a hidden secret shows as. */
    public static final String MASK = "\"****\"";

    /** The commands that may carry a secret. */
    private static final List<String> SECRET_COMMANDS = List.of("QSMTPPWD", "CPIN", "QICSGP", "QSMTPCFG");

    /** A command that may carry a secret, set ({@code =}) or answered ({@code :}). */
    private static final Pattern COMMAND = Pattern.compile(
            "(?i)\\+\\s*(" + String.join("|", SECRET_COMMANDS) + ")\\s*([=:])");

    private SecretText() {
    }

    /**
     * @param line any text of an AT line
     * @return the line with every secret replaced by {@value #MASK}
     */
    public static String mask(String line) {
        if (!namesASecretCommand(line)) {
            // the engine masks every line it sends or reads: most are done here, without a regular expression
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int from = 0;
        Matcher command = COMMAND.matcher(line);
        int searchFrom = 0;
        while (searchFrom < line.length() && command.find(searchFrom)) {
            int parameters = command.end();
            searchFrom = parameters;
            OptionalInt secret = secretIndex(command.group(1).toUpperCase(Locale.ROOT), command.group(2).charAt(0),
                    line, parameters);
            if (secret.isEmpty()) {
                continue;
            }
            int start = skipParameters(line, parameters, secret.getAsInt());
            if (start < 0) {
                // the command ends before its secret: it carries none
                continue;
            }
            start = skipSpaces(line, start);
            out.append(line, from, start).append(MASK);
            from = endOfSecret(line, start);
            searchFrom = from;
        }
        return out.append(line, from, line.length()).toString();
    }

    /**
     * @return whether a {@code +} in the line is followed by the name of a command that may carry a secret; a
     *     superset of what {@link #COMMAND} finds (any whitespace is skipped), so a line it rules out holds no secret
     */
    private static boolean namesASecretCommand(String line) {
        for (int plus = line.indexOf('+'); plus >= 0; plus = line.indexOf('+', plus + 1)) {
            int name = plus + 1;
            while (name < line.length() && Character.isWhitespace(line.charAt(name))) {
                name++;
            }
            for (String command : SECRET_COMMANDS) {
                if (line.regionMatches(true, name, command, 0, command.length())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return which parameter (from 0) holds the secret, or empty when this form carries none */
    private static OptionalInt secretIndex(String command, char separator, String line, int parameters) {
        int first = skipSpaces(line, parameters);
        if (separator == '=' && first < line.length() && line.charAt(first) == '?') {
            return OptionalInt.empty(); // the test form
        }
        return switch (command) {
            case "QSMTPPWD" -> OptionalInt.of(0);
            case "CPIN" -> separator == '=' ? OptionalInt.of(0) : OptionalInt.empty(); // "+CPIN: READY" is a state
            case "QICSGP" -> OptionalInt.of(separator == ':' || !secondParameterIsNumber(line, parameters) ? 3 : 4);
            case "QSMTPCFG" -> line.regionMatches(true, first, "\"account\"", 0, 9) ? OptionalInt.of(2)
                    : OptionalInt.empty();
            default -> OptionalInt.empty();
        };
    }

    /** The LTE form {@code <cid>,<type>,"<apn>",…} has a number where the GSM form has the quoted APN. */
    private static boolean secondParameterIsNumber(String line, int parameters) {
        int second = skipParameters(line, parameters, 1);
        if (second < 0) {
            return false;
        }
        second = skipSpaces(line, second);
        return second < line.length() && Character.isDigit(line.charAt(second));
    }

    /** @return the index after {@code commas} top-level commas, or -1 if the command ends first */
    private static int skipParameters(String line, int from, int commas) {
        boolean quoted = false;
        int seen = 0;
        int i = from;
        while (seen < commas) {
            if (i >= line.length()) {
                return -1;
            }
            char c = line.charAt(i++);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                return -1;
            } else if (!quoted && c == ',') {
                seen++;
            }
        }
        return i;
    }

    /** @return where the text after a secret starting at {@code start} resumes; the line's length masks the rest */
    private static int endOfSecret(String line, int start) {
        if (start < line.length() && line.charAt(start) == '"') {
            int close = line.indexOf('"', start + 1);
            if (close > 0) {
                int next = skipSpaces(line, close + 1);
                if (next == line.length() || line.charAt(next) == ';' || line.charAt(next) == '\r'
                        || line.charAt(next) == '\n') {
                    return close + 1;
                }
            }
        }
        return line.length();
    }

    private static int skipSpaces(String line, int i) {
        int at = i;
        while (at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return at;
    }
}
