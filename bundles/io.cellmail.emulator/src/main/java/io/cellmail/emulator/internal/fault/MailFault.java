package io.cellmail.emulator.internal.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The faults that hit one {@code AT+QSMTPPUT}.
 *
 * @param delay wait before the SMTP transaction starts
 * @param forcedResult a result to end with instead of running SMTP
 */
public record MailFault(Duration delay, OptionalInt forcedResult) {

    /** No fault. */
    public static final MailFault NONE = new MailFault(Duration.ZERO, OptionalInt.empty());

    public MailFault {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(forcedResult, "forcedResult");
    }
}
