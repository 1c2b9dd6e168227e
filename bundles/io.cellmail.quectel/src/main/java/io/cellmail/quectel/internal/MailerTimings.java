package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The waits of a {@link QuectelMailer} that are not part of its settings.
 *
 * @param readyWait longest wait of a send for the modem to become ready before it gives up with
 *     {@code MODEM_UNAVAILABLE}
 * @param probeChannelWait longest wait of a probe for a send that holds the modem
 * @param diagnosticDeadline longest a probe or a background health check may take
 * @param healthInterval how often the radio is queried in the background while the modem is idle
 */
public record MailerTimings(Duration readyWait, Duration probeChannelWait, Duration diagnosticDeadline,
        Duration healthInterval) {

    /** The waits for a real module. */
    public static final MailerTimings DEFAULT = new MailerTimings(Duration.ofSeconds(30), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofMinutes(5));

    public MailerTimings {
        positive(readyWait, "readyWait");
        positive(probeChannelWait, "probeChannelWait");
        positive(diagnosticDeadline, "diagnosticDeadline");
        positive(healthInterval, "healthInterval");
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
