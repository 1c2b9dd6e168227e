/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.time.Duration;
import java.util.Locale;

/** Number formats of the results table: fixed, locale-free, with units. */
public final class Format {

    private Format() {
    }

    /** @return e.g. {@code 7.76 MB/s} (MB = 10^6 bytes) */
    public static String mbPerSecond(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.3g MB/s", bytesPerSecond / 1e6);
    }

    /** @return e.g. {@code 673×} */
    public static String times(double ratio) {
        return ratio >= 100 ? String.format(Locale.ROOT, "%,.0f×", ratio)
                : String.format(Locale.ROOT, "%.2g×", ratio);
    }

    /** @return e.g. {@code 35.21 s} */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f s", seconds);
    }

    /** @return e.g. {@code 35.21 s} */
    public static String seconds(Duration duration) {
        return seconds(duration.toNanos() / 1e9);
    }

    /** @return e.g. {@code 12.5 ms} */
    public static String millis(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }

    /** @return e.g. {@code 1.23 %} */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    /** @return e.g. {@code 4,873/s} */
    public static String perSecond(double rate) {
        return String.format(Locale.ROOT, "%,.0f/s", rate);
    }

    /** @return a number with thousands separators */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** @return e.g. {@code 7.39 ± 0.41}: a JMH score and its 99.9 % confidence half-width, scaled */
    public static String withError(double score, double error, double scale, String unit) {
        if (score / scale >= 1000) {
            return (Double.isNaN(error) ? String.format(Locale.ROOT, "%,.0f %s", score / scale, unit)
                    : String.format(Locale.ROOT, "%,.0f ± %,.0f %s", score / scale, error / scale, unit)).strip();
        }
        if (Double.isNaN(error)) {
            return String.format(Locale.ROOT, "%.3g %s", score / scale, unit).strip();
        }
        return String.format(Locale.ROOT, "%.3g ± %.2g %s", score / scale, error / scale, unit).strip();
    }
}
