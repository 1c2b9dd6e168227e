package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;

/**
 * How far delivery of a stored mail got: what the outbox appends after each change.
 *
 * @param attempts attempts started so far
 * @param nextAttemptAt when the next attempt is due
 * @param lastError the code of the last failed attempt, if any
 * @param inFlight true while an attempt runs: found true at start-up, it means the process died during an
 *     attempt whose outcome is unknown, so the mail is sent again and may arrive twice
 */
record DeliveryState(int attempts, Instant nextAttemptAt, Optional<MailErrorCode> lastError, boolean inFlight) {

    DeliveryState {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** @return the state of a mail that was just accepted: no attempt yet, due at once */
    static DeliveryState initial(Instant acceptedAt) {
        return new DeliveryState(0, acceptedAt, Optional.empty(), false);
    }
}
