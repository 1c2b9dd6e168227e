/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/** The system's clocks: the wall clock of a {@link Clock}, {@link System#nanoTime()}, {@link Condition#awaitNanos}. */
public final class SystemTimeSource implements TimeSource {

    private final Clock clock;

    /** Uses the system clock in UTC. */
    public SystemTimeSource() {
        this(Clock.systemUTC());
    }

    /** @param clock the wall clock to read */
    public SystemTimeSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    // One wait, as the interface says: the callers re-check their state and wait again in their own loops.
    @SuppressWarnings("WaitNotInLoop")
    @Override
    public void awaitNanos(Lock lock, Condition condition, long nanos) throws InterruptedException {
        if (nanos == Long.MAX_VALUE) {
            condition.await();
        } else if (nanos > 0) {
            condition.awaitNanos(nanos);
        }
    }
}
