package io.cellmail.service.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * At most N send attempts in any sliding hour, so an alarm storm cannot burn the SIM's data plan or get the
 * SMTP account blocked. Remembers the start of each attempt in the last hour (at most N instants). Not
 * thread-safe: the mail queue guards it with its lock. Not durable: a restart starts with a fresh hour.
 */
final class RateLimiter {

    static final Duration WINDOW = Duration.ofHours(1);

    private final int maxPerWindow;
    private final Deque<Instant> starts = new ArrayDeque<>();

    /** @param maxPerHour the most attempts per hour, 0 for no limit */
    RateLimiter(int maxPerHour) {
        if (maxPerHour < 0) {
            throw new IllegalArgumentException("maxPerHour must not be negative: " + maxPerHour);
        }
        this.maxPerWindow = maxPerHour;
    }

    /**
     * @param now the current time
     * @return empty when an attempt may start now, else the moment the window has room again
     */
    Optional<Instant> nextSlot(Instant now) {
        if (maxPerWindow == 0) {
            return Optional.empty();
        }
        while (!starts.isEmpty() && !starts.peekFirst().plus(WINDOW).isAfter(now)) {
            starts.pollFirst();
        }
        return starts.size() < maxPerWindow ? Optional.empty() : Optional.of(starts.peekFirst().plus(WINDOW));
    }

    /** @param now when an attempt started */
    void record(Instant now) {
        if (maxPerWindow > 0) {
            starts.addLast(now);
        }
    }

    /** @return the configured limit, 0 for none */
    int maxPerHour() {
        return maxPerWindow;
    }
}
