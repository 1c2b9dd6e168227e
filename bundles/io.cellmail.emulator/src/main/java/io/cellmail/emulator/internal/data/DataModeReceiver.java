/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.data;

import java.io.ByteArrayOutputStream;
import java.util.OptionalLong;

/**
 * Receives one data-mode payload ({@code AT+QSMTPBODY}, {@code AT+QSMTPATT} after {@code CONNECT}) and decides
 * when it ends. A pure state machine: every call carries the time, so tests drive it with invented timestamps.
 *
 * <p><b>Escape rule.</b> By default {@code +++} ends the payload only when framed by silence, like Hayes modems
 * and as real libraries send it: the first {@code +} must arrive at least {@code guard} after the previous byte
 * (or after the start of data mode), the three {@code +} must follow each other with gaps shorter than
 * {@code guard}, and nothing may arrive for {@code guard} after the third. Otherwise the {@code +} are payload:
 * {@code abc+++def} written in one go never ends the input. In lenient mode any {@code +++} ends it at once and
 * the bytes after it are command-mode input again. The three {@code +} are never part of the payload.
 *
 * <p><b>Results.</b> The payload's length; {@code -13} ("no enough memory") when more than {@code limit} bytes
 * came (the input is still swallowed up to the escape, so the excess is not taken for commands); {@code -9}
 * ("timeout") when the optional input timeout passes first, in which case nothing is stored and later bytes are
 * command-mode input again.
 *
 * <p><b>Length-ended framings</b> (the LTE dialect's {@code AT+QSMTPBODY} and {@code AT+QFUPL}): the payload also
 * ends by itself as soon as {@code limit} bytes have come, with no escape and no guard time; bytes after them are
 * command-mode input. The input timeout then keeps what arrived instead of giving -9, and for a file upload it
 * counts from the last byte (an idle timeout) rather than from the start. {@code +++} framed by silence still
 * ends such a payload early, keeping the bytes before it.
 */
public final class DataModeReceiver {

    /**
     * How a payload is framed.
     *
     * @param endsAtLimit the payload ends when {@code limit} bytes have come
     * @param idleTimeout the input timeout counts from the last byte, not from the start
     * @param keepOnTimeout the input timeout ends the payload with what arrived instead of -9
     */
    public record Framing(boolean endsAtLimit, boolean idleTimeout, boolean keepOnTimeout) {

        /** The GSM dialect: only {@code +++} ends the payload; the timeout discards it. */
        public static final Framing ESCAPED = new Framing(false, false, false);
        /**
         * {@code AT+QSMTPATT} of an M95 that ends an attachment at its {@code <fileSz>} (a setting: the manual is
         * silent): ends at its length or at a guarded {@code +++}; the input timeout discards it (-9), as in GSM.
         */
        public static final Framing LENGTH_OR_ESCAPE = new Framing(true, false, false);
        /** {@code AT+QSMTPBODY} of the LTE dialect: ends at its length or when its input time is up. */
        public static final Framing LENGTH_WITHIN_TIME = new Framing(true, false, true);
        /** {@code AT+QFUPL}: ends at its size or when no byte came for its timeout. */
        public static final Framing LENGTH_UNTIL_IDLE = new Framing(true, true, true);
    }

    /** Result code for a payload beyond the limit. */
    public static final int TOO_BIG = -13;
    /** Result code for an input timeout. */
    public static final int TIMEOUT = -9;

    private final int limit;
    private final long guardNanos;
    private final boolean lenient;
    private final Framing framing;
    private final long timeoutNanos;
    private long timeoutAt;
    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    private long received;
    private boolean overflowed;
    private long lastByteAt;
    private int pendingPluses;
    private long lastPlusAt;

    /**
     * How a payload ended.
     *
     * @param result the length of the payload, or a negative result code
     * @param payload the payload when {@code result >= 0}, else empty
     * @param received how many payload bytes the host sent (beyond the limit too, escape excluded)
     * @param consumed index into the last chunk of the first byte that is not data-mode input any more
     */
    // The payload is handed over once, from the receiver to the command that stores it; nothing compares endings.
    @SuppressWarnings("ArrayRecordComponent")
    public record Ending(int result, byte[] payload, long received, int consumed) {
    }

    /**
     * @param limit most payload bytes accepted
     * @param guardNanos silence around {@code +++}, ignored when lenient
     * @param lenient any {@code +++} ends the payload
     * @param startNanos when data mode began; the first {@code +++} needs guard silence after it
     * @param timeoutNanos the input timeout, 0 or negative for none
     */
    public DataModeReceiver(int limit, long guardNanos, boolean lenient, long startNanos, long timeoutNanos) {
        this(limit, guardNanos, lenient, startNanos, timeoutNanos, Framing.ESCAPED);
    }

    /**
     * @param limit most payload bytes accepted; with a length-ended framing, the payload's length
     * @param framing how the payload ends
     */
    public DataModeReceiver(int limit, long guardNanos, boolean lenient, long startNanos, long timeoutNanos,
            Framing framing) {
        this.framing = java.util.Objects.requireNonNull(framing, "framing");
        this.timeoutNanos = timeoutNanos;
        this.limit = limit;
        this.guardNanos = guardNanos;
        this.lenient = lenient;
        this.lastByteAt = startNanos;
        this.timeoutAt = timeoutNanos > 0 ? startNanos + timeoutNanos : Long.MAX_VALUE;
    }

    /**
     * Takes the bytes of one chunk that arrived at {@code now}.
     *
     * @return the ending, if the payload ended before or within these bytes; else null
     */
    public Ending accept(byte[] bytes, int offset, int length, long now) {
        Ending due = tick(now);
        if (due != null) {
            return new Ending(due.result(), due.payload(), due.received(), offset);
        }
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            boolean startOfChunk = i == offset;
            if (b == '+' && (lenient || plusMayEscape(startOfChunk, now))) {
                pendingPluses++;
                lastPlusAt = now;
                if (lenient && pendingPluses == 3) {
                    return finish(i + 1);
                }
            } else {
                flushPluses();
                store(b);
            }
            lastByteAt = now;
            if (framing.endsAtLimit() && received + pendingPluses >= limit) {
                // '+' held back as a possible escape are payload once they complete its length
                flushPluses();
                return finish(i + 1);
            }
        }
        if (framing.idleTimeout() && timeoutNanos > 0) {
            timeoutAt = now + timeoutNanos;
        }
        return null;
    }

    /**
     * Checks the clock: the silence after {@code +++} or the input timeout may have passed.
     *
     * @return the ending if one is due at {@code now}, else null
     */
    public Ending tick(long now) {
        long escapeAt = escapeDeadline();
        if (now >= escapeAt && escapeAt <= timeoutAt) {
            return finish(0);
        }
        if (now >= timeoutAt) {
            if (framing.keepOnTimeout()) {
                flushPluses();
                return finish(0);
            }
            return new Ending(TIMEOUT, new byte[0], received, 0);
        }
        return null;
    }

    /** @return when {@link #tick(long)} should be called next, if anything is pending */
    public OptionalLong nextDeadline() {
        long next = Math.min(escapeDeadline(), timeoutAt);
        return next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next);
    }

    /** @return how many payload bytes came so far */
    public long received() {
        return received;
    }

    private boolean plusMayEscape(boolean startOfChunk, long now) {
        if (pendingPluses == 0) {
            return startOfChunk && now - lastByteAt >= guardNanos;
        }
        if (pendingPluses < 3 && now - lastPlusAt < guardNanos) {
            return true;
        }
        // A fourth '+', or one after too long a gap: what was pending is payload; may this one start afresh?
        flushPluses();
        return startOfChunk && now - lastByteAt >= guardNanos;
    }

    private long escapeDeadline() {
        return !lenient && pendingPluses == 3 ? lastPlusAt + guardNanos : Long.MAX_VALUE;
    }

    private void flushPluses() {
        for (; pendingPluses > 0; pendingPluses--) {
            store((byte) '+');
        }
    }

    private void store(byte b) {
        received++;
        if (payload.size() < limit) {
            payload.write(b);
        } else {
            overflowed = true;
        }
    }

    private Ending finish(int consumed) {
        pendingPluses = 0;
        if (overflowed) {
            return new Ending(TOO_BIG, new byte[0], received, consumed);
        }
        return new Ending(payload.size(), payload.toByteArray(), received, consumed);
    }
}
