package io.cellmail.service.internal;

import java.time.Instant;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The clock the service schedules by, and the way its dispatcher waits for a moment on that clock. Tests use a
 * manual implementation that moves time on command, so retries, expiry and rate limits need no sleeping.
 */
public interface TimeSource {

    /** @return the current time */
    Instant now();

    /**
     * Waits on a condition until it is signalled, the thread is interrupted, or this time source reaches the
     * deadline. May return early (spuriously); callers re-check their state in a loop.
     *
     * @param lock the lock of the condition, held by the calling thread
     * @param condition the condition to wait on
     * @param deadline the moment to wake up at, or null to wait for a signal only
     * @throws InterruptedException when the thread is interrupted
     */
    void awaitUntil(Lock lock, Condition condition, Instant deadline) throws InterruptedException;
}
