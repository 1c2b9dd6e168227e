/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * What the emulator answered to one run of a {@link SessionScript}, cut into one reply per command: the bytes
 * the {@link ReplayLink} plays back. Also the whole modem-to-host byte stream of the run (boot and
 * initialisation included), which the parser benchmark feeds to the framer.
 *
 * @param script the commands
 * @param startup what the modem sent before the first command of the script: boot URCs, replies to the engine's
 *     initialisation
 * @param replies one reply per step of the script
 * @param hostBytes how many bytes the host sent during the script: command lines, payloads and {@code +++}
 */
// Recorded bytes replayed as they are; nothing compares recordings.
@SuppressWarnings("ArrayRecordComponent")
public record SessionRecording(SessionScript script, byte[] startup, List<Reply> replies, long hostBytes) {

    /**
     * The modem's reply to one command.
     *
     * @param command the command line as sent, without CR
     * @param beforeData what came up to and including {@code CONNECT} of an upload, or the whole reply
     * @param afterData what came after the upload's {@code +++} (its result line), empty for a plain command
     */
    // Recorded bytes replayed as they are; nothing compares replies.
    @SuppressWarnings("ArrayRecordComponent")
    public record Reply(String command, byte[] beforeData, byte[] afterData) {

        public Reply {
            Objects.requireNonNull(command, "command");
            Objects.requireNonNull(beforeData, "beforeData");
            Objects.requireNonNull(afterData, "afterData");
        }

        /** @return bytes of the reply */
        public int length() {
            return beforeData.length + afterData.length;
        }

        /**
         * Cuts a recorded reply at the end of its {@code CONNECT} line.
         *
         * @param command the command
         * @param reply everything the modem sent for it
         * @param upload whether the command was an upload
         * @return the reply
         */
        public static Reply of(String command, byte[] reply, boolean upload) {
            if (!upload) {
                return new Reply(command, reply, new byte[0]);
            }
            String text = new String(reply, StandardCharsets.ISO_8859_1);
            int connect = text.indexOf("CONNECT");
            if (connect < 0) {
                throw new IllegalStateException("the upload " + command + " got no CONNECT: " + text);
            }
            int end = text.indexOf('\n', connect);
            int cut = end < 0 ? text.length() : end + 1;
            byte[] before = new byte[cut];
            byte[] after = new byte[reply.length - cut];
            System.arraycopy(reply, 0, before, 0, cut);
            System.arraycopy(reply, cut, after, 0, after.length);
            return new Reply(command, before, after);
        }
    }

    public SessionRecording {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(startup, "startup");
        replies = List.copyOf(replies);
        if (replies.size() != script.steps().size()) {
            throw new IllegalArgumentException(replies.size() + " replies for " + script.steps().size() + " steps");
        }
    }

    /** @return bytes the modem sent during the script */
    public long modemBytes() {
        return replies.stream().mapToLong(Reply::length).sum();
    }

    /** @return the modem's bytes of the script's replies, in order: one session of received traffic */
    public byte[] sessionStream() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (Reply reply : replies) {
            stream.writeBytes(reply.beforeData());
            stream.writeBytes(reply.afterData());
        }
        return stream.toByteArray();
    }

    /** @return the replies as readable text, CR and LF escaped, for checking a recording by eye */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Reply reply : replies) {
            text.append("<< ").append(reply.command()).append('\n');
            text.append(">> ").append(escape(reply.beforeData()));
            if (reply.afterData().length > 0) {
                text.append(" [data] ").append(escape(reply.afterData()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String escape(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
    }
}
