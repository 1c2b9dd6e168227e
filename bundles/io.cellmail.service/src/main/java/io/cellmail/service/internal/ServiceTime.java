/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;

/**
 * A moment on an outbox's own clock: how long services have run on this outbox, in nanoseconds. It advances with
 * the monotonic clock while a service runs and stands still while none does, so a step of the wall clock (an NTP
 * correction, a gateway booting without a battery-backed clock) moves nothing that is measured in it: the age of
 * a mail, its next attempt, the rate limit's window. It is persisted (state frames, {@link ServiceStateFile}), so
 * it continues across restarts.
 *
 * @param nanos nanoseconds since the outbox's clock started; may be negative for moments before that (mail
 *     imported from an outbox of the first format)
 */
record ServiceTime(long nanos) implements Comparable<ServiceTime> {

    /** The start of a new outbox's clock. */
    static final ServiceTime ZERO = new ServiceTime(0);

    /** @return this moment plus the duration, saturating instead of overflowing */
    ServiceTime plus(Duration duration) {
        return plusNanos(saturatedNanos(duration));
    }

    /** @return this moment minus the duration, saturating instead of overflowing */
    ServiceTime minus(Duration duration) {
        return plusNanos(-saturatedNanos(duration));
    }

    /** @return this moment plus the nanoseconds, saturating instead of overflowing */
    ServiceTime plusNanos(long delta) {
        long sum = nanos + delta;
        // Overflow only when both have the same sign and the sum has the other one.
        if (((nanos ^ sum) & (delta ^ sum)) < 0) {
            return new ServiceTime(delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE);
        }
        return new ServiceTime(sum);
    }

    /** @return the time from this moment to {@code later}, negative when {@code later} is earlier */
    Duration until(ServiceTime later) {
        return Duration.ofNanos(later.nanos - nanos);
    }

    boolean isBefore(ServiceTime other) {
        return nanos < other.nanos;
    }

    boolean isAfter(ServiceTime other) {
        return nanos > other.nanos;
    }

    static ServiceTime earlier(ServiceTime a, ServiceTime b) {
        return a.nanos <= b.nanos ? a : b;
    }

    static ServiceTime later(ServiceTime a, ServiceTime b) {
        return a.nanos >= b.nanos ? a : b;
    }

    @Override
    public int compareTo(ServiceTime other) {
        return Long.compare(nanos, other.nanos);
    }

    @Override
    public String toString() {
        return "service time " + Duration.ofNanos(nanos);
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return duration.isNegative() ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
        }
    }
}
