/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.SenderIdentity;

/**
 * The one thread of a service that talks to its modem: takes the next work from the queue (an SMS due goes before
 * any mail, sent by its {@link SmsSender}), reads the mail from its outbox file, makes the attempt, and turns the
 * outcome into sent, retry (exponential backoff with jitter, never past expiry), permanent failure or expiry. A transient code with an {@link MailErrorCode#attemptLimit()}
 * fails the mail for good once that many attempts in a row ended with it. Between mails it checkpoints the
 * outbox's clock and indexes mail that waited on disk.
 *
 * <p>The mailer may be replaced while the dispatcher runs (the configuration changed). An attempt that the old
 * mailer ended because it was closed is retried at once on the new one, without backoff.
 */
final class Dispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** How long a mail whose file could not be read waits before it is read again. */
    static final Duration UNREADABLE_RETRY = Duration.ofMinutes(1);

    private final MailQueue queue;
    private final Transitions transitions;
    private final Outbox outbox;
    private final OutboxRecovery recovery;
    private final ClockCheckpoints checkpoints;
    private final Supplier<ActiveMailer> mailers;
    private final RetryPolicy retryPolicy;
    private final ServiceClock clock;
    private final SmsSender smsSender;
    private final SmsAdmission smsAdmission;

    /**
     * @param queue where the work comes from
     * @param transitions what carries out each outcome
     * @param outbox where the mail is read from
     * @param recovery what indexes mail that waits on disk
     * @param checkpoints what records the clock and the rate limit's window
     * @param mailers the mailer to use now, read again for every attempt
     * @param retryPolicy the backoff
     * @param clock the outbox's clock
     * @param smsSender what sends SMS
     * @param smsAdmission what reads the SMS files back
     */
    Dispatcher(MailQueue queue, Transitions transitions, Outbox outbox, OutboxRecovery recovery,
            ClockCheckpoints checkpoints, Supplier<ActiveMailer> mailers, RetryPolicy retryPolicy, ServiceClock clock,
            SmsSender smsSender, SmsAdmission smsAdmission) {
        this.smsSender = Objects.requireNonNull(smsSender, "smsSender");
        this.smsAdmission = Objects.requireNonNull(smsAdmission, "smsAdmission");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
        this.mailers = Objects.requireNonNull(mailers, "mailers");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void run() {
        LOG.debug("Dispatcher started");
        try {
            for (Optional<Work> work = queue.take(); work.isPresent(); work = queue.take()) {
                if (work.get() instanceof Work.Attempt attempt) {
                    attempt(attempt);
                } else if (work.get() instanceof Work.Expiry expiry) {
                    Pending pending = expiry.pending();
                    transitions.expired(pending, pending.attempts, pending.lastError());
                } else if (work.get() instanceof Work.Checkpoint checkpoint) {
                    checkpoints.record(checkpoint.now(), checkpoint.window());
                } else if (work.get() instanceof Work.Rescan) {
                    rescan();
                } else if (work.get() instanceof Work.SmsAttempt sms) {
                    smsSender.attempt(sms);
                } else if (work.get() instanceof Work.SmsExpiry sms) {
                    smsSender.expired(sms);
                }
            }
        } catch (InterruptedException e) {
            // Interrupted only by close(), after the queue was stopped.
            Thread.currentThread().interrupt();
        }
        LOG.debug("Dispatcher stopped");
    }

    private void rescan() {
        // SMS files the directory listing missed at start are read with the mail's.
        smsAdmission.load();
        try {
            recovery.rescan();
        } catch (IOException e) {
            recovery.listingFailed(e);
        }
    }

    // Whether the mailer was replaced is a question of identity: a replacement is always a new ActiveMailer.
    @SuppressWarnings("ReferenceEquality")
    private void attempt(Work.Attempt attempt) {
        Pending pending = attempt.pending();
        int number = attempt.attempt();
        MailMessage message = read(pending);
        if (message == null) {
            return;
        }
        // The window first: a process that dies during the attempt must still count it after a restart.
        attempt.window().ifPresent(window -> checkpoints.record(clock.now(), window));
        transitions.attemptStarted(attempt);
        ActiveMailer active = mailers.get();
        MailException failure = trySend(active, message);
        ServiceTime now = clock.now();
        if (failure == null) {
            transitions.sent(pending, number);
            return;
        }
        MailErrorCode code = failure.code();
        int inARow = attempt.previousError().filter(code::equals).isPresent() ? pending.failuresInARow + 1 : 1;
        OptionalInt limit = code.attemptLimit();
        if (!code.isTransient()) {
            transitions.failed(pending, number, failure);
        } else if (limit.isPresent() && inARow >= limit.getAsInt()) {
            LOG.warn("Mail {} ended {} attempts in a row with {}; it is not tried again", pending.id(), inARow,
                    code.describe());
            transitions.failed(pending, number, failure);
        } else if (!now.isBefore(pending.expiresAt)) {
            transitions.expired(pending, number, Optional.of(code));
        } else {
            // A mailer replaced during the attempt was closed under it: the failure says nothing about the modem.
            ServiceTime next = mailers.get() != active ? now : now.plus(retryPolicy.delayAfter(number));
            // Waking at the expiry rather than after it makes the mail expire on time, not at its next turn.
            transitions.retrying(pending, number, code, inARow, ServiceTime.earlier(next, pending.expiresAt));
        }
    }

    /** @return the mail as its file holds it, or null when it cannot be read (then it is dealt with) */
    private MailMessage read(Pending pending) {
        try {
            StoredMessage stored = outbox.readMessage(pending.file);
            if (!stored.id().equals(pending.id())) {
                transitions.damaged(pending, "the file now holds mail " + stored.id());
                return null;
            }
            return stored.message();
        } catch (IOException e) {
            transitions.unreadable(pending, clock.now().plus(UNREADABLE_RETRY), e);
        } catch (CorruptRecordException e) {
            transitions.damaged(pending, e.getMessage());
        }
        return null;
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
