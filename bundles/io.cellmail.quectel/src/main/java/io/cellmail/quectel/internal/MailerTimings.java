/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The host's own waits of a {@link QuectelMailer}: none is a setting, and none is a timeout of a module command
 * ({@link Timeouts}). A record so that tests can shorten them.
 *
 * @param readyWait longest wait of a send for the modem to become ready before it gives up with
 *     {@code MODEM_UNAVAILABLE}
 * @param probeChannelWait longest wait of a probe for a send that holds the modem
 * @param diagnosticDeadline longest a probe or a background health check may take
 * @param healthInterval how often the radio is queried in the background while the modem is idle
 * @param longestPutResultWait the longest the driver waits for the {@code +QSMTPPUT:} result after {@code OK},
 *     whatever the module's timeout; for a real module beyond anything the module takes, so it never binds. Tests
 *     shorten it to stand for a module that stays silent past its own timeout
 */
public record MailerTimings(Duration readyWait, Duration probeChannelWait, Duration diagnosticDeadline,
        Duration healthInterval, Duration longestPutResultWait) {

    /** The waits for a real module. */
    public static final MailerTimings DEFAULT = new MailerTimings(Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMinutes(5), Timeouts.LONGEST_PUT_RESULT_WAIT);

    public MailerTimings {
        positive(readyWait, "readyWait");
        positive(probeChannelWait, "probeChannelWait");
        positive(diagnosticDeadline, "diagnosticDeadline");
        positive(healthInterval, "healthInterval");
        positive(longestPutResultWait, "longestPutResultWait");
    }

    /**
     * @param putSeconds the module's {@code AT+QSMTPPUT} timeout
     * @return how long to wait for the {@code +QSMTPPUT:} result after {@code OK}: {@link Timeouts#putResultWait},
     *     at most {@link #longestPutResultWait()}
     */
    public Duration putResultWait(int putSeconds) {
        Duration wait = Timeouts.putResultWait(putSeconds);
        return wait.compareTo(longestPutResultWait) > 0 ? longestPutResultWait : wait;
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
