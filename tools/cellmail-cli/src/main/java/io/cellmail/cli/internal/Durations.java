/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them on a command line: {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 5m}, {@code PT2S}. */
public final class Durations {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private Durations() {
    }

    /**
     * @param text the typed duration
     * @param option the option it was given to, for the message
     * @return the positive duration
     * @throws UsageException if the text is not a positive duration
     */
    public static Duration parsePositive(String text, String option) throws UsageException {
        Duration parsed = parseNonNegative(text, option);
        if (parsed.isZero()) {
            throw new UsageException(option + " needs a positive duration like 500ms, 30s, 1.5s or 5m, got: " + text);
        }
        return parsed;
    }

    /**
     * @param text the typed duration, {@code 0} allowed
     * @param option the option it was given to, for the message
     * @return the duration, zero or more
     * @throws UsageException if the text is not a duration
     */
    public static Duration parseNonNegative(String text, String option) throws UsageException {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        Duration parsed = null;
        Matcher simple = SIMPLE.matcher(trimmed);
        try {
            if (simple.matches()) {
                BigDecimal millis = new BigDecimal(simple.group(1)).multiply(BigDecimal.valueOf(millisPer(simple.group(2))));
                parsed = Duration.ofNanos(millis.movePointRight(6).toBigInteger().longValueExact());
            } else if (trimmed.startsWith("pt") || trimmed.startsWith("p")) {
                parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            parsed = null;
        }
        if (trimmed.equals("0")) {
            parsed = Duration.ZERO;
        }
        if (parsed == null || parsed.isNegative()) {
            throw new UsageException(option + " needs a duration like 500ms, 30s, 1.5s or 5m, got: " + text);
        }
        return parsed;
    }

    /** @param duration a duration @return it as people read it: {@code 850ms}, {@code 4.2s}, {@code 2m30s} */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return BigDecimal.valueOf(millis, 3).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "s";
        }
        long seconds = duration.toSeconds();
        return seconds / 60 + "m" + (seconds % 60 == 0 ? "" : seconds % 60 + "s");
    }

    private static long millisPer(String unit) {
        switch (unit) {
            case "ms":
                return 1;
            case "s":
                return 1_000;
            case "m":
                return 60_000;
            default:
                return 3_600_000;
        }
    }
}
