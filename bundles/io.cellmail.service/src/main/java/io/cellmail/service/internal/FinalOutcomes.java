/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;

/**
 * The outcomes of the mail that left the outbox lately, kept in the outbox's file {@value #NAME}, so that an outcome
 * is not lost with the process that reached it and a delivered mail is not sent again when its id comes back:
 * <ul>
 * <li>a caller that died during {@code send} never learnt whether its mail was accepted, so it sends the id again
 *     after its restart; by then the service may have delivered the first one (the caller gets its receipt) or
 *     given it up (the caller gets that failure);</li>
 * <li>a caller that was not running when an outcome's event was posted (events are not stored) asks
 *     {@code status(id)} after its restart;</li>
 * <li>the service that died after recording an outcome and before deleting the mail's file finds the file at its
 *     next start, and deletes it rather than sending the mail again.</li>
 * </ul>
 * An outcome is recorded here before the mail's file is deleted and before the mail leaves the queue, so an id is
 * at every moment either queued or remembered (for {@link #RETENTION} of service time, at most {@link #CAPACITY}
 * ids). The file is small and rewritten whole and atomically at each outcome; when that fails the outcome is still
 * remembered until the process ends.
 *
 * <pre>
 * file  = "CMSO" version(1) count(int32) entry* crc32(int32 over all before)
 * entry = id-length(int8) id(ASCII) sequence(int64) state(int8: 1 sent, 2 failed, 3 expired, 4 cancelled)
 *         attempts(int32)
 *         error(int32: MailErrorCode, 0 for none) accepted-at(int64 ms) ended-at(int64 ms)
 *         recorded-at(int64 service-time ns)
 * </pre>
 *
 * <p>Thread-safe: the dispatcher and {@code cancel} record, callers of {@code send} and {@code status} ask.
 */
final class FinalOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(FinalOutcomes.class);

    static final String NAME = "outcomes.state";
    /**
     * How long, in service time, an outcome is remembered: far longer than a caller takes to restart and ask or send
     * again, short enough that an id reused on purpose (which the API advises against) is not held back for long.
     */
    static final Duration RETENTION = Duration.ofHours(1);
    /** The most outcomes remembered, whatever their age: bounds the memory and the file (about 100 KiB). */
    static final int CAPACITY = 1000;

    private static final byte[] MAGIC = {'C', 'M', 'S', 'O'};
    private static final byte VERSION = 1;
    private static final int HEAD = MAGIC.length + 1 + 4;
    private static final int ENTRY_FIXED = 1 + 8 + 1 + 4 + 4 + 8 + 8 + 8;
    private static final int MAX_ID_LENGTH = 64;
    /** The final states in the order of their codes in the file (1 to 4): fixed, whatever the enum's order. */
    private static final List<MessageState> STATES = List.of(MessageState.SENT, MessageState.FAILED,
            MessageState.EXPIRED, MessageState.CANCELLED);

    /**
     * How one mail ended.
     *
     * @param id its id
     * @param sequence its number in the outbox, to tell its file from a later mail's
     * @param state {@link MessageState#SENT}, {@link MessageState#FAILED}, {@link MessageState#EXPIRED} or
     *     {@link MessageState#CANCELLED}
     * @param attempts the attempts it had
     * @param error why it ended without delivery; empty for a delivery
     * @param acceptedAt when {@code send} accepted it
     * @param endedAt when it ended (for a delivery: when the modem reported success)
     * @param recordedAt the service time it ended at, which the retention counts from
     */
    record Outcome(String id, long sequence, MessageState state, int attempts, Optional<MailErrorCode> error,
            Instant acceptedAt, Instant endedAt, ServiceTime recordedAt) {

        Outcome {
            Objects.requireNonNull(id, "id");
            if (!STATES.contains(state)) {
                throw new IllegalArgumentException("not a final state: " + state);
            }
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(acceptedAt, "acceptedAt");
            Objects.requireNonNull(endedAt, "endedAt");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }

        boolean delivered() {
            return state == MessageState.SENT;
        }

        /** @return the receipt of a delivered mail */
        DeliveryReceipt receipt() {
            return new DeliveryReceipt(id, Math.max(1, attempts), endedAt);
        }

        /** @return why a mail that was not delivered ended, as its stage reports it */
        MailException failure() {
            MailErrorCode code = error.orElse(MailErrorCode.UNKNOWN);
            return new MailException(code, "Mail " + id + " ended " + state + " at " + endedAt + " after " + attempts
                    + " attempts: " + code.describe() + "; send it with a new id to try again");
        }

        MessageStatus status() {
            return new MessageStatus(id, state, attempts, acceptedAt, Optional.empty(), error);
        }
    }

    private final Outbox outbox;
    private final ServiceClock clock;
    /** Oldest first. */
    @GuardedBy("this")
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    /**
     * Reads the file, forgetting what is past its retention, and moves the clock forward to the last outcome.
     *
     * @param outbox the outbox the file belongs to
     * @param clock the outbox's clock
     */
    FinalOutcomes(Outbox outbox, ServiceClock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        List<Outcome> read = read();
        read.stream().map(Outcome::recordedAt).max(ServiceTime::compareTo).ifPresent(clock::catchUp);
        read.forEach(outcome -> outcomes.put(outcome.id(), outcome));
        forgetOld(clock.now());
    }

    /**
     * Remembers an outcome, durably when the disk allows; call before the mail's file is deleted.
     *
     * @param outcome how the mail ended
     */
    synchronized void record(Outcome outcome) {
        outcomes.remove(outcome.id());
        outcomes.put(outcome.id(), outcome);
        forgetOld(outcome.recordedAt());
        try {
            outbox.writeAtomically(NAME, encode(List.copyOf(outcomes.values())));
        } catch (IOException e) {
            LOG.warn("Cannot record that mail {} ended {} in {} ({}); after a restart its status is unknown, and sent "
                    + "again it goes out once more", outcome.id(), outcome.state(), NAME, e.toString());
        }
    }

    /**
     * @param id a mail's id
     * @return how it ended, if it ended within the retention
     */
    synchronized Optional<Outcome> find(String id) {
        forgetOld(clock.now());
        return Optional.ofNullable(outcomes.get(id));
    }

    /**
     * @param id the id a mail file holds
     * @param sequence the number a mail file holds
     * @return true when that very mail ended (its file outlived its outcome)
     */
    synchronized boolean holds(String id, long sequence) {
        Outcome outcome = outcomes.get(id);
        return outcome != null && outcome.sequence() == sequence;
    }

    @GuardedBy("this")
    private void forgetOld(ServiceTime now) {
        ServiceTime oldestKept = now.minus(RETENTION);
        Iterator<Outcome> oldestFirst = outcomes.values().iterator();
        while (oldestFirst.hasNext()) {
            Outcome outcome = oldestFirst.next();
            if (outcomes.size() <= CAPACITY && !outcome.recordedAt().isBefore(oldestKept)) {
                return;
            }
            oldestFirst.remove();
        }
    }

    /** @return what the file holds, oldest first; nothing when there is no file or it is damaged (logged) */
    private List<Outcome> read() {
        Path file = outbox.directory().resolve(NAME);
        try (FileChannel channel = outbox.files().open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > HEAD + (long) CAPACITY * (ENTRY_FIXED + MAX_ID_LENGTH) + 4) {
                throw new IOException("a file of " + size + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
            return decode(Arrays.copyOf(buffer.array(), buffer.position()));
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the outcomes of the mail that left the outbox lately from {} ({}); their status is "
                    + "unknown, and an id sent again now goes out once more", file, e.toString());
            return List.of();
        }
    }

    static byte[] encode(List<Outcome> outcomes) {
        int size = HEAD + 4;
        for (Outcome outcome : outcomes) {
            size += ENTRY_FIXED + outcome.id().length();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(MAGIC).put(VERSION).putInt(outcomes.size());
        for (Outcome outcome : outcomes) {
            byte[] id = outcome.id().getBytes(StandardCharsets.US_ASCII);
            out.put((byte) id.length).put(id).putLong(outcome.sequence())
                    .put((byte) (STATES.indexOf(outcome.state()) + 1)).putInt(outcome.attempts())
                    .putInt(outcome.error().map(MailErrorCode::code).orElse(0))
                    .putLong(outcome.acceptedAt().toEpochMilli()).putLong(outcome.endedAt().toEpochMilli())
                    .putLong(outcome.recordedAt().nanos());
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    static List<Outcome> decode(byte[] bytes) throws IOException {
        if (bytes.length < HEAD + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || bytes[MAGIC.length] != VERSION) {
            throw new IOException("not a file of outcomes of version " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes).getInt(bytes.length - 4)) {
            throw new IOException("the file is damaged (checksum)");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
        in.position(MAGIC.length + 1);
        int count = in.getInt();
        if (count < 0 || count > CAPACITY) {
            throw new IOException("the file is damaged (" + count + " entries)");
        }
        List<Outcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int idLength = in.get();
            if (idLength < 1 || idLength > MAX_ID_LENGTH || in.remaining() < idLength + ENTRY_FIXED - 1) {
                throw new IOException("the file is damaged (entry " + i + ")");
            }
            byte[] id = new byte[idLength];
            in.get(id);
            long sequence = in.getLong();
            int state = in.get();
            if (state < 1 || state > STATES.size()) {
                throw new IOException("the file is damaged (entry " + i + " has state " + state + ")");
            }
            int attempts = in.getInt();
            Optional<MailErrorCode> error = MailErrorCode.of(in.getInt());
            outcomes.add(new Outcome(new String(id, StandardCharsets.US_ASCII), sequence, STATES.get(state - 1),
                    attempts, error, Instant.ofEpochMilli(in.getLong()), Instant.ofEpochMilli(in.getLong()),
                    new ServiceTime(in.getLong())));
        }
        if (in.hasRemaining()) {
            throw new IOException("the file is damaged (" + in.remaining() + " bytes after the last entry)");
        }
        return outcomes;
    }
}
