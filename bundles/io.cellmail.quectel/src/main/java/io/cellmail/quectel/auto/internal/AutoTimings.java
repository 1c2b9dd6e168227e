/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The waits of the {@code auto} dialect's identification; none is a setting. A record so that tests can shorten
 * them.
 *
 * @param commandTimeout how long each identification command may take
 * @param retryBase the pause after the first identification that got no answer; doubled after each further one
 * @param retryCap the longest pause between identifications
 * @param quietBeforeWarning how long the module may stay silent before the one warning in the log
 * @param probeDeadline how long a {@code probe()} may take in all, identification included
 */
public record AutoTimings(Duration commandTimeout, Duration retryBase, Duration retryCap,
        Duration quietBeforeWarning, Duration probeDeadline) {

    /** The waits for a real module: its engine's own readiness and backoff, then 1 s doubling to a minute. */
    public static final AutoTimings DEFAULT = new AutoTimings(Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(15));

    public AutoTimings {
        positive(commandTimeout, "commandTimeout");
        positive(retryBase, "retryBase");
        positive(retryCap, "retryCap");
        positive(quietBeforeWarning, "quietBeforeWarning");
        positive(probeDeadline, "probeDeadline");
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
