/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.util.Arrays;

/** Median, minimum and maximum of a few timed runs: too few for a mean and a deviation to mean much. */
public final class Stats {

    private Stats() {
    }

    /** @return the median (mean of the middle two for an even count) */
    public static double median(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }

    /** @return the smallest value */
    public static double min(double... values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** @return the largest value */
    public static double max(double... values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
