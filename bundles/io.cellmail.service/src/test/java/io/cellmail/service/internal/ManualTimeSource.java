/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * Clocks that move only when a test says so: {@link #advance} moves both the wall clock and the monotonic clock,
 * {@link #stepWallClock} only the wall clock (an NTP correction), {@link #newProcess()} only the monotonic clock's
 * origin (a restart). A thread waiting for a deadline sleeps until {@link #advance} reaches it (or it is
 * signalled); {@link #parkedUntil()} tells the test what the dispatcher waits for, as a wall-clock instant.
 *
 * <p>No lost wake-up: registering a waiter and checking the time happen under this object's monitor, as do
 * moving the time and taking the list of waiters to wake; a waiter registered before a move is signalled under
 * its lock, i.e. only once it really waits.
 */
final class ManualTimeSource implements TimeSource {

    /** @param deadline a monotonic reading; {@link Long#MAX_VALUE} for a signal only */
    private record Waiter(Lock lock, Condition condition, long deadline) {
    }

    private final Set<Waiter> waiters = Collections.newSetFromMap(new IdentityHashMap<>());
    private Instant wall;
    private long monotonic;

    ManualTimeSource(Instant start) {
        this.wall = start;
        // An arbitrary origin, as System.nanoTime has: nothing may read meaning into the value.
        this.monotonic = -7_000_000_000_000L;
    }

    @Override
    public synchronized Instant now() {
        return wall;
    }

    @Override
    public synchronized long nanoTime() {
        return monotonic;
    }

    // One wait, as the interface says: the callers re-check their state and wait again in their own loops.
    @SuppressWarnings("WaitNotInLoop")
    @Override
    public void awaitNanos(Lock lock, Condition condition, long nanos) throws InterruptedException {
        Waiter waiter;
        synchronized (this) {
            if (nanos <= 0) {
                return;
            }
            long deadline = nanos == Long.MAX_VALUE || monotonic + nanos < monotonic ? Long.MAX_VALUE
                    : monotonic + nanos;
            waiter = new Waiter(lock, condition, deadline);
            waiters.add(waiter);
        }
        try {
            condition.await();
        } finally {
            synchronized (this) {
                waiters.remove(waiter);
            }
        }
    }

    /** Moves both clocks forward and wakes every waiter (a waiter whose deadline did not come waits again). */
    void advance(Duration duration) {
        List<Waiter> toWake;
        synchronized (this) {
            wall = wall.plus(duration);
            monotonic += duration.toNanos();
            toWake = List.copyOf(waiters);
        }
        wake(toWake);
    }

    /** Moves both clocks forward to a wall-clock instant. */
    void advanceTo(Instant instant) {
        advance(Duration.between(now(), instant));
    }

    /** Steps the wall clock alone, forward or backward, as NTP does to a gateway without a battery-backed clock. */
    void stepWallClock(Duration step) {
        List<Waiter> toWake;
        synchronized (this) {
            wall = wall.plus(step);
            // Wake everyone: a waiter that (wrongly) waited for the wall clock would now see the step.
            toWake = List.copyOf(waiters);
        }
        wake(toWake);
    }

    /** A new process: the monotonic clock gets another origin. Only while nothing waits (the service is closed). */
    synchronized void newProcess() {
        if (!waiters.isEmpty()) {
            throw new IllegalStateException("a thread still waits: " + waiters.size());
        }
        monotonic += 123_456_789_000_000L;
    }

    /**
     * @return the earliest deadline a thread waits for, as the wall-clock instant it comes at if the wall clock does
     *     not step ({@link Instant#MAX}: a signal only); empty if none waits
     */
    synchronized Optional<Instant> parkedUntil() {
        return waiters.stream().mapToLong(Waiter::deadline).min().stream().mapToObj(
                deadline -> deadline == Long.MAX_VALUE ? Instant.MAX : wall.plusNanos(deadline - monotonic))
                .findFirst();
    }

    private static void wake(List<Waiter> waiters) {
        for (Waiter waiter : waiters) {
            waiter.lock().lock();
            try {
                waiter.condition().signalAll();
            } finally {
                waiter.lock().unlock();
            }
        }
    }
}
