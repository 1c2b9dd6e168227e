/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailMessage;
import io.cellmail.api.Priority;
import io.cellmail.api.SmsReason;

/**
 * Decides when a mail gets an SMS about it, and makes each such decision once and durably: the
 * {@linkplain SmsReason#FALLBACK fallback} of a mail that keeps failing (at its first transient failure past
 * {@link SmsSettings#fallbackAfter()} from its acceptance), fails for good or expires, and the
 * {@linkplain SmsReason#URGENT_COPY copy} of an urgent mail at its acceptance. The mail itself is not touched: it is
 * still delivered if it can be, and an SMS decided about it goes whatever becomes of the mail.
 *
 * <p>Durable order: the SMS is handed to {@link SmsJobs#decide}, which stores it before it returns; only then is the
 * decision marked on the mail (a flag of its state, recorded with the mail's next state or at once). A process
 * killed between the two finds the SMS stored and the mark missing: {@link #restored} then counts the decision as
 * made ({@link SmsJobs#pendingFor}). An SMS that could not be stored is decided again at the mail's next failure;
 * that never fails or delays the mail.
 *
 * <p>Inactive (decides nothing) when no fallback number is configured. Runs on the
 * dispatcher (failures, expiry) and in {@code send} (the urgent copy); the caller holds the mail's {@link Pending}
 * for every disk write of the mail, as {@link Transitions} does.
 */
final class SmsFallback {

    private static final Logger LOG = LoggerFactory.getLogger(SmsFallback.class);

    private final SmsSettings settings;
    private final SmsJobs jobs;
    private final Outbox outbox;
    private final ServiceClock clock;

    /**
     * @param settings the numbers, when to fall back, the text's most parts
     * @param jobs the SMS outbox, which stores and sends what is decided
     * @param outbox the mail outbox, to read a mail's subject and body and to mark its urgent copy
     * @param clock the service clock: a mail's age is counted in service time, as its expiry
     */
    SmsFallback(SmsSettings settings, SmsJobs jobs, Outbox outbox, ServiceClock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return whether any mail can get an SMS */
    boolean active() {
        return settings.fallbackConfigured();
    }

    /**
     * A mail was just accepted, its file on disk, not yet indexed (nobody else sees it): an urgent mail gets its
     * copy now, when configured.
     *
     * @param stored the mail
     * @param file its outbox file
     * @param state its first state
     * @return the state to index it with, the copy marked when it was decided
     */
    DeliveryState accepted(StoredMessage stored, String file, DeliveryState state) {
        if (!owesUrgentCopy(stored.message().priority(), state.urgentCopyDecided())
                || !decide(stored.message(), SmsReason.URGENT_COPY)) {
            return state;
        }
        DeliveryState copied = state.withSms(state.fallbackDecided(), true);
        try {
            outbox.update(file, copied, clock.now());
        } catch (IOException e) {
            // The copy is stored; only its mark is not: after a restart it counts as decided while the SMS outbox
            // still holds it, else the mail's next failure decides it once more (at-least-once).
            LOG.warn("Cannot record on mail {} that its SMS copy was decided: {}", stored.id(), e.toString());
        }
        return copied;
    }

    /**
     * A mail read from the outbox at start: a decision whose SMS is stored but whose mark on the mail is missing (the
     * process was killed in between) counts as made, so it is not made twice. The SMS outbox does not say which
     * decision its SMS about the mail came from: it is taken for the first one not marked, in the order they are
     * made, the urgent copy (at acceptance) before the fallback. Once a copy is marked, a stored SMS may well be that
     * copy, still waiting to go: then nothing is inferred, and the fallback is decided when it is due (twice only if
     * a kill fell between its store and its mark: at-least-once).
     *
     * @param priority the mail's priority
     * @param id the mail's id
     * @param state its state as its file recorded it
     * @return the state to index it with
     */
    DeliveryState restored(Priority priority, String id, DeliveryState state) {
        boolean copyOwed = owesUrgentCopy(priority, state.urgentCopyDecided());
        boolean unknown = copyOwed || (!state.urgentCopyDecided() && !state.fallbackDecided());
        if (!active() || !unknown || !jobs.pendingFor(id)) {
            return state;
        }
        LOG.info("The SMS about mail {} was stored before the service stopped; it is not decided again", id);
        return copyOwed ? state.withSms(state.fallbackDecided(), true) : state.withSms(true, false);
    }

    /**
     * An attempt failed transiently and the mail will be tried again: the first such failure at least
     * {@link SmsSettings#fallbackAfter()} after its acceptance decides its fallback. Call holding {@code pending}.
     *
     * @param pending the mail; its marks are updated, the caller records them with its next state
     */
    void retrying(Pending pending) {
        Optional<Duration> after = settings.fallbackAfter();
        boolean due = after.isPresent() && !clock.now().isBefore(pending.header.acceptedAtService().plus(after.get()));
        decideFor(pending, due);
    }

    /**
     * The mail failed for good: its fallback now, when configured. Call holding {@code pending}, before its file is
     * deleted.
     *
     * @param pending the mail; its marks are updated, the caller records them
     */
    void failed(Pending pending) {
        decideFor(pending, settings.fallbackOnPermanentFailure());
    }

    /**
     * The mail expired: its fallback now, when configured at a permanent failure or after a time (which an expired
     * mail has passed, even if it never got an attempt). Call holding {@code pending}, before its file is deleted.
     *
     * @param pending the mail; its marks are updated, the caller records them
     */
    void expired(Pending pending) {
        decideFor(pending, settings.fallbackOnPermanentFailure() || settings.fallbackAfter().isPresent());
    }

    /** Decides what is owed: the fallback when due, and an urgent copy that could not be stored at acceptance. */
    private void decideFor(Pending pending, boolean fallbackDue) {
        boolean fallback = fallbackDue && !pending.fallbackDecided;
        boolean copy = owesUrgentCopy(pending.priority(), pending.urgentCopyDecided);
        if (!active() || (!fallback && !copy)) {
            return;
        }
        MailMessage message;
        try {
            message = outbox.readMessage(pending.file).message();
        } catch (IOException | CorruptRecordException e) {
            LOG.warn("Cannot read mail {} to tell it by SMS ({}); the SMS is decided at its next failure, if any",
                    pending.id(), e.toString());
            return;
        }
        if (copy && decide(message, SmsReason.URGENT_COPY)) {
            pending.urgentCopyDecided = true;
        }
        if (fallback && decide(message, SmsReason.FALLBACK)) {
            pending.fallbackDecided = true;
        }
    }

    private boolean owesUrgentCopy(Priority priority, boolean decided) {
        return active() && settings.copyUrgent() && priority == Priority.URGENT && !decided;
    }

    /** @return whether the SMS is stored in the SMS outbox */
    private boolean decide(MailMessage message, SmsReason reason) {
        SmsJob job = new SmsJob(message.id(), reason, settings.fallbackNumbers(),
                SmsSummary.of(message, settings.maxParts()));
        try {
            jobs.decide(job);
            LOG.info("SMS {} about mail {} decided for {} numbers", reason, message.id(), job.numbers().size());
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot store the SMS {} about mail {} ({}); it is decided again at the mail's next failure, "
                    + "if any",
                    reason, message.id(), e.toString());
            return false;
        }
    }
}
