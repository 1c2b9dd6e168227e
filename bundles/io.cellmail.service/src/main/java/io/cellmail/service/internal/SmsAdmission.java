/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsMessage;
import io.cellmail.api.SmsReason;

/**
 * How an SMS job enters the outbox: decided by the fallback about a mail ({@link SmsJobs}) or sent on purpose
 * ({@link #send}). One at a time (a job is a few hundred bytes, written and forced in milliseconds), so an id is
 * checked and written under one lock and two sends of one id never both write. Reads the SMS files back at start:
 * every job with a number not final is queued again, a number found in flight is sent again (at-least-once), a job
 * whose numbers are all final is deleted.
 */
final class SmsAdmission implements SmsJobs {

    private static final Logger LOG = LoggerFactory.getLogger(SmsAdmission.class);

    private final SmsOutbox outbox;
    private final SmsQueue queue;
    private final ServiceClock clock;
    private final CallbackStages<SmsDelivery> stages;
    private final Runnable wake;
    private final int maxJobs;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private long nextSequence;
    /** Guarded by {@link #lock}: false until the SMS files were read back. */
    private boolean loaded;

    /**
     * @param outbox the SMS files
     * @param queue where jobs wait
     * @param clock the outbox's clock
     * @param stages the stages of SMS sent on purpose
     * @param wake wakes the dispatcher for a new job
     * @param maxJobs while this many SMS jobs of any reason wait, an SMS sent on purpose is refused; the fallback's
     *     never are
     */
    SmsAdmission(SmsOutbox outbox, SmsQueue queue, ServiceClock clock, CallbackStages<SmsDelivery> stages,
            Runnable wake, int maxJobs) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stages = Objects.requireNonNull(stages, "stages");
        this.wake = Objects.requireNonNull(wake, "wake");
        this.maxJobs = maxJobs;
    }

    /**
     * Reads the SMS files back, once; a directory that cannot be listed now is listed at the next call (an SMS
     * decided or sent, or the mail's rescan of the directory).
     */
    void load() {
        synchronized (lock) {
            try {
                ensureLoaded();
            } catch (IOException e) {
                LOG.warn("Cannot list the SMS files of outbox now ({}); they are read when it can be", e.toString());
            }
        }
    }

    @Override
    public void decide(SmsJob job) throws IOException {
        Objects.requireNonNull(job, "job");
        synchronized (lock) {
            ensureLoaded();
            if (queue.isOpen(job.id(), job.reason())) {
                LOG.debug("SMS {} ({}) is stored already", job.id(), job.reason());
                return;
            }
            store(job);
        }
        wake.run();
    }

    @Override
    public boolean pendingFor(String mailId) {
        return queue.openAbout(mailId);
    }

    /**
     * Accepts an SMS sent on purpose: idempotent by id like mail (the same id waiting: its stage; ended within the
     * hour: its outcome).
     *
     * @param message the SMS, its length already checked
     * @param stopped the failure of a stage when the service stopped already
     * @return its stage
     * @throws MailException {@link MailErrorCode#QUEUE_FULL} or {@link MailErrorCode#OUTBOX_WRITE_FAILED}
     */
    CompletionStage<SmsDelivery> send(SmsMessage message, Supplier<MailException> stopped) {
        CompletionStage<SmsDelivery> stage;
        synchronized (lock) {
            try {
                ensureLoaded();
            } catch (IOException e) {
                throw new MailException(MailErrorCode.OUTBOX_WRITE_FAILED, null, "The outbox cannot be listed, so "
                        + "no SMS can be stored yet: " + e, e);
            }
            Optional<CompletionStage<SmsDelivery>> known = queue.follow(message.id(),
                    sequence -> stages.register(sequence, stopped));
            if (known.isPresent()) {
                return known.get();
            }
            if (queue.jobCount() >= maxJobs) {
                throw new MailException(MailErrorCode.QUEUE_FULL, "The outbox holds " + maxJobs
                        + " SMS already, the most it takes");
            }
            SmsJob job = new SmsJob(message.id(), SmsReason.DIRECT, List.of(message.number()), message.text());
            try {
                // The stage is registered before the job is queued, so its outcome cannot come first.
                stage = stages.register(nextSequence, stopped);
                store(job);
            } catch (IOException e) {
                stages.fail(nextSequence, new MailException(MailErrorCode.OUTBOX_WRITE_FAILED, "not stored"));
                throw new MailException(MailErrorCode.OUTBOX_WRITE_FAILED, null, "The outbox cannot store the SMS: "
                        + e, e);
            }
        }
        wake.run();
        return stage;
    }

    private void store(SmsJob job) throws IOException {
        ServiceTime now = clock.now();
        StoredSms stored = new StoredSms(nextSequence, job, clock.wallNow(), now);
        List<SmsState> states = new ArrayList<>();
        for (int i = 0; i < job.numbers().size(); i++) {
            states.add(SmsState.initial(now));
        }
        outbox.create(stored, states, now);
        nextSequence++;
        queue.add(stored, states);
        LOG.debug("SMS {} ({}) stored as {} for {} numbers", job.id(), job.reason(), stored.fileName(),
                job.numbers().size());
    }

    private void ensureLoaded() throws IOException {
        if (loaded) {
            return;
        }
        SmsOutbox.Loaded found = outbox.load();
        ServiceTime now = clock.now();
        for (SmsRecordCodec.Decoded job : found.jobs()) {
            clock.catchUp(job.lastRecorded());
            restore(job, now);
        }
        nextSequence = found.nextSequence();
        loaded = true;
    }

    private void restore(SmsRecordCodec.Decoded decoded, ServiceTime now) {
        StoredSms stored = decoded.stored();
        List<SmsState> states = new ArrayList<>(decoded.states());
        if (states.stream().allMatch(SmsState::isFinal)) {
            try {
                outbox.remove(stored);
            } catch (IOException e) {
                LOG.warn("Cannot delete SMS file {} of a finished job ({})", stored.fileName(), e.toString());
            }
            return;
        }
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).inFlight()) {
                LOG.warn("SMS {} ({}) to {} was being sent when the service stopped; it is sent again and may "
                        + "arrive twice", stored.job().id(), stored.job().reason(),
                        SmsMessage.maskNumber(stored.job().numbers().get(i)));
                states.set(i, states.get(i).interrupted(now));
            }
        }
        queue.add(stored, states);
    }
}
