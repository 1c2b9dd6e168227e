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
 * The binary format of an outbox file, version 1:
 *
 * <pre>
 * file  = "CMOB" version(1 byte) message-frame state-frame*
 * frame = type(1 byte) length(int32) payload(length bytes) crc32(int32 over type, length and payload)
 * </pre>
 *
 * The message frame holds the mail and never changes; each state frame is a full {@link DeliveryState}, appended
 * after a change, and the last intact one counts. Only an append can be torn by a crash, so a broken last state
 * frame is a torn tail (the previous state holds); anything else broken makes the whole file corrupt. Strings
 * are an int32 byte count and UTF-8; enums are stored by name so that reordering them breaks nothing.
 */
final class RecordCodec {

    static final byte[] MAGIC = {'C', 'M', 'O', 'B'};
    static final byte VERSION = 1;
    static final int HEADER_SIZE = MAGIC.length + 1;
    static final byte MESSAGE_FRAME = 1;
    static final byte STATE_FRAME = 2;
    /** Type, length and CRC around every payload. */
    static final int FRAME_OVERHEAD = 1 + 4 + 4;

    /**
     * What a file holds.
     *
     * @param stored the mail
     * @param state the last intact state, or the initial one
     * @param messageLength the bytes of the header and the message frame: the size of the file when accepted
     * @param validLength the bytes up to the end of the last intact frame
     * @param stateFrames the intact state frames
     * @param tornTail true when bytes after {@code validLength} were a torn or damaged last frame
     */
    record Decoded(StoredMessage stored, DeliveryState state, int messageLength, int validLength, int stateFrames, boolean tornTail) {
    }

    /** A frame's place in a file; {@code intact} is false when the CRC does not match. */
    private record Frame(byte type, int payloadStart, int payloadLength, int end, boolean intact) {
    }

    /** @return a new file holding the mail and no state frame */
    byte[] encodeFile(StoredMessage stored) {
        return concat(header(), frame(MESSAGE_FRAME, messagePayload(stored)));
    }

    /** @return a new file holding the mail and one state frame: the compacted form of a long file */
    byte[] encodeFile(StoredMessage stored, DeliveryState state) {
        return concat(encodeFile(stored), encodeState(state));
    }

    /** @return a state frame to append */
    byte[] encodeState(DeliveryState state) {
        return frame(STATE_FRAME, statePayload(state));
    }

    /**
     * @param file a whole outbox file
     * @return what it holds
     * @throws CorruptRecordException when the header or the message frame is broken, or a state frame other than
     *     the last
     */
    Decoded decode(byte[] file) throws CorruptRecordException {
        if (file.length < HEADER_SIZE || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptRecordException("not an outbox file (" + file.length + " bytes, no header)");
        }
        if (file[MAGIC.length] != VERSION) {
            throw new CorruptRecordException("unknown outbox file version " + file[MAGIC.length]);
        }
        Frame message = frameAt(file, HEADER_SIZE);
        if (message == null || !message.intact() || message.type() != MESSAGE_FRAME) {
            throw new CorruptRecordException("message frame is " + (message == null ? "torn" : "damaged"));
        }
        StoredMessage stored = decodeMessage(payload(file, message));
        DeliveryState state = DeliveryState.initial(stored.acceptedAt());
        int position = message.end();
        int stateFrames = 0;
        while (position < file.length) {
            Frame frame = frameAt(file, position);
            if (frame == null || !frame.intact() && frame.end() == file.length) {
                return new Decoded(stored, state, message.end(), position, stateFrames, true);
            }
            if (!frame.intact() || frame.type() != STATE_FRAME) {
                throw new CorruptRecordException("state frame at offset " + position + " is damaged");
            }
            state = decodeState(payload(file, frame));
            stateFrames++;
            position = frame.end();
        }
        return new Decoded(stored, state, message.end(), position, stateFrames, false);
    }

    private static byte[] header() {
        byte[] header = Arrays.copyOf(MAGIC, HEADER_SIZE);
        header[MAGIC.length] = VERSION;
        return header;
    }

    private static byte[] frame(byte type, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(FRAME_OVERHEAD + payload.length);
        buffer.put(type).putInt(payload.length).put(payload);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    /** @return the frame starting at {@code start}, or null when the file ends before it does */
    private static Frame frameAt(byte[] file, int start) {
        if (file.length - start < FRAME_OVERHEAD) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        byte type = buffer.get(start);
        int length = buffer.getInt(start + 1);
        if (length < 0 || length > file.length - start - FRAME_OVERHEAD) {
            return null;
        }
        int crcAt = start + 5 + length;
        CRC32 crc = new CRC32();
        crc.update(file, start, crcAt - start);
        boolean intact = (int) crc.getValue() == buffer.getInt(crcAt);
        return new Frame(type, start + 5, length, crcAt + 4, intact);
    }

    private static ByteBuffer payload(byte[] file, Frame frame) {
        return ByteBuffer.wrap(file, frame.payloadStart(), frame.payloadLength()).slice();
    }

    private static byte[] messagePayload(StoredMessage stored) {
        MailMessage message = stored.message();
        return write(out -> {
            writeString(out, stored.id());
            out.writeLong(stored.sequence());
            writeInstant(out, stored.acceptedAt());
            writeString(out, message.priority().name());
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

    private static StoredMessage decodeMessage(ByteBuffer in) throws CorruptRecordException {
        try {
            String id = readString(in);
            long sequence = in.getLong();
            Instant acceptedAt = readInstant(in);
            MailMessage.Builder builder = MailMessage.builder()
                    .id(id)
                    .priority(Priority.valueOf(readString(in)))
                    .charset(MailCharset.valueOf(readString(in)));
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
            if (in.hasRemaining()) {
                throw new CorruptRecordException(in.remaining() + " unexpected bytes after the message");
            }
            return new StoredMessage(sequence, acceptedAt, builder.build());
        } catch (RuntimeException e) {
            // Underflow, an unknown enum name, an invalid message: all mean the bytes are not what we wrote.
            throw new CorruptRecordException("message frame cannot be decoded: " + e, e);
        }
    }

    private static byte[] statePayload(DeliveryState state) {
        return write(out -> {
            out.writeInt(state.attempts());
            writeInstant(out, state.nextAttemptAt());
            out.writeInt(state.lastError().map(MailErrorCode::code).orElse(0));
            out.writeBoolean(state.inFlight());
        });
    }

    private static DeliveryState decodeState(ByteBuffer in) throws CorruptRecordException {
        try {
            int attempts = in.getInt();
            Instant nextAttemptAt = readInstant(in);
            int code = in.getInt();
            // A code this version does not know (written by a newer one) still is a failure.
            Optional<MailErrorCode> lastError = code == 0 ? Optional.empty()
                    : Optional.of(MailErrorCode.of(code).orElse(MailErrorCode.UNKNOWN));
            boolean inFlight = in.get() != 0;
            return new DeliveryState(attempts, nextAttemptAt, lastError, inFlight);
        } catch (RuntimeException e) {
            throw new CorruptRecordException("state frame cannot be decoded: " + e, e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
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

    private static void writeInstant(DataOutputStream out, Instant value) throws IOException {
        out.writeLong(value.getEpochSecond());
        out.writeInt(value.getNano());
    }

    private static String readString(ByteBuffer in) {
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

    private static Instant readInstant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
