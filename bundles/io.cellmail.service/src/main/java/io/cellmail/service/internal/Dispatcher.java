package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.SenderIdentity;

/**
 * The one thread of a service that talks to its modem: takes the next work from the queue, makes the attempt,
 * and turns the outcome into sent, retry (exponential backoff with jitter, never past expiry), permanent failure
 * or expiry.
 *
 * <p>The mailer may be replaced while the dispatcher runs (the configuration changed). An attempt that the old
 * mailer ended because it was closed is retried at once on the new one, without backoff.
 */
final class Dispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final MailQueue queue;
    private final Transitions transitions;
    private final Supplier<ActiveMailer> mailers;
    private final RetryPolicy retryPolicy;
    private final TimeSource time;

    /**
     * @param queue where the work comes from
     * @param transitions what carries out each outcome
     * @param mailers the mailer to use now, read again for every attempt
     * @param retryPolicy the backoff
     * @param time the clock
     */
    Dispatcher(MailQueue queue, Transitions transitions, Supplier<ActiveMailer> mailers, RetryPolicy retryPolicy,
            TimeSource time) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.mailers = Objects.requireNonNull(mailers, "mailers");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public void run() {
        LOG.debug("Dispatcher started");
        try {
            for (Optional<MailQueue.Work> work = queue.take(); work.isPresent(); work = queue.take()) {
                if (work.get() instanceof MailQueue.Attempt attempt) {
                    attempt(attempt);
                } else if (work.get() instanceof MailQueue.Expiry expiry) {
                    Pending pending = expiry.pending();
                    transitions.expired(pending, pending.attempts, pending.lastError());
                }
            }
        } catch (InterruptedException e) {
            // Interrupted only by close(), after the queue was stopped.
            Thread.currentThread().interrupt();
        }
        LOG.debug("Dispatcher stopped");
    }

    private void attempt(MailQueue.Attempt attempt) {
        Pending pending = attempt.pending();
        int number = attempt.attempt();
        transitions.attemptStarted(attempt, time.now());
        ActiveMailer active = mailers.get();
        MailException failure = trySend(active, pending.stored.message());
        Instant now = time.now();
        if (failure == null) {
            transitions.sent(pending, number, now);
        } else if (!failure.code().isTransient()) {
            transitions.failed(pending, number, failure);
        } else if (!now.isBefore(pending.expiresAt)) {
            transitions.expired(pending, number, Optional.of(failure.code()));
        } else {
            // A mailer replaced during the attempt was closed under it: the failure says nothing about the modem.
            Instant next = mailers.get() != active ? now : now.plus(retryPolicy.delayAfter(number));
            // Waking at the expiry rather than after it makes the mail expire on time, not at its next turn.
            transitions.retrying(pending, number, failure.code(),
                    next.isBefore(pending.expiresAt) ? next : pending.expiresAt);
        }
    }

    /** @return null when the SMTP server accepted the mail, else why not */
    private MailException trySend(ActiveMailer active, MailMessage message) {
        try {
            active.mailer().send(message, senderOf(message, active), active.settings().sendDeadline());
            return null;
        } catch (MailException e) {
            return e;
        } catch (RuntimeException e) {
            // A bug in the dialect must not end the dispatcher; retrying is the safe reading of "unknown".
            LOG.warn("The modem mailer failed unexpectedly", e);
            return new MailException(MailErrorCode.UNKNOWN, null, "The modem mailer failed: " + e, e);
        }
    }

    private static SenderIdentity senderOf(MailMessage message, ActiveMailer active) {
        return new SenderIdentity(message.senderAddress().orElse(active.settings().senderAddress()),
                message.senderName().orElse(active.settings().senderName()));
    }
}
