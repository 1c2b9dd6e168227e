/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageStatus;

/**
 * The in-memory index of the outbox: which mail goes next, which waits for a retry, which expires, how much the
 * outbox holds, and which ids are being accepted right now. The dispatcher {@link #take()}s work from it and
 * blocks there, on the outbox's clock, until the next mail is due, a retry time or an expiry comes, the rate limit
 * has room, the clock wants a checkpoint, files on disk wait to be indexed, or a new mail arrives.
 *
 * <p>Every mail not being sent sits in exactly one of {@code ready} (due now: highest priority first, then
 * oldest) and {@code waiting} (not due yet: earliest first), and in {@code byExpiry}. So a mail in backoff never
 * blocks a later one. An entry is a {@link Pending}: a few numbers and names per mail, never its content.
 *
 * <p>Acceptance is two steps under one lock: {@link #admit} reserves the id, its sequence number and its room
 * before anything is written; {@link #add} (written) or {@link #abandon} (not written) settles the reservation. A
 * second {@code send} of an id that is being accepted waits for the first to settle, then joins the accepted mail
 * or takes its place. Thread-safe.
 */
final class MailQueue {

    private static final Logger LOG = LoggerFactory.getLogger(MailQueue.class);

    // The file name is unique in the outbox, so no two entries ever compare equal.
    private static final Comparator<Pending> HIGHEST_PRIORITY_THEN_OLDEST = Comparator
            .comparing(Pending::priority).reversed().thenComparingLong(Pending::sequence)
            .thenComparing(p -> p.file);
    private static final Comparator<Pending> EARLIEST_DUE = Comparator.comparing((Pending p) -> p.nextAttemptAt)
            .thenComparingLong(Pending::sequence).thenComparing(p -> p.file);
    private static final Comparator<Pending> EARLIEST_EXPIRY = Comparator.comparing((Pending p) -> p.expiresAt)
            .thenComparingLong(Pending::sequence).thenComparing(p -> p.file);

    /** What {@link #restore} did with a mail found on disk. */
    enum Restored {
        /** Indexed. */
        INDEXED,
        /** Not indexed: the bounds are reached; it stays on disk until room frees up. */
        NO_ROOM,
        /** Not indexed: a mail of the same id is in the queue; it waits on disk until that one is final. */
        SAME_ID
    }

    private record Reservation(long sequence, long bytes, CompletableFuture<Void> settled) {
    }

    private final SmsQueue sms;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ServiceClock clock;
    private final RateLimiter rateLimiter;
    private final int maxMessages;
    private final long maxBytes;

    @GuardedBy("lock")

    private final Map<String, Pending> byId = new HashMap<>();
    @GuardedBy("lock")
    private final Map<String, Reservation> reserved = new HashMap<>();
    /** The sequence numbers of indexed and reserved mail: a file of another number is not indexed. */
    @GuardedBy("lock")
    private final Set<Long> sequences = new HashSet<>();
    @GuardedBy("lock")
    private final NavigableSet<Pending> ready = new TreeSet<>(HIGHEST_PRIORITY_THEN_OLDEST);
    @GuardedBy("lock")
    private final NavigableSet<Pending> waiting = new TreeSet<>(EARLIEST_DUE);
    @GuardedBy("lock")
    private final NavigableSet<Pending> byExpiry = new TreeSet<>(EARLIEST_EXPIRY);
    /** Accepted and not final, plus accepts in progress. */
    @GuardedBy("lock")
    private int countedMessages;
    @GuardedBy("lock")
    private long countedBytes;
    /** Mail on disk that is not indexed for want of room: new mail waits until it is. */
    @GuardedBy("lock")
    private boolean backlog;
    @GuardedBy("lock")
    private boolean roomFreed;
    @GuardedBy("lock")
    private ServiceTime rescanAt;
    @GuardedBy("lock")
    private boolean holdingForRateLimit;
    @GuardedBy("lock")
    private boolean stopped;
    @GuardedBy("lock")
    private MailErrorCode lastError;

    /**
     * @param clock the outbox's clock, to schedule by and wait on
     * @param rateLimiter the limit of attempts per hour
     * @param maxMessages the most mails accepted and not final
     * @param maxBytes the most bytes of accepted and not final mails
     * @param sms the SMS jobs, whose due work goes before mail
     */
    MailQueue(ServiceClock clock, RateLimiter rateLimiter, int maxMessages, long maxBytes, SmsQueue sms) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /**
     * Reserves an id, a sequence number and room for a mail about to be written, atomically: two {@code send}s of
     * one id never both write.
     *
     * @param id the mail's id
     * @param sequence its sequence number, fresh
     * @param bytes its size on disk
     * @param join gives the stage of the queued mail of that id, by its sequence number, when the id is queued
     *     already; called under the lock, so the mail cannot reach its outcome before the stage is registered
     * @return what to do
     */
    Admission admit(String id, long sequence, long bytes, LongFunction<CompletionStage<DeliveryReceipt>> join) {
        lock.lock();
        try {
            Pending queued = byId.get(id);
            if (queued != null) {
                return new Admission.Joined(join.apply(queued.sequence()));
            }
            Reservation other = reserved.get(id);
            if (other != null) {
                return new Admission.Busy(other.settled());
            }
            if (backlog || countedMessages >= maxMessages || countedBytes + bytes > maxBytes) {
                return new Admission.Full(usageUnlocked());
            }
            reserved.put(id, new Reservation(sequence, bytes, new CompletableFuture<>()));
            sequences.add(sequence);
            countedMessages++;
            countedBytes += bytes;
            return new Admission.Admitted();
        } finally {
            lock.unlock();
        }
    }

    /** Gives back the reservation of a mail that could not be written. */
    void abandon(String id) {
        lock.lock();
        try {
            Reservation reservation = reserved.remove(id);
            if (reservation != null) {
                sequences.remove(reservation.sequence());
                countedMessages--;
                countedBytes -= reservation.bytes();
                reservation.settled().complete(null);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Adds a mail accepted now, whose id and room {@link #admit} reserved; settles the reservation. */
    void add(Pending pending) {
        lock.lock();
        try {
            Reservation reservation = reserved.remove(pending.id());
            if (reservation == null) {
                throw new IllegalStateException("mail " + pending.id() + " was not admitted");
            }
            // The reservation counted the mail already.
            index(pending);
            changed.signalAll();
            reservation.settled().complete(null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds a mail found on disk, if the bounds allow: nothing accepted is ever dropped, but mail beyond the bounds
     * (they were lowered, or the outbox was filled by another configuration) waits on disk until room frees up.
     * The first mail always fits, so that one larger than the bounds still goes out.
     *
     * @param pending the mail
     * @return whether it was indexed
     */
    Restored restore(Pending pending) {
        lock.lock();
        try {
            if (byId.containsKey(pending.id()) || reserved.containsKey(pending.id())) {
                return Restored.SAME_ID;
            }
            if (!byId.isEmpty() && (countedMessages >= maxMessages || countedBytes + pending.size > maxBytes)) {
                return Restored.NO_ROOM;
            }
            countedMessages++;
            countedBytes += pending.size;
            index(pending);
            changed.signalAll();
            return Restored.INDEXED;
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param waiting true when mail on disk waits for room to be indexed: new mail is refused until it is
     */
    void backlog(boolean waiting) {
        lock.lock();
        try {
            backlog = waiting;
            roomFreed = false;
        } finally {
            lock.unlock();
        }
    }

    /** @param at when to look for mail on disk again (files that could not be read) */
    void rescanAt(ServiceTime at) {
        lock.lock();
        try {
            rescanAt = rescanAt == null ? at : ServiceTime.earlier(rescanAt, at);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** @return true when a mail of this sequence number is indexed or being accepted */
    boolean knows(long sequence) {
        lock.lock();
        try {
            return sequences.contains(sequence);
        } finally {
            lock.unlock();
        }
    }

    /** @return how many more mails the bound on their number lets in */
    int room() {
        lock.lock();
        try {
            return Math.max(0, maxMessages - countedMessages);
        } finally {
            lock.unlock();
        }
    }

    /** @return e.g. {@code 1000 of 1000 mails, 52311 of 16777216 bytes} */
    String usage() {
        lock.lock();
        try {
            return usageUnlocked();
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
                ServiceTime now = clock.now();
                Pending expired = firstExpired(now);
                if (expired != null) {
                    unindex(expired);
                    return Optional.of(new Work.Expiry(expired));
                }
                ServiceTime checkpoint = checkpointWanted(now) ? clock.nextCheckpoint() : null;
                if (checkpoint != null && !now.isBefore(checkpoint)) {
                    return Optional.of(new Work.Checkpoint(now, rateLimiter.starts(now)));
                }
                if ((backlog && roomFreed) || (rescanAt != null && !now.isBefore(rescanAt))) {
                    roomFreed = false;
                    rescanAt = null;
                    return Optional.of(new Work.Rescan());
                }
                // An SMS due goes before mail: it is usually an alarm whose mail could not go.
                Optional<Work> smsWork = sms.take(now);
                if (smsWork.isPresent()) {
                    return smsWork;
                }
                promoteDue(now);
                ServiceTime wakeAt = earlier(earlier(nextEvent(), sms.wakeAt(now)), earlier(checkpoint, rescanAt));
                if (!ready.isEmpty()) {
                    Optional<ServiceTime> slot = rateLimiter.nextSlot(now);
                    if (slot.isEmpty()) {
                        return Optional.of(startAttempt(now));
                    }
                    reportHolding(slot.get());
                    wakeAt = earlier(wakeAt, slot.get());
                }
                clock.awaitUntil(lock, changed, wakeAt);
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a mail whose attempt failed transiently back, due at {@code next}.
     *
     * @param pending the mail taken with an {@link Work.Attempt}
     * @param error the failure
     * @param failuresInARow how many attempts in a row ended with this error
     * @param next when to try again
     */
    void retryAt(Pending pending, MailErrorCode error, int failuresInARow, ServiceTime next) {
        lock.lock();
        try {
            pending.lastError = error;
            pending.failuresInARow = failuresInARow;
            lastError = error;
            putBack(pending, next);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Puts a mail taken for an attempt back without counting the attempt: its file could not be read now.
     *
     * @param pending the mail taken with an {@link Work.Attempt}
     * @param next when to try again
     */
    void defer(Pending pending, ServiceTime next) {
        lock.lock();
        try {
            pending.attempts--;
            putBack(pending, next);
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
     * @param id a mail's id
     * @return the queued mail of that id
     */
    Optional<Pending> find(String id) {
        lock.lock();
        try {
            return Optional.ofNullable(byId.get(id));
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
            return Optional.of(pending.status(rateLimiter.nextSlot(clock.now()).orElse(null), clock));
        } finally {
            lock.unlock();
        }
    }

    /**
     * @return the progress of every mail indexed and not final, oldest first; next attempt times take the rate
     *     limit into account
     */
    List<MessageStatus> pending() {
        lock.lock();
        try {
            ServiceTime heldUntil = rateLimiter.nextSlot(clock.now()).orElse(null);
            return byId.values().stream().sorted(Comparator.comparingLong(Pending::sequence))
                    .map(pending -> pending.status(heldUntil, clock)).toList();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Makes a mail that waits for its next attempt due now.
     *
     * @param pending the mail, as {@link #find} gave it
     * @return its state to record when it is in the queue and not being sent (it is due now); empty otherwise
     */
    Optional<DeliveryState> retryNow(Pending pending) {
        lock.lock();
        try {
            if (byId.get(pending.id()) != pending || pending.sending) {
                return Optional.empty();
            }
            ServiceTime now = clock.now();
            // Only a mail in waiting can have a later due time; the set must not hold it while the time changes.
            if (pending.nextAttemptAt.isAfter(now) && waiting.remove(pending)) {
                pending.nextAttemptAt = now;
                waiting.add(pending);
                changed.signalAll();
            }
            return Optional.of(pending.state(false));
        } finally {
            lock.unlock();
        }
    }

    /** @return mails indexed and not final */
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
            ServiceTime now = clock.now();
            promoteDue(now);
            return ready.isEmpty() || rateLimiter.nextSlot(now).isEmpty() ? 0 : ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** @return the rate limit's window now, to persist */
    List<ServiceTime> window() {
        lock.lock();
        try {
            return rateLimiter.starts(clock.now());
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

    /** Wakes {@link #take()}: SMS work came. */
    void wake() {
        lock.lock();
        try {
            changed.signalAll();
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

    @GuardedBy("lock")
    private String usageUnlocked() {
        return countedMessages + " of " + maxMessages + " mails, " + countedBytes + " of " + maxBytes + " bytes"
                + (backlog ? ", and more mail on disk waits to be indexed (more on disk than the bounds after a "
                        + "restart, or the outbox could not be listed yet)" : "");
    }

    /** @return true when the clock matters on disk: mail or SMS waits, or a rate limit's window holds attempts */
    @GuardedBy("lock")
    private boolean checkpointWanted(ServiceTime now) {
        return !byId.isEmpty() || !rateLimiter.starts(now).isEmpty() || sms.holdsWork(now);
    }

    @GuardedBy("lock")
    private Work.Attempt startAttempt(ServiceTime now) {
        holdingForRateLimit = false;
        Pending next = ready.pollFirst();
        byExpiry.remove(next);
        Optional<MailErrorCode> previousError = next.lastError();
        next.sending = true;
        next.attempts++;
        rateLimiter.record(now);
        Optional<List<ServiceTime>> window = rateLimiter.isLimiting() ? Optional.of(rateLimiter.starts(now))
                : Optional.empty();
        return new Work.Attempt(next, next.attempts, previousError, window);
    }

    @GuardedBy("lock")
    private void putBack(Pending pending, ServiceTime next) {
        pending.sending = false;
        pending.nextAttemptAt = next;
        waiting.add(pending);
        byExpiry.add(pending);
        changed.signalAll();
    }

    @GuardedBy("lock")
    private void index(Pending pending) {
        byId.put(pending.id(), pending);
        sequences.add(pending.sequence());
        waiting.add(pending);
        byExpiry.add(pending);
    }

    /** Takes a mail out of every set; must happen before any field a comparator reads changes. */
    @GuardedBy("lock")
    private void unindex(Pending pending) {
        if (!ready.remove(pending)) {
            waiting.remove(pending);
        }
        byExpiry.remove(pending);
        byId.remove(pending.id());
        sequences.remove(pending.sequence());
        countedMessages--;
        countedBytes -= pending.size;
        if (backlog) {
            roomFreed = true;
            changed.signalAll();
        }
    }

    @GuardedBy("lock")
    private Pending firstExpired(ServiceTime now) {
        return byExpiry.isEmpty() || byExpiry.first().expiresAt.isAfter(now) ? null : byExpiry.first();
    }

    @GuardedBy("lock")
    private void promoteDue(ServiceTime now) {
        while (!waiting.isEmpty() && !waiting.first().nextAttemptAt.isAfter(now)) {
            ready.add(waiting.pollFirst());
        }
    }

    /** @return the next moment something becomes due or expires, or null when nothing will without a signal */
    @GuardedBy("lock")
    private ServiceTime nextEvent() {
        ServiceTime due = waiting.isEmpty() ? null : waiting.first().nextAttemptAt;
        ServiceTime expiry = byExpiry.isEmpty() ? null : byExpiry.first().expiresAt;
        return earlier(due, expiry);
    }

    @GuardedBy("lock")
    private void reportHolding(ServiceTime slot) {
        if (!holdingForRateLimit) {
            holdingForRateLimit = true;
            LOG.warn("Rate limit of {} sends per hour reached: {} due mails wait until {}",
                    rateLimiter.maxPerHour(), ready.size(), clock.toWall(slot));
        }
    }

    private static ServiceTime earlier(ServiceTime a, ServiceTime b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : ServiceTime.earlier(a, b);
    }
}
