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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;

/**
 * The mail delivered lately, kept in the outbox's file {@value #NAME}, so that a delivered mail is not sent again
 * when its id comes back:
 * <ul>
 * <li>a caller that died during {@code send} never learnt whether its mail was accepted, so it sends the id again
 *     after its restart; by then the service may have delivered the first one;</li>
 * <li>the service that died after recording a delivery and before deleting the mail's file finds the file at its
 *     next start.</li>
 * </ul>
 * A delivery is recorded here before the mail's file is deleted and before the mail leaves the queue, so an id is
 * at every moment either queued or remembered (for {@link #RETENTION} of service time, at most {@link #CAPACITY}
 * ids). The file is small and rewritten whole and atomically at each delivery; when that fails the delivery is
 * still remembered until the process ends.
 *
 * <pre>
 * file  = "CMSD" version(1) count(int32) entry* crc32(int32 over all before)
 * entry = id-length(int8) id(ASCII) sequence(int64) attempts(int32) accepted-at(int64 ms) sent-at(int64 ms)
 *         recorded-at(int64 service-time ns)
 * </pre>
 *
 * <p>Thread-safe: the dispatcher records, callers of {@code send} and {@code status} ask.
 */
final class DeliveredMail {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveredMail.class);

    static final String NAME = "delivered.state";
    /**
     * How long, in service time, a delivered id is remembered: far longer than a caller takes to restart and send
     * again, short enough that an id reused on purpose (which the API advises against) is not held back for long.
     */
    static final Duration RETENTION = Duration.ofHours(1);
    /** The most ids remembered, whatever their age: bounds the memory and the file (about 100 KiB). */
    static final int CAPACITY = 1000;

    private static final byte[] MAGIC = {'C', 'M', 'S', 'D'};
    private static final byte VERSION = 1;
    private static final int HEAD = MAGIC.length + 1 + 4;
    private static final int ENTRY_FIXED = 1 + 8 + 4 + 8 + 8 + 8;
    private static final int MAX_ID_LENGTH = 64;

    /**
     * One delivered mail.
     *
     * @param id its id
     * @param sequence its number in the outbox, to tell its file from a later mail's
     * @param attempts the attempts it took
     * @param acceptedAt when {@code send} accepted it
     * @param sentAt when the modem reported success
     * @param recordedAt the service time of the delivery, which the retention counts from
     */
    record Entry(String id, long sequence, int attempts, Instant acceptedAt, Instant sentAt,
            ServiceTime recordedAt) {

        Entry {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(acceptedAt, "acceptedAt");
            Objects.requireNonNull(sentAt, "sentAt");
            Objects.requireNonNull(recordedAt, "recordedAt");
        }

        DeliveryReceipt receipt() {
            return new DeliveryReceipt(id, attempts, sentAt);
        }

        MessageStatus status() {
            return new MessageStatus(id, MessageState.SENT, attempts, acceptedAt, Optional.empty(), Optional.empty());
        }
    }

    private final Outbox outbox;
    private final ServiceClock clock;
    // guarded by this; oldest first
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * Reads the file, forgetting what is past its retention, and moves the clock forward to the last delivery.
     *
     * @param outbox the outbox the file belongs to
     * @param clock the outbox's clock
     */
    DeliveredMail(Outbox outbox, ServiceClock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.clock = Objects.requireNonNull(clock, "clock");
        List<Entry> read = read();
        read.stream().map(Entry::recordedAt).max(ServiceTime::compareTo).ifPresent(clock::catchUp);
        ServiceTime now = clock.now();
        read.forEach(entry -> entries.put(entry.id(), entry));
        forgetOld(now);
    }

    /**
     * Remembers a delivery, durably when the disk allows; call before the mail's file is deleted.
     *
     * @param entry the delivery
     */
    synchronized void record(Entry entry) {
        entries.remove(entry.id());
        entries.put(entry.id(), entry);
        forgetOld(entry.recordedAt());
        try {
            outbox.writeAtomically(NAME, encode(List.copyOf(entries.values())));
        } catch (IOException e) {
            LOG.warn("Cannot record the delivery of mail {} in {} ({}); should its id be sent again after a restart, "
                    + "it goes out once more", entry.id(), NAME, e.toString());
        }
    }

    /**
     * @param id a mail's id
     * @return its delivery, if it was delivered within the retention
     */
    synchronized Optional<Entry> find(String id) {
        forgetOld(clock.now());
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * @param id the id a mail file holds
     * @param sequence the number a mail file holds
     * @return true when that very mail was delivered (its file outlived the delivery)
     */
    synchronized boolean holds(String id, long sequence) {
        Entry entry = entries.get(id);
        return entry != null && entry.sequence() == sequence;
    }

    private void forgetOld(ServiceTime now) {
        ServiceTime oldestKept = now.minus(RETENTION);
        Iterator<Entry> oldestFirst = entries.values().iterator();
        while (oldestFirst.hasNext()) {
            Entry entry = oldestFirst.next();
            if (entries.size() <= CAPACITY && !entry.recordedAt().isBefore(oldestKept)) {
                return;
            }
            oldestFirst.remove();
        }
    }

    /** @return what the file holds, oldest first; nothing when there is no file or it is damaged (logged) */
    private List<Entry> read() {
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
            LOG.warn("Cannot read the mail delivered lately from {} ({}); an id sent again now goes out once more",
                    file, e.toString());
            return List.of();
        }
    }

    static byte[] encode(List<Entry> entries) {
        int size = HEAD + 4;
        for (Entry entry : entries) {
            size += ENTRY_FIXED + entry.id().length();
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(MAGIC).put(VERSION).putInt(entries.size());
        for (Entry entry : entries) {
            byte[] id = entry.id().getBytes(StandardCharsets.US_ASCII);
            out.put((byte) id.length).put(id).putLong(entry.sequence()).putInt(entry.attempts())
                    .putLong(entry.acceptedAt().toEpochMilli()).putLong(entry.sentAt().toEpochMilli())
                    .putLong(entry.recordedAt().nanos());
        }
        CRC32 crc = new CRC32();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out.array();
    }

    static List<Entry> decode(byte[] bytes) throws IOException {
        if (bytes.length < HEAD + 4 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || bytes[MAGIC.length] != VERSION) {
            throw new IOException("not a file of delivered mail of version " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes).getInt(bytes.length - 4)) {
            throw new IOException("the file is damaged (checksum)");
        }
        in.position(MAGIC.length + 1);
        int count = in.getInt();
        if (count < 0 || count > CAPACITY) {
            throw new IOException("the file is damaged (" + count + " entries)");
        }
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int idLength = in.get();
            if (idLength < 1 || idLength > MAX_ID_LENGTH || in.remaining() < idLength + ENTRY_FIXED - 1) {
                throw new IOException("the file is damaged (entry " + i + ")");
            }
            byte[] id = new byte[idLength];
            in.get(id);
            entries.add(new Entry(new String(id, StandardCharsets.US_ASCII), in.getLong(), in.getInt(),
                    Instant.ofEpochMilli(in.getLong()), Instant.ofEpochMilli(in.getLong()),
                    new ServiceTime(in.getLong())));
        }
        if (in.hasRemaining()) {
            throw new IOException("the file is damaged (" + in.remaining() + " bytes after the last entry)");
        }
        return entries;
    }
}
