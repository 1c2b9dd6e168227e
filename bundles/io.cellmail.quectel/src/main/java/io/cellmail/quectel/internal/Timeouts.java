/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;

import io.cellmail.quectel.QuectelDialect;

/**
 * The timeouts of the module's commands, the one place of their constants: the input timeout of a data-mode upload
 * (how long the module waits for the payload), the timeout of {@code AT+QSMTPPUT} (how long it may take to send the
 * mail) and how long the host waits for that command's answers. The manual's own bounds are in
 * {@link QuectelDialect}; the rest are cellmail's choices, said here with why. None of them is a setting.
 */
final class Timeouts {

    /** Time the module needs to set up a GPRS context and an SMTP session before the first byte goes out. */
    static final int PUT_SETUP_SECONDS = 60;
    /**
     * Assumed worst-case GPRS throughput, bytes per second. MIME grows attachments by a third (base64); a slow
     * GPRS uplink carries a few KB/s: 1000 B/s leaves room for both.
     */
    static final int PUT_BYTES_PER_SECOND = 1000;
    /** Slack added to an upload's input timeout beyond the line time and the two guard times. */
    static final int INPUT_SLACK_SECONDS = 5;
    /** How long the module may take to answer {@code OK} to {@code AT+QSMTPPUT} before it sends. */
    static final Duration PUT_OK_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How much longer than the module's own {@code AT+QSMTPPUT} timeout the host waits for the {@code +QSMTPPUT:}
     * result after {@code OK}: the module reports a timeout of its own at its end, so the margin only covers the
     * line and a late report.
     */
    static final Duration PUT_RESULT_MARGIN = Duration.ofSeconds(30);
    /** The longest the host ever waits for a {@code +QSMTPPUT:} result: the longest timeout plus the margin. */
    static final Duration LONGEST_PUT_RESULT_WAIT = Duration.ofSeconds(QuectelDialect.MAX_TIMEOUT_SECONDS)
            .plus(PUT_RESULT_MARGIN);

    private Timeouts() {
    }

    /**
     * The {@code AT+QSMTPPUT} timeout: long enough for the payload on a slow uplink, clamped to what the module
     * accepts (100 to 48000 s). It does not depend on the attempt's deadline: once the module sends, the driver
     * waits for its result as long as the module may take (this timeout plus a margin), because a mail the host
     * stopped waiting for may still be delivered, and sending it again would deliver it twice.
     *
     * @param payloadBytes body and attachment bytes
     * @return seconds
     */
    static int putSeconds(long payloadBytes) {
        long needed = PUT_SETUP_SECONDS + ceilDiv(payloadBytes, PUT_BYTES_PER_SECOND);
        return clamp(needed, QuectelDialect.MIN_PUT_TIMEOUT_SECONDS, QuectelDialect.MAX_TIMEOUT_SECONDS);
    }

    /**
     * @param putSeconds the module's {@code AT+QSMTPPUT} timeout
     * @return how long to wait for the {@code +QSMTPPUT:} result after {@code OK}
     */
    static Duration putResultWait(int putSeconds) {
        return Duration.ofSeconds(putSeconds).plus(PUT_RESULT_MARGIN);
    }

    /**
     * The input timeout of {@code AT+QSMTPBODY} and {@code AT+QSMTPATT}: the time the payload needs on the line,
     * both guard times and some slack, clamped to 1 to 48000 s.
     *
     * @param bytes the payload's size
     * @param lineBytesPerSecond the link's speed
     * @param guardTime the guard time around {@code +++}
     * @return seconds
     */
    static int inputSeconds(int bytes, double lineBytesPerSecond, Duration guardTime) {
        double lineSeconds = bytes / Math.max(1.0, lineBytesPerSecond);
        double guards = 2 * guardTime.toNanos() / 1e9;
        long seconds = (long) Math.ceil(lineSeconds + guards) + INPUT_SLACK_SECONDS;
        return clamp(seconds, 1, QuectelDialect.MAX_TIMEOUT_SECONDS);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }
}
