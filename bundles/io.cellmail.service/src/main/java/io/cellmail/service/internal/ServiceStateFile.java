/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's own small file, {@value #NAME}: its clock ({@link ServiceTime}) and the starts of the send attempts
 * in the rate limit's window, so that neither a restart nor a restart loop resets them. Written whole and
 * atomically (temporary file, forced, renamed): at each attempt when the rate limit is on, and as a checkpoint of
 * the clock every few minutes while mail waits.
 *
 * <pre>
 * file = "CMSS" version(1) service-time(int64) count(int32) attempt-start(int64)* crc32(int32 over all before)
 * </pre>
 */
final class ServiceStateFile {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceStateFile.class);

    static final String NAME = "service.state";
    private static final byte[] MAGIC = {'C', 'M', 'S', 'S'};
    private static final byte VERSION = 1;
    /** A window never holds more starts than the largest rate limit allows; a count beyond is damage. */
    private static final int MAX_STARTS = 1 << 20;

    /**
     * What the file held.
     *
     * @param time the outbox's clock when the file was written
     * @param windowStarts the starts of the attempts in the rate limit's window then, oldest first
     */
    record Saved(ServiceTime time, List<ServiceTime> windowStarts) {

        Saved {
            Objects.requireNonNull(time, "time");
            windowStarts = List.copyOf(windowStarts);
        }
    }

    private final Outbox outbox;
    private final String name;

    /** @param outbox the outbox the file belongs to */
    ServiceStateFile(Outbox outbox) {
        this(outbox, NAME);
    }

    /**
     * @param outbox the outbox the file belongs to
     * @param name the file's name: {@value #NAME} for mail, {@value SmsOutbox#RATE_LIMIT_FILE} for the SMS rate
     *     limit's window, which is kept apart because the two limits are
     */
    ServiceStateFile(Outbox outbox, String name) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * @return what the file holds; a new clock and an empty window when there is no file or it cannot be read
     *     (logged): the clock then continues from the mail files' own records
     */
    Saved read() {
        Path file = outbox.directory().resolve(name);
        try (FileChannel channel = outbox.files().open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > 8 + 1 + 8 + 4 + 8L * MAX_STARTS + 4) {
                throw new IOException("a state file of " + size + " bytes");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    break;
                }
            }
            return decode(Arrays.copyOf(buffer.array(), buffer.position()));
        } catch (NoSuchFileException e) {
            return new Saved(ServiceTime.ZERO, List.of());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the outbox's clock and rate-limit window from {} ({}); the clock continues from "
                    + "the mail files, the window starts empty", file, e.toString());
            return new Saved(ServiceTime.ZERO, List.of());
        }
    }

    /**
     * @param time the outbox's clock now
     * @param windowStarts the starts of the attempts in the rate limit's window, oldest first
     * @throws IOException when the file cannot be written; the previous one stays
     */
    void write(ServiceTime time, List<ServiceTime> windowStarts) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAGIC.length + 1 + 8 + 4 + 8 * windowStarts.size() + 4);
        buffer.put(MAGIC).put(VERSION).putLong(time.nanos()).putInt(windowStarts.size());
        windowStarts.forEach(start -> buffer.putLong(start.nanos()));
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        outbox.writeAtomically(name, buffer.array());
    }

    private static Saved decode(byte[] bytes) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (bytes.length < MAGIC.length + 1 + 8 + 4 + 4
                || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)
                || bytes[MAGIC.length] != VERSION) {
            throw new IOException("not a state file of version " + VERSION);
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != in.getInt(bytes.length - 4)) {
            throw new IOException("the state file is damaged (checksum)");
        }
        in.position(MAGIC.length + 1);
        ServiceTime time = new ServiceTime(in.getLong());
        int count = in.getInt();
        if (count < 0 || bytes.length != MAGIC.length + 1 + 8 + 4 + 8L * count + 4) {
            throw new IOException("the state file is damaged (" + count + " window starts)");
        }
        List<ServiceTime> starts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            starts.add(new ServiceTime(in.getLong()));
        }
        return new Saved(time, starts);
    }
}
