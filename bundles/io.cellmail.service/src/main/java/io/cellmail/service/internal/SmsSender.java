/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.SmsMessage;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;

/**
 * The dispatcher's SMS part: one attempt to one number through the mailer ({@code ModemMailer.sendSms}), and its
 * outcome as the mail's: sent; a transient code retried with the service's backoff, never past the expiry; a
 * permanent code, or the expiry counted from the job's acceptance, fails it for good. Runs on the dispatcher thread
 * only, so no other command reaches the modem while a message is entered.
 */
final class SmsSender {

    private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);

    private final SmsTransitions transitions;
    private final ServiceStateFile window;
    private final Supplier<ActiveMailer> mailers;
    private final RetryPolicy retryPolicy;
    private final ServiceClock clock;
    private final IntSupplier maxParts;
    private final Duration expiry;

    /**
     * @param transitions what carries out each outcome
     * @param window where the SMS rate limit's window is kept
     * @param mailers the mailer to use now, read again for every attempt
     * @param retryPolicy the backoff
     * @param clock the outbox's clock
     * @param maxParts the most parts an SMS may take
     * @param expiry how long an SMS is tried, for the log
     */
    SmsSender(SmsTransitions transitions, ServiceStateFile window, Supplier<ActiveMailer> mailers,
            RetryPolicy retryPolicy, ServiceClock clock, IntSupplier maxParts, Duration expiry) {
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.window = Objects.requireNonNull(window, "window");
        this.mailers = Objects.requireNonNull(mailers, "mailers");
        this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxParts = Objects.requireNonNull(maxParts, "maxParts");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    // Whether the mailer was replaced is a question of identity: a replacement is always a new ActiveMailer.
    @SuppressWarnings("ReferenceEquality")
    void attempt(Work.SmsAttempt attempt) {
        SmsQueue.Target target = attempt.target();
        int number = attempt.attempt();
        // The window first: a process that dies during the attempt must still count it after a restart.
        attempt.window().ifPresent(this::recordWindow);
        transitions.started(target);
        ActiveMailer active = mailers.get();
        SmsReceipt receipt;
        try {
            receipt = active.mailer().sendSms(new SmsRequest(target.number(), target.sms.job().text(),
                    maxParts.getAsInt()), active.settings().sendDeadline());
        } catch (MailException e) {
            failed(target, number, e, active);
            return;
        } catch (RuntimeException e) {
            // A bug in the dialect must not end the dispatcher; retrying is the safe reading of "unknown".
            LOG.warn("The modem mailer failed unexpectedly on an SMS", e);
            failed(target, number, new MailException(MailErrorCode.UNKNOWN, null, "The modem mailer failed: " + e,
                    e), active);
            return;
        }
        transitions.sent(target, number, receipt);
    }

    /** @param expiry a number whose job expired before it was sent */
    void expired(Work.SmsExpiry expiry) {
        transitions.expired(expiry.target(), expired(expiry.target()));
    }

    // Whether the mailer was replaced is a question of identity: a replacement is always a new ActiveMailer.
    @SuppressWarnings("ReferenceEquality")
    private void failed(SmsQueue.Target target, int number, MailException failure, ActiveMailer active) {
        MailErrorCode code = failure.code();
        ServiceTime now = clock.now();
        if (!code.isTransient()) {
            transitions.failed(target, number, failure);
        } else if (!now.isBefore(target.expiresAt)) {
            transitions.failed(target, number, expired(target));
        } else {
            // A mailer replaced during the attempt was closed under it: the failure says nothing about the modem.
            ServiceTime next = mailers.get() != active ? now : now.plus(retryPolicy.delayAfter(number));
            transitions.retrying(target, number, code, ServiceTime.earlier(next, target.expiresAt));
        }
    }

    private MailException expired(SmsQueue.Target target) {
        return new MailException(MailErrorCode.EXPIRED, "The SMS " + target.sms.job().id() + " to "
                + SmsMessage.maskNumber(target.number()) + " was not sent within " + expiry);
    }

    private void recordWindow(List<ServiceTime> starts) {
        try {
            window.write(clock.now(), starts);
        } catch (IOException e) {
            LOG.warn("Cannot record the SMS rate limit's window ({}); after a restart it may miss this attempt",
                    e.toString());
        }
    }
}
