/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with "equal jitter": after the n-th failed attempt the ceiling is
 * {@code min(cap, base * 2^n)} and the delay is drawn uniformly from {@code [max(base, ceiling / 2), ceiling]}.
 * So every delay lies within [base, cap], delays really grow (the n-th is at least half the n-th ceiling), and
 * gateways that failed together do not retry together.
 */
final class RetryPolicy {

    private final long baseMillis;
    private final long capMillis;
    private final RandomGenerator random;

    /**
     * @param base the smallest delay, positive
     * @param cap the largest delay, at least {@code base}
     * @param random the jitter source; only the dispatcher thread uses it
     */
    RetryPolicy(Duration base, Duration cap, RandomGenerator random) {
        this.baseMillis = Math.max(1, base.toMillis());
        this.capMillis = Math.max(baseMillis, cap.toMillis());
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param failedAttempts how many attempts failed so far, at least 1
     * @return how long to wait before the next attempt
     */
    Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
        }
        long ceiling = ceiling(failedAttempts);
        long floor = Math.max(baseMillis, ceiling / 2);
        return Duration.ofMillis(floor + random.nextLong(ceiling - floor + 1));
    }

    /** @return {@code min(cap, base * 2^failedAttempts)} without overflowing */
    long ceiling(int failedAttempts) {
        int shift = Math.min(failedAttempts, 62);
        if (baseMillis > (capMillis >> shift)) {
            return capMillis;
        }
        return Math.min(capMillis, baseMillis << shift);
    }
}
