package io.cellmail.console.internal;

import java.util.regex.Pattern;

/**
 * Masks the password parameters of the two AT commands that carry one, in case a dialect's transcript did not. The
 * dialects mask already; the console prints to terminals and logs it does not control, so it checks again.
 */
final class TranscriptMask {

    static final String MASK = "****";

    /** {@code AT+QSMTPPWD="secret"}: the only parameter is the SMTP password. */
    private static final Pattern SMTP_PASSWORD = Pattern.compile("(?i)(AT\\+QSMTPPWD=)(\"[^\"]*\"?|[^\\s,]*)");
    /** {@code AT+QICSGP=1,"apn","user","secret"}: the fourth parameter is the APN password. */
    private static final Pattern APN_PASSWORD =
            Pattern.compile("(?i)(AT\\+QICSGP=[^,]*,\"[^\"]*\",\"[^\"]*\",)(\"[^\"]*\"?|[^\\s,]*)");

    private TranscriptMask() {
    }

    /** @return the line with any password parameter replaced by {@value #MASK} in quotes */
    static String mask(String line) {
        String masked = SMTP_PASSWORD.matcher(line).replaceAll("$1\"" + MASK + "\"");
        return APN_PASSWORD.matcher(masked).replaceAll("$1\"" + MASK + "\"");
    }
}
