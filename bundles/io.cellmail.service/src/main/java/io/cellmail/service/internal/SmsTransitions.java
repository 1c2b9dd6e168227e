/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsMessage;
import io.cellmail.api.SmsReason;
import io.cellmail.service.spi.SmsReceipt;

/**
 * Each state change of an SMS to one number, in the order the mail's {@link Transitions} keep: the SMS file first,
 * then the queue, the counters and the event, then the stage of an SMS sent on purpose. A state that cannot be
 * recorded never stops a send: the job and its earlier states are safe, only that step is missing after a restart
 * (logged).
 */
final class SmsTransitions {

    private static final Logger LOG = LoggerFactory.getLogger(SmsTransitions.class);

    private final SmsOutbox outbox;
    private final SmsQueue queue;
    private final ServiceClock clock;
    private final ServiceEvents events;
    private final CallbackStages<SmsDelivery> stages;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    SmsTransitions(SmsOutbox outbox, SmsQueue queue, ServiceClock clock, ServiceEvents events,
            CallbackStages<SmsDelivery> stages) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.stages = Objects.requireNonNull(stages, "stages");
    }

    /** Records that an attempt starts: found after a crash, the SMS is sent again. */
    void started(SmsQueue.Target target) {
        SmsState state = queue.states(target).get(target.index).started();
        record(target, queue.update(target, state));
    }

    void sent(SmsQueue.Target target, int attempt, SmsReceipt receipt) {
        SmsState state = queue.states(target).get(target.index).sent(receipt.messageReferences());
        SmsDelivery delivery = new SmsDelivery(target.sms.job().id(), target.number(), receipt.parts(),
                receipt.messageReferences(), attempt, clock.wallNow());
        record(target, queue.end(target, state, isDirect(target) ? CompletableFuture.completedFuture(delivery)
                : null));
        sent.incrementAndGet();
        events.smsSent(target.sms.job(), target.number(), attempt, receipt.messageReferences());
        if (isDirect(target)) {
            stages.complete(target.sms.sequence(), delivery);
        }
        end(target);
    }

    void retrying(SmsQueue.Target target, int attempt, MailErrorCode error, ServiceTime next) {
        SmsState state = queue.states(target).get(target.index).retrying(error, next);
        record(target, queue.update(target, state));
        events.smsRetrying(target.sms.job(), target.number(), attempt, error);
    }

    void failed(SmsQueue.Target target, int attempts, MailException failure) {
        SmsState state = queue.states(target).get(target.index).failed(failure.code());
        record(target, queue.end(target, state, isDirect(target) ? CompletableFuture.failedFuture(failure) : null));
        failed.incrementAndGet();
        LOG.warn("SMS {} ({}) to {} failed after {} attempts: {}", target.sms.job().id(),
                target.sms.job().reason(), SmsMessage.maskNumber(target.number()), attempts, failure.code().describe());
        events.smsFailed(target.sms.job(), target.number(), attempts, failure.code());
        if (isDirect(target)) {
            stages.fail(target.sms.sequence(), failure);
        }
        end(target);
    }

    /** A number whose job expired while it waited: failed with its attempts so far. */
    void expired(SmsQueue.Target target, MailException failure) {
        failed(target, queue.states(target).get(target.index).attempts(), failure);
    }

    /** @return SMS the network acknowledged since the service started, one per number */
    long sentCount() {
        return sent.get();
    }

    /** @return SMS that ended without being sent since the service started, one per number */
    long failedCount() {
        return failed.get();
    }

    /** An SMS sent on purpose has one number: its outcome is the job's, and a stage may follow it. */
    private static boolean isDirect(SmsQueue.Target target) {
        return target.sms.job().reason() == SmsReason.DIRECT;
    }

    private void end(SmsQueue.Target target) {
        StoredSms sms = target.sms;
        if (queue.finishIfDone(target)) {
            try {
                outbox.remove(sms);
            } catch (IOException e) {
                // Every number's final state is in the file: the next start deletes it instead of sending again.
                LOG.warn("Cannot delete SMS file {} of a finished job ({}); the next start does", sms.fileName(),
                        e.toString());
            }
        }
    }

    private void record(SmsQueue.Target target, List<SmsState> states) {
        try {
            outbox.record(target.sms, states, target.index, clock.now());
        } catch (IOException e) {
            LOG.warn("Cannot record the state of SMS {} to {} ({}); after a restart it continues from the state "
                    + "before", target.sms.job().id(), SmsMessage.maskNumber(target.number()), e.toString());
        }
    }

}
