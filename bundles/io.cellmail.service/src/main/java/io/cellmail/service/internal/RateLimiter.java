/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * At most N send attempts in any sliding hour, so an alarm storm cannot burn the SIM's data plan or get the
 * SMTP account blocked. Remembers the start of each attempt in the last hour (at most N moments), on the outbox's
 * clock: a wall-clock step neither empties nor stretches the window. The service persists the starts
 * ({@link ServiceStateFile}) and {@link #restore}s them, so a restart, even a restart loop, does not reset the
 * window. Not thread-safe: the mail queue guards it with its lock.
 */
final class RateLimiter {

    static final Duration WINDOW = Duration.ofHours(1);

    private final int maxPerWindow;
    private final Deque<ServiceTime> starts = new ArrayDeque<>();

    /** @param maxPerHour the most attempts per hour, 0 for no limit */
    RateLimiter(int maxPerHour) {
        if (maxPerHour < 0) {
            throw new IllegalArgumentException("maxPerHour must not be negative: " + maxPerHour);
        }
        this.maxPerWindow = maxPerHour;
    }

    /**
     * Takes back the window of an earlier run: its latest starts, at most the limit.
     *
     * @param saved the starts, oldest first
     */
    void restore(List<ServiceTime> saved) {
        if (maxPerWindow == 0) {
            return;
        }
        saved.stream().sorted().skip(Math.max(0, saved.size() - maxPerWindow)).forEach(starts::addLast);
    }

    /**
     * @param now the current time
     * @return empty when an attempt may start now, else the moment the window has room again
     */
    Optional<ServiceTime> nextSlot(ServiceTime now) {
        if (maxPerWindow == 0) {
            return Optional.empty();
        }
        forgetBefore(now);
        return starts.size() < maxPerWindow ? Optional.empty() : Optional.of(starts.peekFirst().plus(WINDOW));
    }

    /** @param now when an attempt started */
    void record(ServiceTime now) {
        if (maxPerWindow > 0) {
            starts.addLast(now);
        }
    }

    /**
     * @param now the current time
     * @return the starts in the window now, oldest first: what to persist
     */
    List<ServiceTime> starts(ServiceTime now) {
        forgetBefore(now);
        return List.copyOf(starts);
    }

    /** @return true when the limit is on: then the window is persisted before every attempt */
    boolean isLimiting() {
        return maxPerWindow > 0;
    }

    /** @return the configured limit, 0 for none */
    int maxPerHour() {
        return maxPerWindow;
    }

    private void forgetBefore(ServiceTime now) {
        while (!starts.isEmpty() && !starts.peekFirst().plus(WINDOW).isAfter(now)) {
            starts.pollFirst();
        }
    }
}
