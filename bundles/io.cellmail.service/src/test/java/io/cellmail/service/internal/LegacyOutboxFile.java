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
import java.util.Optional;
import java.util.zip.CRC32;

import io.cellmail.api.Attachment;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Recipient;

/**
 * Writes outbox files the way the first format did (version 1, named {@code <id>.msg}, times on the wall clock),
 * byte for byte as that code wrote them: what an outbox holds when cellmail is upgraded.
 */
final class LegacyOutboxFile {

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();

    /**
     * @param sequence the mail's acceptance order
     * @param acceptedAt when it was accepted, wall clock
     * @param message the mail
     */
    LegacyOutboxFile(long sequence, Instant acceptedAt, MailMessage message) {
        file.writeBytes(new byte[] {'C', 'M', 'O', 'B', 1});
        file.writeBytes(frame((byte) 1, write(out -> {
            writeString(out, message.id());
            out.writeLong(sequence);
            writeInstant(out, acceptedAt);
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
                out.writeInt(attachment.content().length);
                out.write(attachment.content());
            }
        })));
    }

    /** Appends a state frame of the first format. */
    LegacyOutboxFile state(int attempts, Instant nextAttemptAt, Optional<MailErrorCode> lastError, boolean inFlight) {
        file.writeBytes(frame((byte) 2, write(out -> {
            out.writeInt(attempts);
            writeInstant(out, nextAttemptAt);
            out.writeInt(lastError.map(MailErrorCode::code).orElse(0));
            out.writeBoolean(inFlight);
        })));
        return this;
    }

    byte[] bytes() {
        return file.toByteArray();
    }

    /** @return the name the first format gave the file of this mail */
    static String nameOf(MailMessage message) {
        return message.id() + Outbox.LEGACY_SUFFIX;
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] frame(byte type, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(9 + payload.length);
        buffer.put(type).putInt(payload.length).put(payload);
        CRC32 crc = new CRC32();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
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
}
