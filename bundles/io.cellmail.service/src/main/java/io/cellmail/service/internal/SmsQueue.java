/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MessageState;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsReason;
import io.cellmail.service.SmsStatus;

/**
 * The SMS jobs of a service that are not final, in memory, and which of their numbers is due: the dispatcher asks
 * it from {@link MailQueue#take()} before it looks at mail (an SMS is usually an alarm whose mail could not go).
 * Holds the SMS rate limit, apart from the mail's: SMS it holds back wait, mail is not held by it. Remembers how
 * the SMS sent on purpose ended for an hour, so sending one of those ids again returns that outcome.
 *
 * <p>Thread-safe: its own monitor, taken inside the mail queue's lock and never the other way round.
 */
final class SmsQueue {

    private static final Logger LOG = LoggerFactory.getLogger(SmsQueue.class);
    /** How long the outcome of an SMS sent on purpose answers a second send of its id. */
    static final Duration OUTCOME_KEPT = Duration.ofHours(1);
    /** The most outcomes kept: the newest. */
    static final int OUTCOMES_KEPT = 1000;

    /** One number of one job: what the dispatcher sends. */
    static final class Target {
        final StoredSms sms;
        final int index;
        final ServiceTime expiresAt;
        /** Guarded by the queue's monitor. */
        private SmsState state;
        /** Guarded by the queue's monitor: handed to the dispatcher and not back yet. */
        private boolean taken;

        private Target(StoredSms sms, int index, ServiceTime expiresAt, SmsState state) {
            this.sms = sms;
            this.index = index;
            this.expiresAt = expiresAt;
            this.state = state;
        }

        String number() {
            return sms.job().numbers().get(index);
        }
    }

    private record Ended(ServiceTime at, CompletionStage<SmsDelivery> outcome) {
    }

    private final ServiceClock clock;
    private final RateLimiter rateLimiter;
    private final Duration expiry;
    /** The open jobs by sequence number, oldest first. */
    private final Map<Long, List<Target>> jobs = new LinkedHashMap<>();
    private final Map<String, Ended> ended = new LinkedHashMap<>();
    private boolean holding;

    /**
     * @param clock the outbox's clock
     * @param rateLimiter the SMS rate limit
     * @param expiry how long an SMS is tried after it was decided
     */
    SmsQueue(ServiceClock clock, RateLimiter rateLimiter, Duration expiry) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
    }

    /**
     * @param sms a job stored durably
     * @param states the state of each of its numbers
     */
    synchronized void add(StoredSms sms, List<SmsState> states) {
        List<Target> targets = new ArrayList<>(states.size());
        ServiceTime expiresAt = sms.acceptedAtService().plus(expiry);
        for (int i = 0; i < states.size(); i++) {
            targets.add(new Target(sms, i, expiresAt, states.get(i)));
        }
        jobs.put(sms.sequence(), targets);
    }

    /**
     * @param now the service time now
     * @return the SMS work due now, an expiry before an attempt; empty when none is, or the rate limit holds it
     */
    synchronized Optional<Work> take(ServiceTime now) {
        Target due = null;
        for (List<Target> targets : jobs.values()) {
            for (Target target : targets) {
                if (target.taken || target.state.isFinal()) {
                    continue;
                }
                if (!now.isBefore(target.expiresAt)) {
                    target.taken = true;
                    return Optional.of(new Work.SmsExpiry(target));
                }
                if (!target.state.nextAttemptAt().isAfter(now) && (due == null
                        || target.state.nextAttemptAt().isBefore(due.state.nextAttemptAt()))) {
                    due = target;
                }
            }
        }
        if (due == null) {
            return Optional.empty();
        }
        Optional<ServiceTime> slot = rateLimiter.nextSlot(now);
        if (slot.isPresent()) {
            if (!holding) {
                holding = true;
                LOG.warn("SMS rate limit of {} per hour reached: due SMS wait until {}; mail is not held by it",
                        rateLimiter.maxPerHour(), clock.toWall(slot.get()));
            }
            return Optional.empty();
        }
        holding = false;
        due.taken = true;
        rateLimiter.record(now);
        Optional<List<ServiceTime>> window = rateLimiter.isLimiting() ? Optional.of(rateLimiter.starts(now))
                : Optional.empty();
        return Optional.of(new Work.SmsAttempt(due, due.state.attempts() + 1, window));
    }

    /**
     * @param now the service time now
     * @return when SMS work becomes due (a retry, an expiry, room in the rate limit), or null when none will
     */
    synchronized @Nullable ServiceTime wakeAt(ServiceTime now) {
        ServiceTime wake = null;
        boolean held = false;
        for (List<Target> targets : jobs.values()) {
            for (Target target : targets) {
                if (target.taken || target.state.isFinal()) {
                    continue;
                }
                wake = earlier(wake, target.expiresAt);
                if (target.state.nextAttemptAt().isAfter(now)) {
                    wake = earlier(wake, target.state.nextAttemptAt());
                } else {
                    held = true;
                }
            }
        }
        if (held) {
            wake = earlier(wake, rateLimiter.nextSlot(now).orElse(now));
        }
        return wake;
    }

    /** @return true while an SMS waits or the SMS rate limit's window holds attempts: the clock matters then */
    synchronized boolean holdsWork(ServiceTime now) {
        return !jobs.isEmpty() || !rateLimiter.starts(now).isEmpty();
    }

    /** @return a copy of the states of the target's job, for its file */
    synchronized List<SmsState> states(Target target) {
        return jobs.getOrDefault(target.sms.sequence(), List.of()).stream().map(t -> t.state).toList();
    }

    /**
     * @param target a number handed out by {@link #take}
     * @param state its new state; an open one makes it wait for its next attempt
     * @return the states of every number of its job now
     */
    synchronized List<SmsState> update(Target target, SmsState state) {
        target.state = state;
        target.taken = state.inFlight();
        return states(target);
    }

    /**
     * Records a final state and, for an SMS sent on purpose, its outcome, in one step: a {@link #follow} sees the
     * SMS either open or ended, never neither (which would store it twice).
     *
     * @param target a number handed out by {@link #take}
     * @param state its final state
     * @param outcome the outcome of a direct SMS (a completed stage), null for one about a mail
     * @return the states of every number of its job now
     */
    synchronized List<SmsState> end(Target target, SmsState state, @Nullable CompletionStage<SmsDelivery> outcome) {
        if (outcome != null) {
            ended.remove(target.sms.job().id());
            ended.put(target.sms.job().id(), new Ended(clock.now(), outcome));
            while (ended.size() > OUTCOMES_KEPT) {
                Iterator<String> oldest = ended.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        return update(target, state);
    }

    /**
     * Takes the target's job out when all its numbers are final.
     *
     * @param target a number whose final state was just recorded
     * @return true when its job is done now
     */
    synchronized boolean finishIfDone(Target target) {
        List<Target> targets = jobs.get(target.sms.sequence());
        if (targets == null || targets.stream().anyMatch(t -> !t.state.isFinal())) {
            return false;
        }
        jobs.remove(target.sms.sequence());
        return true;
    }

    /** @return true when a job of that id and reason has a number without an outcome */
    synchronized boolean isOpen(String id, SmsReason reason) {
        return openJob(id, reason) != null;
    }

    /**
     * Follows an SMS sent on purpose that is open or ended within the hour.
     *
     * @param id its id
     * @param join gives the stage of an open job, by its sequence number; called under this queue's monitor, so the
     *     SMS cannot end before the stage is registered
     * @return its stage, or empty when no SMS of that id is open or ended lately
     */
    synchronized Optional<CompletionStage<SmsDelivery>> follow(String id,
            LongFunction<CompletionStage<SmsDelivery>> join) {
        StoredSms open = openJob(id, SmsReason.DIRECT);
        if (open != null) {
            return Optional.of(join.apply(open.sequence()));
        }
        Ended outcome = ended.get(id);
        if (outcome == null || !clock.now().isBefore(outcome.at().plus(OUTCOME_KEPT))) {
            return Optional.empty();
        }
        LOG.info("SMS {} ended within the hour; sent again, it is not queued again", id);
        return Optional.of(outcome.outcome());
    }

    private @Nullable StoredSms openJob(String id, SmsReason reason) {
        for (List<Target> targets : jobs.values()) {
            SmsJob job = targets.get(0).sms.job();
            if (job.id().equals(id) && job.reason() == reason && targets.stream().anyMatch(t -> !t.state.isFinal())) {
                return targets.get(0).sms;
            }
        }
        return null;
    }

    /** @return true when an open job about that mail (not one sent on purpose) is stored */
    synchronized boolean openAbout(String mailId) {
        return jobs.values().stream().filter(targets -> targets.stream().anyMatch(t -> !t.state.isFinal()))
                .map(targets -> targets.get(0).sms.job())
                .anyMatch(job -> job.id().equals(mailId) && job.reason() != SmsReason.DIRECT);
    }

    /** @return how many jobs are open */
    synchronized int jobCount() {
        return jobs.size();
    }

    /** @return how many numbers of open jobs have no outcome yet */
    synchronized int openNumbers() {
        return (int) jobs.values().stream().flatMap(List::stream).filter(t -> !t.state.isFinal()).count();
    }

    /** @return one status per number without an outcome, oldest job first */
    synchronized List<SmsStatus> statuses() {
        List<SmsStatus> statuses = new ArrayList<>();
        for (List<Target> targets : jobs.values()) {
            for (Target target : targets) {
                SmsState state = target.state;
                if (state.isFinal()) {
                    continue;
                }
                boolean sending = target.taken;
                MessageState shown = sending ? MessageState.SENDING
                        : state.attempts() == 0 ? MessageState.QUEUED : MessageState.RETRY_WAIT;
                SmsJob job = target.sms.job();
                statuses.add(new SmsStatus(job.id(), job.reason(), target.number(), shown, state.attempts(),
                        sending ? Optional.empty() : Optional.of(clock.toWall(state.nextAttemptAt())),
                        state.lastError()));
            }
        }
        return statuses;
    }

    /** @return the SMS rate limit's window now, oldest first */
    synchronized List<ServiceTime> window(ServiceTime now) {
        return rateLimiter.starts(now);
    }

    private static @Nullable ServiceTime earlier(@Nullable ServiceTime a, ServiceTime b) {
        return a == null ? b : ServiceTime.earlier(a, b);
    }
}
