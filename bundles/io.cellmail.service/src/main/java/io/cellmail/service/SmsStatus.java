/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageState;
import io.cellmail.api.SmsReason;

/**
 * An SMS in the outbox that has no outcome yet, for one number: {@link CellularMailAdmin#smsQueue()}.
 *
 * @param id the SMS's id: the mail's id for an SMS about a mail, else the id it was sent with
 * @param reason why it is sent
 * @param number the destination number
 * @param state {@link MessageState#QUEUED}, {@link MessageState#SENDING} or {@link MessageState#RETRY_WAIT}
 * @param attempts attempts started so far
 * @param nextAttemptAt when the next attempt is due (wall clock), empty while it is being sent
 * @param lastError the code of the last failed attempt, if any
 * @since 3.1
 */
@ProviderType
public record SmsStatus(String id, SmsReason reason, String number, MessageState state, int attempts,
        Optional<Instant> nextAttemptAt, Optional<MailErrorCode> lastError) {

    public SmsStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
