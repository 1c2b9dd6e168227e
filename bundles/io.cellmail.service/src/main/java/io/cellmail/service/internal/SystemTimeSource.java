package io.cellmail.service.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/** The wall clock; waits with {@link Condition#awaitNanos}. */
public final class SystemTimeSource implements TimeSource {

    /**
     * Deadlines are wall-clock instants (they are stored on disk), while waits run on the monotonic clock. A
     * gateway without a battery-backed clock jumps by hours or days when NTP first syncs; waking at least this
     * often re-reads the wall clock so such a jump delays due mail by no more than this.
     */
    static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final Clock clock;

    /** Uses the system clock in UTC. */
    public SystemTimeSource() {
        this(Clock.systemUTC());
    }

    /** @param clock the clock to read */
    public SystemTimeSource(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void awaitUntil(Lock lock, Condition condition, Instant deadline) throws InterruptedException {
        if (deadline == null) {
            condition.await();
            return;
        }
        Duration wait = Duration.between(now(), deadline);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        condition.awaitNanos(min(wait, LONGEST_WAIT).toNanos());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
