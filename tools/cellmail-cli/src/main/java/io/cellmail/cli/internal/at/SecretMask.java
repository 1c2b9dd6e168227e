package io.cellmail.cli.internal.at;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides passwords in AT text before it is printed or logged: the value of {@code AT+QSMTPPWD="…"}, the
 * fourth parameter (the password) of {@code AT+QICSGP=<mode>,"<apn>","<user>","<pwd>"} and the PIN, or PUK and new
 * PIN, of {@code AT+CPIN="…"}. Works on command lines as
 * typed and on any line a modem sends back (an echo), wherever in the line the command stands, so that a
 * concatenated command ({@code AT+QSMTPUSER="u";+QSMTPPWD="p"}) is masked too. Fails safe: everything after the
 * password's start is hidden, up to the end of the line.
 */
public final class SecretMask {

    /** What a hidden value shows as. */
    public static final String MASK = "****";

    private static final Pattern SMTP_PASSWORD = Pattern.compile("(?i)\\+\\s*QSMTPPWD\\s*=");
    private static final Pattern SIM_PIN = Pattern.compile("(?i)\\+\\s*CPIN\\s*=");
    private static final Pattern CONTEXT_SETTINGS = Pattern.compile("(?i)\\+\\s*QICSGP\\s*=");
    /** Parameters of AT+QICSGP before its password: mode, APN, user. */
    private static final int PARAMETERS_BEFORE_CONTEXT_PASSWORD = 3;

    private SecretMask() {
    }

    /**
     * @param line a command line or a line from the modem
     * @return the line with every password replaced by {@value #MASK}
     */
    public static String mask(String line) {
        String masked = maskRest(line, SMTP_PASSWORD);
        masked = maskRest(masked, SIM_PIN);
        return maskContextPassword(masked);
    }

    private static String maskRest(String line, Pattern start) {
        Matcher m = start.matcher(line);
        if (!m.find()) {
            return line;
        }
        return line.substring(0, m.end()) + hidden(line.substring(m.end()));
    }

    private static String maskContextPassword(String line) {
        Matcher m = CONTEXT_SETTINGS.matcher(line);
        if (!m.find()) {
            return line;
        }
        int start = startOfParameter(line, m.end(), PARAMETERS_BEFORE_CONTEXT_PASSWORD);
        if (start < 0) {
            return line;
        }
        return line.substring(0, start) + hidden(line.substring(start));
    }

    /** @return where the parameter after {@code commas} top-level commas starts, or -1 when there are fewer */
    private static int startOfParameter(String line, int from, int commas) {
        boolean inQuotes = false;
        int seen = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inQuotes && ++seen == commas) {
                return i + 1;
            }
        }
        return -1;
    }

    private static String hidden(String value) {
        if (value.isBlank()) {
            return value;
        }
        String lead = value.substring(0, value.length() - value.stripLeading().length());
        return lead + (value.stripLeading().startsWith("\"") ? "\"" + MASK + "\"" : MASK);
    }
}
