/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the mail on disk into the queue's index: at start-up the oldest mail up to the outbox's bounds, the rest
 * as room frees up (oldest first); files it cannot read now (a read error, too many open files) it leaves where
 * they are and tries again later, with a growing pause; files it can never read it sets aside, reporting each as a
 * failed mail. Files of the first format are rewritten in the current one first. Runs on the constructing thread
 * at start-up, later only on the dispatcher's ({@link Work.Rescan}); never on two threads at once.
 *
 * <p>Memory stays bounded whatever the directory holds: a listing is never kept, only the names of the oldest
 * files that fit (at most the room left), and of each file only its header is read.
 */
final class OutboxRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRecovery.class);

    /** The first pause before unreadable files are read again; it doubles up to {@link #LONGEST_PAUSE}. */
    static final Duration FIRST_PAUSE = Duration.ofMinutes(1);
    static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    /** How many files that could not be read a scan looks past, so that they do not block the mail behind them. */
    private static final int UNREADABLE_LOOKED_PAST = 1000;

    private record Candidate(long sequence, String name) {
    }

    private enum Outcome {
        INDEXED, DONE, UNREADABLE, NO_ROOM, SAME_ID
    }

    private final Outbox outbox;
    private final MailQueue queue;
    private final ServiceClock clock;
    private final Transitions transitions;
    private final FinalOutcomes outcomes;
    private final SmsFallback sms;
    private final Duration expiry;
    private final Duration retryCap;
    private final AtomicLong sequence;
    private Duration pause = FIRST_PAUSE;
    /** True once the directory was listed whole: only then are the sequence numbers on disk known. */
    private boolean listed;
    private int lastUnreadable;
    private boolean legacyLeft;
    private volatile int waitingForRoom;

    /**
     * @param outbox the outbox
     * @param queue the index to fill
     * @param clock the outbox's clock, moved forward to what the files recorded
     * @param transitions what reports a damaged file
     * @param outcomes how the mail that left the outbox lately ended: a file that outlived its outcome is deleted
     * @param sms the SMS fallback, which completes a decision a kill interrupted
     * @param expiry how long a mail lives, in service time
     * @param retryCap the longest wait before an attempt: no recorded retry time lies further ahead
     * @param sequence the next sequence number; raised past every number found on disk
     */
    OutboxRecovery(Outbox outbox, MailQueue queue, ServiceClock clock, Transitions transitions,
            FinalOutcomes outcomes, SmsFallback sms, Duration expiry, Duration retryCap, AtomicLong sequence) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.sms = Objects.requireNonNull(sms, "sms");
        this.expiry = Objects.requireNonNull(expiry, "expiry");
        this.retryCap = Objects.requireNonNull(retryCap, "retryCap");
        this.sequence = Objects.requireNonNull(sequence, "sequence");
    }

    /**
     * At start-up, before any mail is accepted: deletes temporary files, rewrites files of the first format, and
     * indexes the oldest mail up to the bounds. When the directory cannot be listed now (too many open files, a
     * read error), no mail is accepted (the next file name could be taken) and the listing is tried again later.
     */
    void start() {
        try {
            firstScan();
        } catch (IOException e) {
            queue.backlog(true);
            listingFailed(e);
        }
    }

    private void firstScan() throws IOException {
        outbox.deleteTemporaryFiles();
        outbox.visit(new Outbox.Visitor() {
            @Override
            public void mail(String name, long number) {
                sequence.accumulateAndGet(number + 1, Math::max);
            }

            @Override
            public void legacy(String name) {
                legacyLeft = true;
            }
        });
        listed = true;
        rescan();
    }

    /**
     * Deletes what final mail left behind, rewrites files of the first format, and indexes the oldest mail on disk
     * that is not indexed, as far as the bounds allow.
     *
     * @throws IOException when the directory cannot be listed
     */
    void rescan() throws IOException {
        if (!listed) {
            firstScan();
            return;
        }
        outbox.retryDeletes();
        int unreadable = legacyLeft ? importLegacyFiles() : 0;
        unreadable += indexOldest();
        lastUnreadable = unreadable;
        if (unreadable > 0) {
            queue.rescanAt(clock.now().plus(pause));
            LOG.warn("{} outbox files cannot be read now; they stay and are read again in {}", unreadable, pause);
            growPause();
        } else {
            pause = FIRST_PAUSE;
        }
    }

    /** Schedules a rescan like a failed one: the outbox directory itself could not be listed. */
    void listingFailed(IOException cause) {
        LOG.warn("Cannot list the outbox {} ({}); trying again in {}{}", outbox.directory(), cause.toString(), pause,
                listed ? "" : "; until then no mail is accepted");
        queue.rescanAt(clock.now().plus(pause));
        growPause();
    }

    private void growPause() {
        pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
    }

    /** @return the mails on disk that wait for room to be indexed, as the last scan counted them */
    int waitingForRoom() {
        return waitingForRoom;
    }

    /** @return how many files could not be read */
    private int indexOldest() throws IOException {
        int room = queue.room();
        int keep = (int) Math.min(Integer.MAX_VALUE, (long) room + Math.min(lastUnreadable, UNREADABLE_LOOKED_PAST));
        // The newest candidate on top, so that keeping the oldest `keep` is one poll per extra candidate.
        PriorityQueue<Candidate> oldest = new PriorityQueue<>(
                Comparator.comparingLong(Candidate::sequence).reversed());
        int[] candidates = {0};
        outbox.visit(new Outbox.Visitor() {
            @Override
            public void mail(String name, long number) {
                if (queue.knows(number) || outbox.isUndeleted(name)) {
                    return;
                }
                candidates[0]++;
                oldest.add(new Candidate(number, name));
                if (oldest.size() > keep) {
                    oldest.poll();
                }
            }

            @Override
            public void legacy(String name) {
                legacyLeft = true;
            }
        });
        List<Candidate> inOrder = new ArrayList<>(oldest);
        inOrder.sort(Comparator.comparingLong(Candidate::sequence));
        int waiting = candidates[0] - inOrder.size();
        int unreadable = 0;
        for (int i = 0; i < inOrder.size(); i++) {
            Outcome outcome = index(inOrder.get(i));
            if (outcome == Outcome.UNREADABLE) {
                unreadable++;
            } else if (outcome == Outcome.SAME_ID) {
                waiting++;
            } else if (outcome == Outcome.NO_ROOM) {
                waiting += inOrder.size() - i;
                break;
            }
        }
        waitingForRoom = waiting;
        queue.backlog(waiting > 0);
        if (waiting > 0) {
            LOG.warn("The outbox {} holds {} more mails than its bounds let in now ({}); they are indexed as room "
                    + "frees up, oldest first, and new mail is refused until then", outbox.directory(), waiting,
                    queue.usage());
        }
        return unreadable;
    }

    private Outcome index(Candidate candidate) {
        OutboxRecord record;
        try {
            record = outbox.readHeader(candidate.name());
        } catch (IOException e) {
            LOG.warn("Cannot read outbox file {} now ({}); it stays and is read again later", candidate.name(),
                    e.toString());
            return Outcome.UNREADABLE;
        } catch (CorruptRecordException e) {
            transitions.damagedFile(candidate.name(), e.messageId(), e.getMessage());
            return Outcome.DONE;
        }
        if (record.state().finished()
                || outcomes.holds(record.header().id(), record.header().sequence())) {
            // Final, or ended with the service stopping before the file was deleted: not sent again.
            deleteFinished(candidate.name());
            return Outcome.DONE;
        }
        if (record.header().sequence() != candidate.sequence()) {
            outbox.forget(candidate.name());
            transitions.damagedFile(candidate.name(), Optional.of(record.header().id()), "the file is named for mail #"
                    + candidate.sequence() + " but holds mail #" + record.header().sequence());
            return Outcome.DONE;
        }
        clock.catchUp(record.lastRecorded());
        Pending pending = pending(record);
        MailQueue.Restored restored = queue.restore(pending);
        if (restored != MailQueue.Restored.INDEXED) {
            outbox.forget(candidate.name());
            return restored == MailQueue.Restored.NO_ROOM ? Outcome.NO_ROOM : Outcome.SAME_ID;
        }
        if (record.state().inFlight()) {
            LOG.warn("Mail {} was being sent (attempt {}) when the service stopped; it is sent again and may arrive "
                    + "twice", pending.id(), record.state().attempts());
        }
        return Outcome.INDEXED;
    }

    /** @return the queue's entry: times later than the clock allows (a clock that lost time) are pulled in */
    private Pending pending(OutboxRecord record) {
        ServiceTime now = clock.now();
        DeliveryState state = record.state();
        ServiceTime accepted = ServiceTime.earlier(record.header().acceptedAtService(), now);
        ServiceTime next = ServiceTime.earlier(state.nextAttemptAt(), now.plus(retryCap));
        MailHeader header = record.header();
        DeliveryState kept = sms.restored(header.priority(), header.id(), new DeliveryState(state.attempts(), next,
                state.lastError(), state.failuresInARow(), false, false, state.fallbackDecided(),
                state.urgentCopyDecided()));
        return new Pending(record.header(), record.file(), record.size(), accepted.plus(expiry), kept);
    }

    private void deleteFinished(String name) {
        try {
            outbox.remove(name);
            LOG.info("Deleted outbox file {}: its mail had reached its final outcome before the service stopped",
                    name);
        } catch (IOException e) {
            outbox.keepUndeleted(name);
            LOG.warn("Cannot delete outbox file {} of a mail that is final already ({}); it is skipped", name,
                    e.toString());
        }
    }

    /** @return how many files of the first format could not be read or rewritten now */
    private int importLegacyFiles() throws IOException {
        int[] failed = {0};
        // Rewriting while listing is safe: a directory stream is weakly consistent, and a new file is no legacy one.
        outbox.visit(new Outbox.Visitor() {
            @Override
            public void mail(String name, long number) {
                // Only the first format here.
            }

            @Override
            public void legacy(String name) {
                if (!importLegacy(name)) {
                    failed[0]++;
                }
            }
        });
        legacyLeft = failed[0] > 0;
        return failed[0];
    }

    /** @return false when the file must be tried again later */
    private boolean importLegacy(String name) {
        String idFromName = name.substring(0, name.length() - Outbox.LEGACY_SUFFIX.length());
        RecordCodec.LegacyMail mail;
        try {
            mail = outbox.readLegacy(name);
        } catch (IOException e) {
            LOG.warn("Cannot read outbox file {} now ({}); it stays and is read again later", name, e.toString());
            return false;
        } catch (CorruptRecordException e) {
            transitions.damagedFile(name, Optional.of(idFromName), e.getMessage());
            return true;
        }
        sequence.accumulateAndGet(mail.sequence() + 1, Math::max);
        try {
            long number = mail.sequence();
            if (queue.knows(number) || outbox.exists(Outbox.fileName(number))) {
                if (importedAlready(mail.message().id(), number)) {
                    outbox.removeLegacy(name);
                    return true;
                }
                number = sequence.getAndIncrement();
            }
            ServiceTime now = clock.now();
            StoredMessage stored = new StoredMessage(new MailHeader(mail.message().id(), number,
                    mail.message().priority(), mail.acceptedAt(), now.minus(notNegative(mail.acceptedAt(),
                            clock.wallNow()))), mail.message());
            DeliveryState state = new DeliveryState(mail.attempts(), now.plus(notNegative(clock.wallNow(),
                    mail.nextAttemptAt())), mail.lastError(), mail.lastError().isPresent() ? 1 : 0, mail.inFlight(),
                    false);
            outbox.importLegacy(name, stored, state, now);
            LOG.info("Outbox file {} rewritten as {} in the current format", name, Outbox.fileName(number));
            return true;
        } catch (IOException e) {
            LOG.warn("Cannot rewrite outbox file {} in the current format now ({}); it stays and is tried again later",
                    name, e.toString());
            return false;
        }
    }

    /** @return true when the file of that number holds this mail: an earlier rewrite whose old file stayed */
    private boolean importedAlready(String id, long number) throws IOException {
        if (queue.knows(number)) {
            // Indexed (or being accepted): the queue knows whose it is; its file must not be read under it.
            return queue.find(id).filter(indexed -> indexed.sequence() == number).isPresent();
        }
        String file = Outbox.fileName(number);
        try {
            return outbox.readHeader(file).header().id().equals(id);
        } catch (CorruptRecordException e) {
            return false;
        } finally {
            outbox.forget(file);
        }
    }

    /** @return the time from {@code from} to {@code to} on the wall clock, zero when the clock says it is negative */
    private static Duration notNegative(Instant from, Instant to) {
        Duration between = Duration.between(from, to);
        return between.isNegative() ? Duration.ZERO : between;
    }
}
