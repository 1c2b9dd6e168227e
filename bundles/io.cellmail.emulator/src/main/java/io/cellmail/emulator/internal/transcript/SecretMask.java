package io.cellmail.emulator.internal.transcript;

import java.util.Locale;

/**
 * Replaces the password of {@code AT+QSMTPPWD="..."}, the fourth parameter of
 * {@code AT+QICSGP=<mode>,"<apn>","<user>","<pwd>"} (GSM), the fifth of
 * {@code AT+QICSGP=<cid>,<type>,"<apn>","<user>","<pwd>"} (LTE; the LTE query's {@code +QICSGP:} line holds it as
 * its fourth), the third of {@code AT+QSMTPCFG="account","<user>","<pwd>"} and of its query's answer, and the PIN (or PUK and new PIN) of {@code AT+CPIN="..."} by
 * {@code "****"}. When the value is not a cleanly quoted
 * parameter ending the command (a stray quote, junk after it) everything to the end of the line is masked: a
 * malformed command must not leak part of a password either.
 */
public final class SecretMask {

    /** What a masked secret looks like. */
    public static final String MASK = "\"****\"";

    private SecretMask() {
    }

    /** @return the line with every secret masked */
    public static String mask(String line) {
        String masked = maskAfter(line, "+QSMTPPWD", 0);
        masked = maskAfter(masked, "+CPIN", 0);
        if (isAccountLine(masked)) {
            masked = maskAfter(masked, "+QSMTPCFG", 2, '=');
            masked = maskAfter(masked, "+QSMTPCFG", 2, ':');
        }
        masked = maskAfter(masked, "+QICSGP", 3, ':');
        return maskAfter(masked, "+QICSGP", lteContextLine(masked) ? 4 : 3, '=');
    }

    /** @return true for {@code AT+QSMTPCFG="account",...} and its answer {@code +QSMTPCFG: "account",...} */
    private static boolean isAccountLine(String line) {
        String upper = line.toUpperCase(Locale.ROOT).replace(" ", "");
        return upper.contains("+QSMTPCFG=\"ACCOUNT\"") || upper.contains("+QSMTPCFG:\"ACCOUNT\"");
    }

    /** @return true if {@code AT+QICSGP=}'s second parameter is a number: the LTE form with a context type */
    private static boolean lteContextLine(String line) {
        String upper = line.toUpperCase(Locale.ROOT).replace(" ", "");
        int at = upper.indexOf("+QICSGP=");
        if (at < 0) {
            return false;
        }
        int comma = upper.indexOf(',', at);
        return comma >= 0 && comma + 1 < upper.length() && Character.isDigit(upper.charAt(comma + 1));
    }

    private static String maskAfter(String line, String command, int commasBefore) {
        return maskAfter(line, command, commasBefore, '=');
    }

    private static String maskAfter(String line, String command, int commasBefore, char separator) {
        String upper = line.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(line.length());
        int from = 0;
        int at = upper.indexOf(command, from);
        while (at >= 0) {
            int i = skipSpaces(line, at + command.length());
            if (i >= line.length() || line.charAt(i) != separator
                    || line.startsWith("?", skipSpaces(line, i + 1))) {
                out.append(line, from, i);
                from = i;
            } else {
                int value = skipParameters(line, i + 1, commasBefore);
                if (value < 0) {
                    out.append(line, from, line.length());
                    return out.toString();
                }
                value = skipSpaces(line, value);
                out.append(line, from, value).append(MASK);
                from = endOfSecret(line, value);
            }
            at = upper.indexOf(command, Math.max(from, at + 1));
        }
        out.append(line, from, line.length());
        return out.toString();
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

    /** @return where the text after a secret starting at {@code start} resumes; line length masks the rest */
    private static int endOfSecret(String line, int start) {
        if (start < line.length() && line.charAt(start) == '"') {
            int close = line.indexOf('"', start + 1);
            if (close > 0) {
                int next = skipSpaces(line, close + 1);
                if (next == line.length() || line.charAt(next) == ';') {
                    return close + 1;
                }
            }
        }
        return line.length();
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
