package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageStatus;

/**
 * The in-memory index of the outbox: which mail goes next, which waits for a retry, which expires, how much the
 * outbox holds. The dispatcher {@link #take()}s work from it and blocks there, on the {@link TimeSource}, until
 * the next mail is due, a retry time or an expiry comes, the rate limit has room, or a new mail arrives.
 *
 * <p>Every mail not being sent sits in exactly one of {@code ready} (due now: highest priority first, then
 * oldest) and {@code waiting} (not due yet: earliest first), and in {@code byExpiry}. So a mail in backoff never
 * blocks a later one. Thread-safe.
 */
final class MailQueue {

    private static final Logger LOG = LoggerFactory.getLogger(MailQueue.class);

    private static final Comparator<Pending> HIGHEST_PRIORITY_THEN_OLDEST = Comparator
            .comparingInt(Pending::priority).reversed().thenComparingLong(Pending::sequence);
    private static final Comparator<Pending> EARLIEST_DUE = Comparator.comparing((Pending p) -> p.nextAttemptAt)
            .thenComparingLong(Pending::sequence);
    private static final Comparator<Pending> EARLIEST_EXPIRY = Comparator.comparing((Pending p) -> p.expiresAt)
            .thenComparingLong(Pending::sequence);

    /** What the dispatcher does next. */
    sealed interface Work permits Attempt, Expiry {
    }

    /**
     * Send a mail now.
     *
     * @param pending the mail, now marked as sending
     * @param attempt the number of this attempt, from 1
     * @param previousError the code of the previous failed attempt, if any
     */
    record Attempt(Pending pending, int attempt, Optional<MailErrorCode> previousError) implements Work {
    }

    /**
     * A mail expired undelivered; it is already out of the queue.
     *
     * @param pending the mail
     */
    record Expiry(Pending pending) implements Work {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final TimeSource time;
    private final RateLimiter rateLimiter;
    private final int maxMessages;
    private final long maxBytes;

    private final Map<String, Pending> byId = new HashMap<>();
    private final NavigableSet<Pending> ready = new TreeSet<>(HIGHEST_PRIORITY_THEN_OLDEST);
    private final NavigableSet<Pending> waiting = new TreeSet<>(EARLIEST_DUE);
    private final NavigableSet<Pending> byExpiry = new TreeSet<>(EARLIEST_EXPIRY);
    /** Accepted and not final, plus accepts in progress. */
    private int countedMessages;
    private long countedBytes;
    private boolean holdingForRateLimit;
    private boolean stopped;
    private MailErrorCode lastError;

    /**
     * @param time the clock to schedule by and wait on
     * @param rateLimiter the limit of attempts per hour
     * @param maxMessages the most mails accepted and not final
     * @param maxBytes the most bytes of accepted and not final mails
     */
    MailQueue(TimeSource time, RateLimiter rateLimiter, int maxMessages, long maxBytes) {
        this.time = Objects.requireNonNull(time, "time");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Counts a mail about to be written against the bounds.
     *
     * @param bytes its size on disk
     * @return false when it does not fit; then nothing is counted
     */
    boolean tryReserve(long bytes) {
        lock.lock();
        try {
            if (countedMessages >= maxMessages || countedBytes + bytes > maxBytes) {
                return false;
            }
            countedMessages++;
            countedBytes += bytes;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back a reservation whose mail could not be written. */
    void release(long bytes) {
        lock.lock();
        try {
            countedMessages--;
            countedBytes -= bytes;
        } finally {
            lock.unlock();
        }
    }

    /** @return e.g. {@code 1000 of 1000 mails, 52311 of 16777216 bytes} */
    String usage() {
        lock.lock();
        try {
            return countedMessages + " of " + maxMessages + " mails, " + countedBytes + " of " + maxBytes + " bytes";
        } finally {
            lock.unlock();
        }
    }

    /** Adds a mail loaded at start-up: counted whatever the bounds, since nothing accepted is ever dropped. */
    void restore(Pending pending) {
        lock.lock();
        try {
            countedMessages++;
            countedBytes += pending.size;
            index(pending);
        } finally {
            lock.unlock();
        }
    }

    /** Adds a mail accepted now, whose size {@link #tryReserve} counted already. */
    void add(Pending pending) {
        lock.lock();
        try {
            index(pending);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for the next thing the dispatcher must do.
     *
     * @return the work, or empty once the queue is stopped
     * @throws InterruptedException when the dispatcher thread is interrupted
     */
    Optional<Work> take() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped) {
                Instant now = time.now();
                Pending expired = firstExpired(now);
                if (expired != null) {
                    unindex(expired);
                    return Optional.of(new Expiry(expired));
                }
                promoteDue(now);
                Instant wakeAt = nextEvent();
                if (!ready.isEmpty()) {
                    Optional<Instant> slot = rateLimiter.nextSlot(now);
                    if (slot.isEmpty()) {
                        return Optional.of(startAttempt(now));
                    }
                    reportHolding(slot.get());
                    wakeAt = earlier(wakeAt, slot.get());
                }
                time.awaitUntil(lock, changed, wakeAt);
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a mail whose attempt failed transiently back, due at {@code next}.
     *
     * @param pending the mail taken with an {@link Attempt}
     * @param error the failure
     * @param next when to try again
     */
    void retryAt(Pending pending, MailErrorCode error, Instant next) {
        lock.lock();
        try {
            pending.sending = false;
            pending.lastError = error;
            pending.nextAttemptAt = next;
            lastError = error;
            waiting.add(pending);
            byExpiry.add(pending);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Forgets a mail with a final outcome and frees its room. Does nothing when it is gone already.
     *
     * @param pending the mail
     * @param error the failure that ended it, or null when it was sent
     */
    void finish(Pending pending, MailErrorCode error) {
        lock.lock();
        try {
            if (byId.get(pending.id()) == pending) {
                unindex(pending);
            }
            if (error != null) {
                lastError = error;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a mail out unless it is being sent.
     *
     * @param id the mail's id
     * @return the mail taken out; empty when unknown or being sent
     */
    Optional<Pending> cancel(String id) {
        lock.lock();
        try {
            Pending pending = byId.get(id);
            if (pending == null || pending.sending) {
                return Optional.empty();
            }
            unindex(pending);
            return Optional.of(pending);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param id the mail's id
     * @return its progress; the next attempt time takes the rate limit into account
     */
    Optional<MessageStatus> status(String id) {
        lock.lock();
        try {
            Pending pending = byId.get(id);
            if (pending == null) {
                return Optional.empty();
            }
            return Optional.of(pending.status(rateLimiter.nextSlot(time.now()).orElse(null)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the progress of every mail accepted and not final, oldest first; next attempt times take the rate
     *     limit into account
     */
    List<MessageStatus> pending() {
        lock.lock();
        try {
            Instant heldUntil = rateLimiter.nextSlot(time.now()).orElse(null);
            return byId.values().stream().sorted(Comparator.comparingLong(Pending::sequence))
                    .map(pending -> pending.status(heldUntil)).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes a mail that waits for its next attempt due now.
     *
     * @param id the mail's id
     * @return true when the mail is in the queue and not being sent: it is due now (if it was not already)
     */
    boolean retryNow(String id) {
        lock.lock();
        try {
            Pending pending = byId.get(id);
            if (pending == null || pending.sending) {
                return false;
            }
            Instant now = time.now();
            // Only a mail in waiting can have a later due time; the set must not hold it while the time changes.
            if (pending.nextAttemptAt.isAfter(now) && waiting.remove(pending)) {
                pending.nextAttemptAt = now;
                waiting.add(pending);
                changed.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** @return mails accepted and not final */
    int size() {
        lock.lock();
        try {
            return byId.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return the due mails that wait only because the rate limit is reached */
    int heldByRateLimit() {
        lock.lock();
        try {
            Instant now = time.now();
            promoteDue(now);
            return ready.isEmpty() || rateLimiter.nextSlot(now).isEmpty() ? 0 : ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return the code of the last failure of any mail, if any */
    Optional<MailErrorCode> lastError() {
        lock.lock();
        try {
            return Optional.ofNullable(lastError);
        } finally {
            lock.unlock();
        }
    }

    /** Makes {@link #take()} return empty, now and from now on. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Attempt startAttempt(Instant now) {
        holdingForRateLimit = false;
        Pending next = ready.pollFirst();
        byExpiry.remove(next);
        Optional<MailErrorCode> previousError = next.lastError();
        next.sending = true;
        next.attempts++;
        rateLimiter.record(now);
        return new Attempt(next, next.attempts, previousError);
    }

    private void index(Pending pending) {
        byId.put(pending.id(), pending);
        waiting.add(pending);
        byExpiry.add(pending);
    }

    /** Takes a mail out of every set; must happen before any field a comparator reads changes. */
    private void unindex(Pending pending) {
        if (!ready.remove(pending)) {
            waiting.remove(pending);
        }
        byExpiry.remove(pending);
        byId.remove(pending.id());
        countedMessages--;
        countedBytes -= pending.size;
    }

    private Pending firstExpired(Instant now) {
        return byExpiry.isEmpty() || byExpiry.first().expiresAt.isAfter(now) ? null : byExpiry.first();
    }

    private void promoteDue(Instant now) {
        while (!waiting.isEmpty() && !waiting.first().nextAttemptAt.isAfter(now)) {
            ready.add(waiting.pollFirst());
        }
    }

    /** @return the next moment something becomes due or expires, or null when nothing will without a signal */
    private Instant nextEvent() {
        Instant due = waiting.isEmpty() ? null : waiting.first().nextAttemptAt;
        Instant expiry = byExpiry.isEmpty() ? null : byExpiry.first().expiresAt;
        return earlier(due, expiry);
    }

    private void reportHolding(Instant slot) {
        if (!holdingForRateLimit) {
            holdingForRateLimit = true;
            LOG.warn("Rate limit of {} sends per hour reached: {} due mails wait until {}",
                    rateLimiter.maxPerHour(), ready.size(), slot);
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
