/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Counts the bytes of one mail in each direction and times two things at the link. First the module's send: from
 * the {@code OK} that acknowledges {@code AT+QSMTPPUT} to the arrival of its {@code +QSMTPPUT:} result the host only
 * waits while the module (here the emulator) builds the mail and talks SMTP. Second the host's wait after each
 * upload: once the upload's result line has arrived and the guard time after {@code +++} has passed, nothing stops
 * the host from sending its next command; any time until it does is the host's. Also counts {@code +++} escapes,
 * each of which costs two guard times. {@link #reset()} before a mail, {@link #snapshot()} after it.
 */
public final class WireTap implements TappedLink.Tap {

    /**
     * What crossed the line during one mail.
     *
     * @param toModem bytes the host sent: command lines, payloads, {@code +++}
     * @param fromModem bytes the modem sent
     * @param escapes {@code +++} sequences sent: one per upload
     * @param moduleSendNanos from the {@code OK} of {@code AT+QSMTPPUT} to its result line, or -1 if not seen
     * @param resultLineBytes bytes of that result line (already part of {@code fromModem})
     * @param afterUploadNanos summed over uploads: from the later of the upload's result line and the end of the
     *     guard time after its {@code +++} to the host's next write
     */
    public record Snapshot(long toModem, long fromModem, int escapes, long moduleSendNanos, int resultLineBytes,
            long afterUploadNanos) {
    }

    private enum Put { IDLE, AWAIT_OK, AWAIT_RESULT, DONE }

    private final long guardNanos;
    private final LongSupplier clock;
    private final StringBuilder line = new StringBuilder();
    private long toModem;
    private long fromModem;
    private int escapes;
    private Put put = Put.IDLE;
    private long okAt;
    private long resultAt;
    private int resultLineBytes;
    private long escapedAt;
    /** When the host became free to send after an upload, or -1 while it is not. */
    private long freeAfterUploadAt = -1;
    private long afterUpload;

    /** @param guard the host's guard time after {@code +++} */
    public WireTap(Duration guard) {
        this(guard, System::nanoTime);
    }

    /**
     * @param guard the host's guard time after {@code +++}
     * @param clock monotonic nanoseconds
     */
    public WireTap(Duration guard, LongSupplier clock) {
        this.guardNanos = Objects.requireNonNull(guard, "guard").toNanos();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Forgets everything counted so far. */
    public synchronized void reset() {
        toModem = 0;
        fromModem = 0;
        escapes = 0;
        put = Put.IDLE;
        okAt = 0;
        resultAt = 0;
        resultLineBytes = 0;
        freeAfterUploadAt = -1;
        afterUpload = 0;
        line.setLength(0);
    }

    /** @return what was counted since the last reset */
    public synchronized Snapshot snapshot() {
        return new Snapshot(toModem, fromModem, escapes, put == Put.DONE ? resultAt - okAt : -1, resultLineBytes,
                afterUpload);
    }

    @Override
    public synchronized void sent(byte[] bytes, int offset, int length) {
        long now = clock.getAsLong();
        toModem += length;
        if (freeAfterUploadAt >= 0) {
            afterUpload += Math.max(0, now - freeAfterUploadAt);
            freeAfterUploadAt = -1;
        }
        if (length == 3 && bytes[offset] == '+' && bytes[offset + 1] == '+' && bytes[offset + 2] == '+') {
            escapes++;
            escapedAt = now;
        } else if (startsWith(bytes, offset, length, "AT+QSMTPPUT")) {
            put = Put.AWAIT_OK;
        }
    }

    @Override
    public synchronized void received(byte[] bytes, int offset, int length) {
        long now = clock.getAsLong();
        fromModem += length;
        for (int i = offset; i < offset + length; i++) {
            char c = (char) (bytes[i] & 0xff);
            if (c == '\r' || c == '\n') {
                if (line.length() > 0) {
                    lineEnded(line.toString(), now);
                    line.setLength(0);
                }
            } else if (line.length() < 256) {
                line.append(c);
            }
        }
    }

    private void lineEnded(String text, long now) {
        if (put == Put.AWAIT_OK && text.equals("OK")) {
            put = Put.AWAIT_RESULT;
            okAt = now;
        } else if (put == Put.AWAIT_RESULT && text.startsWith("+QSMTPPUT")) {
            put = Put.DONE;
            resultAt = now;
            resultLineBytes = text.length() + 4;
        } else if (escapes > 0 && (text.startsWith("+QSMTPBODY") || text.startsWith("+QSMTPATT"))) {
            freeAfterUploadAt = Math.max(now, escapedAt + guardNanos);
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (bytes[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
