/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;

/**
 * How far delivery of a stored mail got: what the outbox appends after each change.
 *
 * @param attempts attempts started so far
 * @param nextAttemptAt when the next attempt is due, in service time
 * @param lastError the code of the last failed attempt, if any
 * @param failuresInARow how many attempts in a row ended with {@code lastError}, for codes whose retries are bounded
 *     ({@link MailErrorCode#attemptLimit()})
 * @param inFlight true while an attempt runs: found true at start-up, it means the process died during an
 *     attempt whose outcome is unknown, so the mail is sent again and may arrive twice
 * @param finished true when the mail reached its final outcome (reported then) but its file could not be deleted:
 *     it is deleted at the next start instead of being sent again
 * @param fallbackDecided true once the SMS fallback about this mail was handed to the SMS outbox ({@link SmsFallback}):
 *     it is never decided again
 * @param urgentCopyDecided true once the SMS copy of this urgent mail was handed to the SMS outbox
 */
record DeliveryState(int attempts, ServiceTime nextAttemptAt, Optional<MailErrorCode> lastError, int failuresInARow,
        boolean inFlight, boolean finished, boolean fallbackDecided, boolean urgentCopyDecided) {

    DeliveryState {
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
        if (failuresInARow < 0) {
            throw new IllegalArgumentException("failuresInARow must not be negative: " + failuresInARow);
        }
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** A state about which no SMS was decided. */
    DeliveryState(int attempts, ServiceTime nextAttemptAt, Optional<MailErrorCode> lastError, int failuresInARow,
            boolean inFlight, boolean finished) {
        this(attempts, nextAttemptAt, lastError, failuresInARow, inFlight, finished, false, false);
    }

    /** @return the state of a mail that was just accepted: no attempt yet, due at once */
    static DeliveryState initial(ServiceTime acceptedAt) {
        return new DeliveryState(0, acceptedAt, Optional.empty(), 0, false, false);
    }

    /** @return this state marked final */
    DeliveryState finish() {
        return new DeliveryState(attempts, nextAttemptAt, lastError, failuresInARow, false, true, fallbackDecided,
                urgentCopyDecided);
    }

    /** @return this state with the SMS decisions as given */
    DeliveryState withSms(boolean fallback, boolean urgentCopy) {
        return new DeliveryState(attempts, nextAttemptAt, lastError, failuresInARow, inFlight, finished, fallback,
                urgentCopy);
    }
}
