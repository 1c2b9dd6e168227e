/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

import com.google.errorprone.annotations.concurrent.GuardedBy;

/**
 * The outbox's clock while one service runs on it: {@link ServiceTime} that continues from what the outbox last
 * recorded and advances with the monotonic clock. Ages, retry times, expiry and the rate limit's window are all
 * measured on it, so a wall-clock step expires nothing early and parks nothing; the wall clock only labels
 * moments for people ({@link #toWall}).
 *
 * <p>Time that passes while no service runs (a power cut, a stopped framework) does not count: a gateway without
 * a battery-backed clock cannot know how long it was off. Neither does time since the last record when the
 * process dies; {@link #nextCheckpoint()} says when that record is due, often enough to lose little and seldom
 * enough to spare the flash. Thread-safe.
 */
final class ServiceClock {

    /** The longest gap between two checkpoints while mail waits: at most a few minutes are lost to a crash. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofMinutes(5);
    /**
     * The first checkpoint of a run comes this soon, later ones ever later up to {@link #CHECKPOINT_INTERVAL}, so
     * that a service that is restarted every few minutes still sees its clock move.
     */
    static final Duration FIRST_CHECKPOINT = Duration.ofSeconds(30);

    private final TimeSource time;
    private final long originNanos;
    private final Object lock = new Object();
    @GuardedBy("lock")
    private ServiceTime origin;
    @GuardedBy("lock")
    private ServiceTime lastCheckpoint;
    /** How long this run had lasted at the last checkpoint. */
    @GuardedBy("lock")
    private Duration runAtLastCheckpoint = Duration.ZERO;

    /**
     * @param time the system's clocks
     * @param start the service time the outbox recorded last, where this run's clock starts
     */
    ServiceClock(TimeSource time, ServiceTime start) {
        this.time = Objects.requireNonNull(time, "time");
        this.originNanos = time.nanoTime();
        this.origin = Objects.requireNonNull(start, "start");
        this.lastCheckpoint = start;
    }

    /** @return the service time now */
    ServiceTime now() {
        synchronized (lock) {
            return origin.plusNanos(time.nanoTime() - originNanos);
        }
    }

    /** @return the wall clock now: for receipts and status only, never for scheduling */
    Instant wallNow() {
        return time.now();
    }

    /**
     * Moves the clock forward to a moment the outbox recorded, if it is behind it (the last checkpoint is older than
     * the newest state a mail file holds). Never moves it back.
     *
     * @param recorded a service time read from the outbox
     */
    void catchUp(ServiceTime recorded) {
        synchronized (lock) {
            ServiceTime now = now();
            if (recorded.isAfter(now)) {
                origin = origin.plusNanos(recorded.nanos() - now.nanos());
            }
        }
    }

    /**
     * @param moment a service time
     * @return the wall-clock instant it corresponds to if the wall clock does not step from now on
     */
    Instant toWall(ServiceTime moment) {
        Duration fromNow = now().until(moment);
        try {
            return wallNow().plus(fromNow);
        } catch (DateTimeException | ArithmeticException e) {
            return fromNow.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    /**
     * Waits on a condition until it is signalled or this clock reaches the deadline; may return early.
     *
     * @param lock the lock of the condition, held by the calling thread
     * @param condition the condition
     * @param deadline when to wake up at the latest, or null to wait for a signal only
     * @throws InterruptedException when the thread is interrupted
     */
    void awaitUntil(Lock lock, Condition condition, ServiceTime deadline) throws InterruptedException {
        long nanos = deadline == null ? Long.MAX_VALUE : Math.max(0, now().until(deadline).toNanos());
        time.awaitNanos(lock, condition, nanos);
    }

    /** @param at the service time just written to the outbox's state file (or tried: a failure waits as long) */
    void checkpointed(ServiceTime at) {
        synchronized (lock) {
            lastCheckpoint = ServiceTime.later(lastCheckpoint, at);
            runAtLastCheckpoint = Duration.ofNanos(time.nanoTime() - originNanos);
        }
    }

    /** @return when the next checkpoint is due if mail waits */
    ServiceTime nextCheckpoint() {
        synchronized (lock) {
            Duration run = runAtLastCheckpoint;
            Duration interval = run.compareTo(FIRST_CHECKPOINT) < 0 ? FIRST_CHECKPOINT
                    : run.compareTo(CHECKPOINT_INTERVAL) > 0 ? CHECKPOINT_INTERVAL : run;
            return lastCheckpoint.plus(interval);
        }
    }
}
