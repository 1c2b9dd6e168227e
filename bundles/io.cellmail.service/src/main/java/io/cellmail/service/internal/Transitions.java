/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageState;
import io.cellmail.service.OutboxCounters;

/**
 * Carries out each state change of an accepted mail in one place and one order: disk first, then the queue,
 * then counters and the event, then the caller's stage. So whoever learns of a change from an event or a stage
 * finds the status and the disk agreeing with it. The disk writes of one mail never overlap: they run while
 * holding the mail's {@link Pending} (the dispatcher, {@code retryNow} and {@code cancel} may touch one mail from
 * different threads), and in the order the changes happened.
 */
final class Transitions {

    private static final Logger LOG = LoggerFactory.getLogger(Transitions.class);

    private final Outbox outbox;
    private final MailQueue queue;
    private final ServiceClock clock;
    private final ServiceEvents events;
    private final PendingReceipts receipts;
    private final FinalOutcomes outcomes;
    private final SmsFallback sms;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();

    Transitions(Outbox outbox, MailQueue queue, ServiceClock clock, ServiceEvents events, PendingReceipts receipts,
            FinalOutcomes outcomes, SmsFallback sms) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.sms = Objects.requireNonNull(sms, "sms");
    }

    /**
     * Records that an attempt starts, before the modem sees the mail: if the process dies now, the mail is sent
     * again after restart (at-least-once) and the attempt is counted.
     */
    void attemptStarted(Work.Attempt attempt) {
        Pending pending = attempt.pending();
        synchronized (pending) {
            persist(pending, pending.state(true));
        }
    }

    /**
     * @param failuresInARow how many attempts in a row ended with this error, this one included
     * @param next when to try again, in service time
     */
    void retrying(Pending pending, int attempt, MailErrorCode error, int failuresInARow, ServiceTime next) {
        synchronized (pending) {
            // Decided first, so the mark goes to disk with the new state: one write.
            sms.retrying(pending);
            persist(pending, new DeliveryState(attempt, next, Optional.of(error), failuresInARow, false, false,
                    pending.fallbackDecided, pending.urgentCopyDecided));
            queue.retryAt(pending, error, failuresInARow, next);
        }
        retried.incrementAndGet();
        LOG.debug("Mail {} attempt {} failed with {}; next attempt at {}", pending.id(), attempt, error,
                clock.toWall(next));
        events.retrying(pending.id(), attempt, error);
    }

    /**
     * The mail's file could not be read to send it (a read error, too many open files): no attempt was made, the
     * mail stays and is tried again later. Never a reason to give a mail up.
     */
    void unreadable(Pending pending, ServiceTime next, IOException cause) {
        queue.defer(pending, next);
        LOG.warn("Cannot read the outbox file {} of mail {} to send it ({}); trying again at {}", pending.file,
                pending.id(), cause.toString(), clock.toWall(next));
    }

    void sent(Pending pending, int attempt) {
        FinalOutcomes.Outcome delivery = end(pending, MessageState.SENT, attempt, null);
        sent.incrementAndGet();
        LOG.debug("Mail {} sent at attempt {}", pending.id(), attempt);
        events.sent(pending.id(), attempt);
        receipts.complete(pending.sequence(), delivery.receipt());
    }

    void failed(Pending pending, int attempt, MailException cause) {
        decideSms(pending, sms::failed);
        end(pending, MessageState.FAILED, attempt, cause.code());
        failed.incrementAndGet();
        LOG.warn("Mail {} failed permanently at attempt {}: {}", pending.id(), attempt, cause.code().describe());
        events.failed(pending.id(), attempt, cause.code());
        receipts.fail(pending.sequence(), cause);
    }

    /**
     * @param pending the mail
     * @param attempts the attempts it had
     * @param lastFailure the failure of its last attempt, if any
     */
    void expired(Pending pending, int attempts, Optional<MailErrorCode> lastFailure) {
        decideSms(pending, sms::expired);
        end(pending, MessageState.EXPIRED, attempts, MailErrorCode.EXPIRED);
        expired.incrementAndGet();
        String why = "Mail " + pending.id() + " expired after " + attempts + " attempts"
                + lastFailure.map(code -> ", the last failed with " + code.describe()).orElse("");
        LOG.warn(why);
        events.expired(pending.id(), attempts);
        receipts.fail(pending.sequence(), new MailException(MailErrorCode.EXPIRED, why));
    }

    void cancelled(Pending pending) {
        end(pending, MessageState.CANCELLED, pending.attempts, MailErrorCode.CANCELLED);
        cancelled.incrementAndGet();
        LOG.debug("Mail {} cancelled", pending.id());
        events.cancelled(pending.id(), pending.attempts);
        receipts.fail(pending.sequence(), new MailException(MailErrorCode.CANCELLED,
                "Mail " + pending.id() + " was cancelled"));
    }

    /**
     * An indexed mail whose file turned out damaged when it was to be sent: set aside, failed for good.
     *
     * @param pending the mail, taken for an attempt
     * @param reason what is damaged
     */
    void damaged(Pending pending, String reason) {
        int attempts = pending.attempts - 1;
        MailErrorCode code = MailErrorCode.OUTBOX_DAMAGED;
        synchronized (pending) {
            outcomes.record(outcome(pending, MessageState.FAILED, attempts, code));
            queue.finish(pending, code);
            outbox.setAside(pending.file, reason);
        }
        LOG.warn("Mail {} failed: its outbox file {} is damaged ({}); moved to {}", pending.id(), pending.file,
                reason, Outbox.CORRUPT_DIRECTORY);
        events.failed(pending.id(), attempts, code);
        receipts.fail(pending.sequence(), new MailException(code, "The outbox file of mail " + pending.id()
                + " is damaged: " + reason));
    }

    /**
     * A file found damaged while loading the outbox: set aside, reported as a failed mail.
     *
     * @param file the file's name
     * @param id the mail's id when it could be read, else empty: the event then names the file
     * @param reason what is damaged
     */
    void damagedFile(String file, Optional<String> id, String reason) {
        outbox.setAside(file, reason);
        MailErrorCode code = MailErrorCode.OUTBOX_DAMAGED;
        id.ifPresent(known -> outcomes.record(new FinalOutcomes.Outcome(known, Outbox.sequenceOf(file).orElse(-1),
                MessageState.FAILED, 0, Optional.of(code), clock.wallNow(), clock.wallNow(), clock.now())));
        events.failed(id.orElse(file), 0, code);
    }

    /**
     * Makes a waiting mail due now and records that, so a restart does not put it back into its backoff.
     *
     * @param id the mail's id
     * @return true when the mail waits in the outbox and is now due; false when unknown, final or being sent
     */
    boolean retryNow(String id) {
        Optional<Pending> found = queue.find(id);
        if (found.isEmpty()) {
            return false;
        }
        Pending pending = found.get();
        synchronized (pending) {
            Optional<DeliveryState> due = queue.retryNow(pending);
            due.ifPresent(state -> persist(pending, state));
            return due.isPresent();
        }
    }

    /** @return the outcome of a mail that left the outbox within the last hour, across restarts */
    Optional<FinalOutcomes.Outcome> outcome(String id) {
        return outcomes.find(id);
    }

    OutboxCounters counters(int queued, int heldByRateLimit) {
        return new OutboxCounters(sent.get(), failed.get(), retried.get(), expired.get(), cancelled.get(), queued,
                heldByRateLimit, (int) Math.min(Integer.MAX_VALUE, outbox.setAsideCount()));
    }

    /**
     * Lets the SMS fallback decide about a mail that ends, and marks a decision on its file before the file goes: a
     * process killed before the outcome is recorded sends the mail again, and its failure then decides no second SMS.
     */
    private void decideSms(Pending pending, Consumer<Pending> decision) {
        synchronized (pending) {
            boolean fallback = pending.fallbackDecided;
            boolean copy = pending.urgentCopyDecided;
            decision.accept(pending);
            if (fallback != pending.fallbackDecided || copy != pending.urgentCopyDecided) {
                persist(pending, pending.state(false));
            }
        }
    }

    /**
     * Forgets the mail and deletes its file. When the file cannot be deleted, its final outcome is appended
     * instead, so that the next start deletes it rather than sending it again; only when even that fails is the
     * mail sent once more after a restart (a duplicate, never a loss). Either way its outcome is reported now:
     * it is true.
     */
    private FinalOutcomes.Outcome end(Pending pending, MessageState state, int attempts, MailErrorCode error) {
        FinalOutcomes.Outcome outcome = outcome(pending, state, attempts, error);
        synchronized (pending) {
            // Recorded before the mail leaves the queue and its file goes: its id is never unknown in between.
            outcomes.record(outcome);
            queue.finish(pending, state == MessageState.FAILED ? error : null);
            try {
                outbox.remove(pending.file);
            } catch (IOException e) {
                keepAsFinished(pending, state, e);
            }
        }
        return outcome;
    }

    private FinalOutcomes.Outcome outcome(Pending pending, MessageState state, int attempts, MailErrorCode error) {
        return new FinalOutcomes.Outcome(pending.id(), pending.sequence(), state, attempts, Optional.ofNullable(error),
                pending.header.acceptedAt(), clock.wallNow(), clock.now());
    }

    private void keepAsFinished(Pending pending, MessageState state, IOException deleteFailure) {
        try {
            outbox.update(pending.file, pending.state(false).finish(), clock.now());
            LOG.warn("Cannot delete the outbox file {} of mail {} ({}); it is marked {} and deleted at the next start",
                    pending.file, pending.id(), state, deleteFailure.toString());
        } catch (IOException e) {
            LOG.error("Cannot delete the outbox file {} of mail {} ({}) nor mark it {} ({}); it will be sent again "
                    + "after a restart", pending.file, pending.id(), deleteFailure.toString(), state, e.toString());
        }
        outbox.keepUndeleted(pending.file);
    }

    private void persist(Pending pending, DeliveryState state) {
        try {
            outbox.update(pending.file, state, clock.now());
        } catch (IOException e) {
            // The mail itself is safe on disk and its file intact (a failed append is cut off); only this change
            // is not recorded, so after a restart the mail may go once more or wait its previous backoff.
            LOG.warn("Cannot record the delivery state of mail {} ({}): {}", pending.id(), state, e.toString());
        }
    }
}
