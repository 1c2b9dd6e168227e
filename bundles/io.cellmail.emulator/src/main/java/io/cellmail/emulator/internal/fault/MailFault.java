/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The faults that hit one {@code AT+QSMTPPUT}.
 *
 * @param delay wait before the SMTP transaction starts
 * @param forcedResult a result to end with instead of running SMTP
 * @param resultDelay how much later than the end of the transaction the result line comes; the module counts as
 *     sending until then
 */
public record MailFault(Duration delay, OptionalInt forcedResult, Duration resultDelay) {

    /** No fault. */
    public static final MailFault NONE = new MailFault(Duration.ZERO, OptionalInt.empty(), Duration.ZERO);

    public MailFault {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(forcedResult, "forcedResult");
        Objects.requireNonNull(resultDelay, "resultDelay");
    }
}
