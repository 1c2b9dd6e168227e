/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one message's progress.
 *
 * @param messageId the message's id
 * @param state where it is
 * @param attempts send attempts so far
 * @param acceptedAt when {@code send} accepted it
 * @param nextAttemptAt when the next attempt is due, for {@link MessageState#RETRY_WAIT} and queued messages
 * @param lastError the code of the last failure, if any
 */
public record MessageStatus(
        String messageId,
        MessageState state,
        int attempts,
        Instant acceptedAt,
        Optional<Instant> nextAttemptAt,
        Optional<MailErrorCode> lastError) {

    public MessageStatus {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
