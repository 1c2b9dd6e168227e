/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;

/**
 * A point on the monotonic clock by which something must be done.
 *
 * @param endNanos the {@link System#nanoTime()} value of the deadline
 */
record Deadline(long endNanos) {

    /** Longer waits are cut to this, so that nanosecond arithmetic cannot overflow. */
    private static final long LONGEST_NANOS = Duration.ofDays(365).toNanos();

    /**
     * @param duration how long from now
     * @return the deadline
     */
    static Deadline after(Duration duration) {
        long nanos = duration.compareTo(Duration.ofNanos(LONGEST_NANOS)) > 0 ? LONGEST_NANOS
                : Math.max(0, duration.toNanos());
        return new Deadline(System.nanoTime() + nanos);
    }

    /** @return nanoseconds left, zero or negative once passed */
    long remainingNanos() {
        return endNanos - System.nanoTime();
    }

    /** @return the time left, never negative */
    Duration remaining() {
        return Duration.ofNanos(Math.max(0, remainingNanos()));
    }

    /**
     * @param duration a bound from now
     * @return this deadline or the bound, whichever comes first
     */
    Deadline atMost(Duration duration) {
        Deadline bound = after(duration);
        return bound.endNanos - endNanos < 0 ? bound : this;
    }
}
