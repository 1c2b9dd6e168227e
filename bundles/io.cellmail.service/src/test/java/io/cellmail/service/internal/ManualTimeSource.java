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
 * Time that moves only when a test says so. A thread waiting for a deadline sleeps until {@link #advance} reaches
 * it (or it is signalled); {@link #parkedUntil()} tells the test what the dispatcher waits for.
 *
 * <p>No lost wake-up: registering a waiter and checking the time happen under this object's monitor, as do
 * moving the time and taking the list of waiters to wake; a waiter registered before a move is signalled under
 * its lock, i.e. only once it really waits.
 */
final class ManualTimeSource implements TimeSource {

    private record Waiter(Lock lock, Condition condition, Instant deadline) {
    }

    private final Set<Waiter> waiters = Collections.newSetFromMap(new IdentityHashMap<>());
    private Instant now;

    ManualTimeSource(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public void awaitUntil(Lock lock, Condition condition, Instant deadline) throws InterruptedException {
        Waiter waiter = new Waiter(lock, condition, deadline == null ? Instant.MAX : deadline);
        synchronized (this) {
            if (!now.isBefore(waiter.deadline())) {
                return;
            }
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

    /** Moves the time forward and wakes every waiter. */
    void advance(Duration duration) {
        List<Waiter> toWake;
        synchronized (this) {
            now = now.plus(duration);
            toWake = List.copyOf(waiters);
        }
        for (Waiter waiter : toWake) {
            waiter.lock().lock();
            try {
                waiter.condition().signalAll();
            } finally {
                waiter.lock().unlock();
            }
        }
    }

    /** Moves the time forward to an instant. */
    void advanceTo(Instant instant) {
        advance(Duration.between(now(), instant));
    }

    /** @return the earliest deadline a thread waits for ({@link Instant#MAX}: a signal only); empty if none waits */
    synchronized Optional<Instant> parkedUntil() {
        return waiters.stream().map(Waiter::deadline).min(Instant::compareTo);
    }
}
