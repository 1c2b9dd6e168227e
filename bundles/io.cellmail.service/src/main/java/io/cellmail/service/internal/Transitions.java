package io.cellmail.service.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.service.OutboxCounters;

/**
 * Carries out each state change of an accepted mail in one place and one order: disk first, then the queue,
 * then counters and the event, then the caller's stage. So whoever learns of a change from an event or a stage
 * finds the status and the disk agreeing with it.
 */
final class Transitions {

    private static final Logger LOG = LoggerFactory.getLogger(Transitions.class);

    private final Outbox outbox;
    private final MailQueue queue;
    private final ServiceEvents events;
    private final PendingReceipts receipts;
    private final FinalStatuses finals = new FinalStatuses();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final AtomicLong cancelled = new AtomicLong();

    Transitions(Outbox outbox, MailQueue queue, ServiceEvents events, PendingReceipts receipts) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.events = Objects.requireNonNull(events, "events");
        this.receipts = Objects.requireNonNull(receipts, "receipts");
    }

    /**
     * Records that an attempt starts, before the modem sees the mail: if the process dies now, the mail is sent
     * again after restart (at-least-once) and the attempt is counted.
     */
    void attemptStarted(MailQueue.Attempt attempt, Instant now) {
        persist(attempt.pending(), new DeliveryState(attempt.attempt(), now, attempt.previousError(), true));
    }

    void retrying(Pending pending, int attempt, MailErrorCode error, Instant next) {
        persist(pending, new DeliveryState(attempt, next, Optional.of(error), false));
        queue.retryAt(pending, error, next);
        retried.incrementAndGet();
        LOG.debug("Mail {} attempt {} failed with {}; next attempt at {}", pending.id(), attempt, error, next);
        events.retrying(pending.id(), attempt, error);
    }

    void sent(Pending pending, int attempt, Instant at) {
        end(pending, MessageState.SENT, attempt, null);
        sent.incrementAndGet();
        LOG.debug("Mail {} sent at attempt {}", pending.id(), attempt);
        events.sent(pending.id(), attempt);
        receipts.complete(pending.id(), new DeliveryReceipt(pending.id(), attempt, at));
    }

    void failed(Pending pending, int attempt, MailException cause) {
        end(pending, MessageState.FAILED, attempt, cause.code());
        failed.incrementAndGet();
        LOG.warn("Mail {} failed permanently at attempt {}: {}", pending.id(), attempt, cause.code().describe());
        events.failed(pending.id(), attempt, cause.code());
        receipts.fail(pending.id(), cause);
    }

    /**
     * @param pending the mail
     * @param attempts the attempts it had
     * @param lastFailure the failure of its last attempt, if any
     */
    void expired(Pending pending, int attempts, Optional<MailErrorCode> lastFailure) {
        end(pending, MessageState.EXPIRED, attempts, MailErrorCode.EXPIRED);
        expired.incrementAndGet();
        String why = "Mail " + pending.id() + " expired at " + pending.expiresAt + " after " + attempts + " attempts"
                + lastFailure.map(code -> ", the last failed with " + code.describe()).orElse("");
        LOG.warn(why);
        events.expired(pending.id(), attempts);
        receipts.fail(pending.id(), new MailException(MailErrorCode.EXPIRED, why));
    }

    void cancelled(Pending pending) {
        end(pending, MessageState.CANCELLED, pending.attempts, MailErrorCode.CANCELLED);
        cancelled.incrementAndGet();
        LOG.debug("Mail {} cancelled", pending.id());
        events.cancelled(pending.id(), pending.attempts);
        receipts.fail(pending.id(), new MailException(MailErrorCode.CANCELLED, "Mail " + pending.id() + " was cancelled"));
    }

    /** @return the outcome of a mail that left the outbox recently */
    Optional<MessageStatus> finalStatus(String id) {
        return finals.get(id);
    }

    OutboxCounters counters(int queued, int heldByRateLimit, int setAside) {
        return new OutboxCounters(sent.get(), failed.get(), retried.get(), expired.get(), cancelled.get(), queued,
                heldByRateLimit, setAside);
    }

    private void end(Pending pending, MessageState state, int attempts, MailErrorCode error) {
        finals.put(new MessageStatus(pending.id(), state, attempts, pending.stored.acceptedAt(), Optional.empty(),
                Optional.ofNullable(error)));
        queue.finish(pending, state == MessageState.FAILED ? error : null);
        try {
            outbox.remove(pending.id());
        } catch (IOException e) {
            LOG.warn("Cannot delete the outbox file of mail {} ({}); it will be delivered again after a restart",
                    pending.id(), state, e);
        }
    }

    private void persist(Pending pending, DeliveryState state) {
        try {
            outbox.update(pending.stored, state);
        } catch (IOException e) {
            // The mail itself is safe on disk; only its progress is not, so after a restart it may go once more.
            LOG.warn("Cannot record the delivery state of mail {} ({})", pending.id(), state, e);
        }
    }
}
