/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

import io.cellmail.api.Attachment;
import io.cellmail.api.MailCharset;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Priority;
import io.cellmail.api.Recipient;
import io.cellmail.api.RecipientType;

/**
 * The binary format of an outbox file. Version 2, written now:
 *
 * <pre>
 * file   = "CMOB" version(1 byte) header-frame message-frame state-frame*
 * frame  = type(1 byte) length(int32) payload(length bytes) crc32(int32 over type, length and payload)
 * header = id, sequence, accepted-at (wall clock), accepted-at (service time), priority, message-frame length
 * state  = attempts, next attempt (service time), last error, failures in a row, in flight, finished,
 *          recorded at (service time)          -- always {@value #STATE_PAYLOAD_LENGTH} bytes
 * </pre>
 *
 * The header frame holds what the queue indexes, so an outbox loads without reading mail content; the message
 * frame holds the content and is read when the mail is sent. Neither changes after acceptance. Each state frame is a
 * full {@link DeliveryState}, appended after a change, and the last intact one counts. An append that failed or
 * was torn leaves a broken tail: it is cut off. A damaged state frame anywhere else never costs the mail: decoding
 * goes on at the next intact state frame (found by its fixed length and CRC), or keeps the last good state. Only a
 * damaged header or message frame makes the mail unreadable. Version 1 (the first format, files named after the
 * message id) is still read, so that such an outbox can be imported; it held the mail and its times in one frame.
 * Strings are an int32 byte count and UTF-8; enums are stored by name so that reordering them breaks nothing.
 */
final class RecordCodec {

    static final byte[] MAGIC = {'C', 'M', 'O', 'B'};
    static final byte VERSION = 2;
    static final byte LEGACY_VERSION = 1;
    static final int HEADER_SIZE = MAGIC.length + 1;
    static final byte MESSAGE_FRAME = 1;
    static final byte STATE_FRAME = 2;
    static final byte HEADER_FRAME = 3;
    /** Type and length before a payload. */
    static final int FRAME_HEAD = 1 + 4;
    /** Type, length and CRC around every payload. */
    static final int FRAME_OVERHEAD = FRAME_HEAD + 4;
    /** A header frame is small: an id of at most 64 characters and a few numbers. */
    static final int MAX_HEADER_PAYLOAD = 1024;
    static final int STATE_PAYLOAD_LENGTH = 4 + 8 + 4 + 4 + 1 + 8;
    static final int LEGACY_STATE_PAYLOAD_LENGTH = 4 + 12 + 4 + 1;

    private static final int IN_FLIGHT = 1;
    private static final int FINISHED = 2;
    /**
     * Bits of the flags byte that files written before the SMS fallback leave 0, so they read as "no SMS decided";
     * a reader that predates them ignores them. The state frame keeps its length.
     */
    private static final int FALLBACK_DECIDED = 4;
    private static final int URGENT_COPY_DECIDED = 8;

    /** A frame's type and payload length, as the five bytes before its payload say. */
    record FrameHead(byte type, int payloadLength) {

        /** @return the bytes of the whole frame */
        long frameLength() {
            return (long) FRAME_OVERHEAD + payloadLength;
        }
    }

    /**
     * The state frames of a file, decoded.
     *
     * @param state the last intact state, or null when there is none
     * @param frames the intact state frames
     * @param validLength the bytes from the start of the state frames to the end of the last intact one
     * @param tornTail true when bytes after {@code validLength} are a torn or damaged last frame
     * @param damagedFrames true when damaged bytes were skipped between intact frames
     * @param lastRecorded the latest service time a state frame recorded, or null
     */
    record States(DeliveryState state, int frames, int validLength, boolean tornTail, boolean damagedFrames,
            ServiceTime lastRecorded) {
    }

    /**
     * A mail of the first format, with its times on the wall clock.
     *
     * @param sequence its acceptance order
     * @param acceptedAt when it was accepted, wall clock
     * @param message the mail
     * @param attempts attempts started
     * @param nextAttemptAt when its next attempt was due, wall clock
     * @param lastError the code of its last failed attempt
     * @param inFlight true when the process died during an attempt
     */
    record LegacyMail(long sequence, Instant acceptedAt, MailMessage message, int attempts, Instant nextAttemptAt,
            Optional<MailErrorCode> lastError, boolean inFlight) {
    }

    /**
     * A frame's place in a byte array; {@code intact} is false when the CRC does not match. The SMS files of the
     * outbox ({@link SmsRecordCodec}) are framed the same way.
     */
    record Frame(byte type, int payloadStart, int payloadLength, int end, boolean intact) {
    }

    /** @return a new file holding the mail and no state frame */
    byte[] encodeFile(StoredMessage stored) {
        byte[] message = frame(MESSAGE_FRAME, messagePayload(stored.message()));
        byte[] header = frame(HEADER_FRAME, headerPayload(stored.header(), message.length));
        return concat(fileHeader(VERSION), header, message);
    }

    /** @return a new file holding the mail and one state frame */
    byte[] encodeFile(StoredMessage stored, DeliveryState state, ServiceTime recordedAt) {
        return concat(encodeFile(stored), encodeState(state, recordedAt));
    }

    /** @return a state frame to append */
    byte[] encodeState(DeliveryState state, ServiceTime recordedAt) {
        return frame(STATE_FRAME, statePayload(state, recordedAt));
    }

    /**
     * @param fileHeader the first {@value #HEADER_SIZE} bytes of a file
     * @return its format version, {@value #VERSION} or {@value #LEGACY_VERSION}
     * @throws CorruptRecordException when it is no outbox file or of a version this code does not know
     */
    int version(byte[] fileHeader) throws CorruptRecordException {
        if (fileHeader.length < HEADER_SIZE || !Arrays.equals(fileHeader, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptRecordException("not an outbox file (" + fileHeader.length + " bytes, no header)");
        }
        byte version = fileHeader[MAGIC.length];
        if (version != VERSION && version != LEGACY_VERSION) {
            throw new CorruptRecordException("unknown outbox file version " + version);
        }
        return version;
    }

    /** @return the type and length the five bytes before a payload give */
    FrameHead frameHead(byte[] head) {
        ByteBuffer buffer = ByteBuffer.wrap(head);
        return new FrameHead(buffer.get(0), buffer.getInt(1));
    }

    /**
     * @param frame a whole header frame
     * @return the header
     * @throws CorruptRecordException when the frame is damaged
     */
    MailHeader decodeHeader(byte[] frame) throws CorruptRecordException {
        ByteBuffer in = intactPayload(frame, HEADER_FRAME, "header");
        try {
            String id = readString(in);
            long sequence = in.getLong();
            Instant acceptedAt = readInstant(in);
            ServiceTime acceptedAtService = new ServiceTime(in.getLong());
            Priority priority = Priority.valueOf(readString(in));
            in.getInt();
            MailHeader header = new MailHeader(id, sequence, priority, acceptedAt, acceptedAtService);
            requireConsumed(in, "header");
            return header;
        } catch (RuntimeException e) {
            throw new CorruptRecordException("header frame cannot be decoded: " + e, e);
        }
    }

    /**
     * @param frame a whole header frame, already checked by {@link #decodeHeader}
     * @return the length of the message frame that follows it, as the header recorded it
     */
    int messageFrameLength(byte[] frame) {
        return ByteBuffer.wrap(frame).getInt(frame.length - 8);
    }

    /**
     * @param header the mail's header
     * @param frame the whole message frame
     * @return the mail
     * @throws CorruptRecordException when the frame is damaged
     */
    MailMessage decodeMessage(MailHeader header, byte[] frame) throws CorruptRecordException {
        ByteBuffer in = intactPayload(frame, MESSAGE_FRAME, "message");
        try {
            MailMessage.Builder builder = MailMessage.builder().id(header.id()).priority(header.priority())
                    .charset(MailCharset.valueOf(readString(in)));
            readContent(in, builder);
            requireConsumed(in, "message");
            return builder.build();
        } catch (RuntimeException e) {
            // Underflow, an unknown enum name, an invalid message: all mean the bytes are not what we wrote.
            throw new CorruptRecordException("message frame cannot be decoded: " + e, e);
        }
    }

    /**
     * @param region the bytes after the message frame of a current file, up to its end
     * @return the state frames found there
     */
    States decodeStates(byte[] region) {
        DeliveryState state = null;
        ServiceTime lastRecorded = null;
        int frames = 0;
        int validLength = 0;
        boolean damaged = false;
        int position = 0;
        while (position < region.length) {
            Frame frame = frameAt(region, position);
            if (isState(frame, STATE_PAYLOAD_LENGTH)) {
                ByteBuffer payload = payload(region, frame);
                state = decodeState(payload);
                ServiceTime recorded = new ServiceTime(payload.getLong(payload.limit() - 8));
                lastRecorded = lastRecorded == null ? recorded : ServiceTime.later(lastRecorded, recorded);
                frames++;
                position = frame.end();
                validLength = position;
                continue;
            }
            int next = nextStateFrame(region, position + 1, STATE_PAYLOAD_LENGTH);
            if (next < 0) {
                return new States(state, frames, validLength, true, damaged, lastRecorded);
            }
            damaged = true;
            position = next;
        }
        return new States(state, frames, validLength, false, damaged, lastRecorded);
    }

    /**
     * @param file a whole file of the first format
     * @return what it holds, with the last intact state (a damaged state frame never costs the mail)
     * @throws CorruptRecordException when its header or message frame is damaged
     */
    LegacyMail decodeLegacy(byte[] file) throws CorruptRecordException {
        if (version(Arrays.copyOf(file, Math.min(file.length, HEADER_SIZE))) != LEGACY_VERSION) {
            throw new CorruptRecordException("not a file of the first outbox format");
        }
        Frame message = frameAt(file, HEADER_SIZE);
        if (message == null || !message.intact() || message.type() != MESSAGE_FRAME) {
            throw new CorruptRecordException("message frame is " + (message == null ? "torn" : "damaged"));
        }
        LegacyMail mail = decodeLegacyMessage(payload(file, message));
        byte[] region = Arrays.copyOfRange(file, message.end(), file.length);
        int position = 0;
        LegacyMail latest = mail;
        while (position < region.length) {
            Frame frame = frameAt(region, position);
            if (isState(frame, LEGACY_STATE_PAYLOAD_LENGTH)) {
                latest = withLegacyState(mail, payload(region, frame));
                position = frame.end();
            } else {
                position = nextStateFrame(region, position + 1, LEGACY_STATE_PAYLOAD_LENGTH);
                if (position < 0) {
                    break;
                }
            }
        }
        return latest;
    }

    private static boolean isState(Frame frame, int payloadLength) {
        return frame != null && frame.intact() && frame.type() == STATE_FRAME && frame.payloadLength() == payloadLength;
    }

    /** @return the start of the next intact state frame at or after {@code from}, or -1 */
    private static int nextStateFrame(byte[] region, int from, int payloadLength) {
        int last = region.length - FRAME_OVERHEAD - payloadLength;
        ByteBuffer buffer = ByteBuffer.wrap(region);
        for (int position = from; position <= last; position++) {
            // Type and length first: the checksum is computed only where a state frame may start.
            if (region[position] == STATE_FRAME && buffer.getInt(position + 1) == payloadLength
                    && isState(frameAt(region, position), payloadLength)) {
                return position;
            }
        }
        return -1;
    }

    private static ByteBuffer intactPayload(byte[] frameBytes, byte type, String what) throws CorruptRecordException {
        Frame frame = frameAt(frameBytes, 0);
        if (frame == null || frame.end() != frameBytes.length || frame.type() != type) {
            throw new CorruptRecordException(what + " frame is torn or of the wrong type");
        }
        if (!frame.intact()) {
            throw new CorruptRecordException(what + " frame is damaged (checksum)");
        }
        return payload(frameBytes, frame);
    }

    private static void requireConsumed(ByteBuffer in, String what) throws CorruptRecordException {
        if (in.hasRemaining()) {
            throw new CorruptRecordException(in.remaining() + " unexpected bytes after the " + what);
        }
    }

    private static byte[] fileHeader(byte version) {
        byte[] header = Arrays.copyOf(MAGIC, HEADER_SIZE);
        header[MAGIC.length] = version;
        return header;
    }

    static byte[] frame(byte type, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(FRAME_OVERHEAD + payload.length);
        buffer.put(type).putInt(payload.length).put(payload);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    /** @return the frame starting at {@code start}, or null when the bytes end before it does */
    static Frame frameAt(byte[] bytes, int start) {
        if (bytes.length - start < FRAME_OVERHEAD) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte type = buffer.get(start);
        int length = buffer.getInt(start + 1);
        if (length < 0 || length > bytes.length - start - FRAME_OVERHEAD) {
            return null;
        }
        int crcAt = start + FRAME_HEAD + length;
        CRC32 crc = new CRC32();
        crc.update(bytes, start, crcAt - start);
        boolean intact = (int) crc.getValue() == buffer.getInt(crcAt);
        return new Frame(type, start + FRAME_HEAD, length, crcAt + 4, intact);
    }

    static ByteBuffer payload(byte[] bytes, Frame frame) {
        return ByteBuffer.wrap(bytes, frame.payloadStart(), frame.payloadLength()).slice();
    }

    private static byte[] headerPayload(MailHeader header, int messageFrameLength) {
        return write(out -> {
            writeString(out, header.id());
            out.writeLong(header.sequence());
            writeInstant(out, header.acceptedAt());
            out.writeLong(header.acceptedAtService().nanos());
            writeString(out, header.priority().name());
            out.writeInt(messageFrameLength);
        });
    }

    private static byte[] messagePayload(MailMessage message) {
        return write(out -> {
            writeString(out, message.charset().name());
            out.writeInt(message.recipients().size());
            for (Recipient recipient : message.recipients()) {
                writeString(out, recipient.type().name());
                writeString(out, recipient.address());
            }
            writeOptional(out, message.senderAddress());
            writeOptional(out, message.senderName());
            writeString(out, message.subject());
            writeString(out, message.body());
            out.writeInt(message.attachments().size());
            for (Attachment attachment : message.attachments()) {
                writeString(out, attachment.name());
                byte[] content = attachment.content();
                out.writeInt(content.length);
                out.write(content);
            }
        });
    }

    /** Recipients, sender, subject, body and attachments: the same in both versions. */
    private static void readContent(ByteBuffer in, MailMessage.Builder builder) {
        int recipients = in.getInt();
        for (int i = 0; i < recipients; i++) {
            builder.recipient(new Recipient(RecipientType.valueOf(readString(in)), readString(in)));
        }
        readOptional(in).ifPresent(builder::senderAddress);
        readOptional(in).ifPresent(builder::senderName);
        builder.subject(readString(in)).body(readString(in));
        int attachments = in.getInt();
        for (int i = 0; i < attachments; i++) {
            builder.attach(readString(in), readBytes(in));
        }
    }

    private static LegacyMail decodeLegacyMessage(ByteBuffer in) throws CorruptRecordException {
        try {
            String id = readString(in);
            long sequence = in.getLong();
            Instant acceptedAt = readInstant(in);
            MailMessage.Builder builder = MailMessage.builder().id(id).priority(Priority.valueOf(readString(in)))
                    .charset(MailCharset.valueOf(readString(in)));
            readContent(in, builder);
            requireConsumed(in, "message");
            return new LegacyMail(sequence, acceptedAt, builder.build(), 0, acceptedAt, Optional.empty(), false);
        } catch (RuntimeException e) {
            throw new CorruptRecordException("message frame cannot be decoded: " + e, e);
        }
    }

    private static LegacyMail withLegacyState(LegacyMail mail, ByteBuffer in) {
        int attempts = Math.max(0, in.getInt());
        Instant next = readInstant(in);
        Optional<MailErrorCode> lastError = errorCode(in.getInt());
        boolean inFlight = in.get() != 0;
        return new LegacyMail(mail.sequence(), mail.acceptedAt(), mail.message(), attempts, next, lastError, inFlight);
    }

    private static byte[] statePayload(DeliveryState state, ServiceTime recordedAt) {
        return write(out -> {
            out.writeInt(state.attempts());
            out.writeLong(state.nextAttemptAt().nanos());
            out.writeInt(state.lastError().map(MailErrorCode::code).orElse(0));
            out.writeInt(state.failuresInARow());
            out.writeByte((state.inFlight() ? IN_FLIGHT : 0) | (state.finished() ? FINISHED : 0)
                    | (state.fallbackDecided() ? FALLBACK_DECIDED : 0)
                    | (state.urgentCopyDecided() ? URGENT_COPY_DECIDED : 0));
            out.writeLong(recordedAt.nanos());
        });
    }

    private static DeliveryState decodeState(ByteBuffer in) {
        int attempts = Math.max(0, in.getInt());
        ServiceTime next = new ServiceTime(in.getLong());
        Optional<MailErrorCode> lastError = errorCode(in.getInt());
        int inARow = Math.max(0, in.getInt());
        byte flags = in.get();
        return new DeliveryState(attempts, next, lastError, inARow, (flags & IN_FLIGHT) != 0, (flags & FINISHED) != 0,
                (flags & FALLBACK_DECIDED) != 0, (flags & URGENT_COPY_DECIDED) != 0);
    }

    /** A code this version does not know (written by a newer one) still is a failure. */
    static Optional<MailErrorCode> errorCode(int code) {
        return code == 0 ? Optional.empty() : Optional.of(MailErrorCode.of(code).orElse(MailErrorCode.UNKNOWN));
    }

    interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static void writeOptional(DataOutputStream out, Optional<String> value) throws IOException {
        out.writeBoolean(value.isPresent());
        if (value.isPresent()) {
            writeString(out, value.get());
        }
    }

    static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    static String readString(ByteBuffer in) {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length " + length + " exceeds the " + in.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static Optional<String> readOptional(ByteBuffer in) {
        return in.get() != 0 ? Optional.of(readString(in)) : Optional.empty();
    }

    static Instant readInstant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
