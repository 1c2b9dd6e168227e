/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;

/**
 * Where the SMS of one job to one of its numbers stands; the SMS file holds one per number and change
 * ({@link SmsRecordCodec}).
 *
 * @param attempts attempts started
 * @param nextAttemptAt when the next attempt is due (service time)
 * @param lastError the code of the last failed attempt
 * @param inFlight true from the start of an attempt until its outcome is recorded: found after a restart, the
 *     process died during the send, and the SMS is sent again
 * @param outcome open, or how it ended
 * @param references the network's message reference of each part, once sent
 */
record SmsState(int attempts, ServiceTime nextAttemptAt, Optional<MailErrorCode> lastError, boolean inFlight,
        Outcome outcome, List<Integer> references) {

    /** Whether the SMS to the number still has to go. */
    enum Outcome {
        OPEN, SENT, FAILED
    }

    SmsState {
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(outcome, "outcome");
        references = List.copyOf(references);
    }

    /** @return the state of an SMS accepted at {@code at}: due then, no attempt yet */
    static SmsState initial(ServiceTime at) {
        return new SmsState(0, at, Optional.empty(), false, Outcome.OPEN, List.of());
    }

    /** @return true once it was sent or failed for good */
    boolean isFinal() {
        return outcome != Outcome.OPEN;
    }

    /** @return the state while attempt {@code attempts + 1} runs */
    SmsState started() {
        return new SmsState(attempts + 1, nextAttemptAt, lastError, true, Outcome.OPEN, List.of());
    }

    /** @return the state after a transient failure, due again at {@code next} */
    SmsState retrying(MailErrorCode error, ServiceTime next) {
        return new SmsState(attempts, next, Optional.of(error), false, Outcome.OPEN, List.of());
    }

    /** @return the state after the network acknowledged every part */
    SmsState sent(List<Integer> messageReferences) {
        return new SmsState(attempts, nextAttemptAt, lastError, false, Outcome.SENT, messageReferences);
    }

    /** @return the state after a permanent failure or expiry */
    SmsState failed(MailErrorCode error) {
        return new SmsState(attempts, nextAttemptAt, Optional.of(error), false, Outcome.FAILED, List.of());
    }

    /** @return the state of an attempt the process died in, due again at {@code now} */
    SmsState interrupted(ServiceTime now) {
        return new SmsState(attempts, now, lastError, false, Outcome.OPEN, List.of());
    }
}
