/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The two clocks a service reads, and the way its dispatcher waits on them. The wall clock only labels things
 * for people (receipts, status); everything the service schedules is measured on the monotonic clock, through the
 * outbox's {@link ServiceClock}, because the wall clock of a gateway may step by days. Tests use a manual
 * implementation that moves either clock on command, so retries, expiry and rate limits need no sleeping.
 */
public interface TimeSource {

    /** @return the wall clock's time; it may step forward or backward at any moment */
    Instant now();

    /**
     * @return a reading of the monotonic clock in nanoseconds ({@link System#nanoTime()}): it never steps, its
     *     origin is arbitrary, and readings compare only within one process
     */
    long nanoTime();

    /**
     * Waits on a condition until it is signalled, the thread is interrupted, or the monotonic clock advanced by
     * {@code nanos}. May return early (spuriously); callers re-check their state in a loop.
     *
     * @param lock the lock of the condition, held by the calling thread
     * @param condition the condition to wait on
     * @param nanos how long at most; {@link Long#MAX_VALUE} to wait for a signal only
     * @throws InterruptedException when the thread is interrupted
     */
    void awaitNanos(Lock lock, Condition condition, long nanos) throws InterruptedException;
}
