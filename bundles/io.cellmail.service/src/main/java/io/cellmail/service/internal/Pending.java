/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.Priority;

/**
 * A mail in the outbox as the queue indexes it: its id, order, priority, size, times and delivery state, and the
 * name of its file — never its content, which the dispatcher reads from the file when it sends the mail. So the
 * memory a queue takes does not grow with what the mail carries. The mutable fields are guarded by the
 * {@link MailQueue}'s lock; the disk writes of one mail are serialized on the object itself ({@link Transitions}).
 */
final class Pending {

    final MailHeader header;
    final String file;
    final long size;
    final ServiceTime expiresAt;

    int attempts;
    ServiceTime nextAttemptAt;
    MailErrorCode lastError;
    int failuresInARow;
    boolean sending;
    /**
     * Whether the SMS fallback and the urgent copy about this mail were decided ({@link SmsFallback}): written only
     * while holding this object, as every disk write of the mail; volatile because the queue reads them under its
     * own lock when it records a state.
     */
    volatile boolean fallbackDecided;
    volatile boolean urgentCopyDecided;

    /**
     * @param header the mail's id, order, priority and acceptance times
     * @param file the name of its outbox file
     * @param size its bytes on disk when accepted, counted against the outbox's bound
     * @param expiresAt when it expires, in service time
     * @param state its delivery state so far
     */
    Pending(MailHeader header, String file, long size, ServiceTime expiresAt, DeliveryState state) {
        this.header = Objects.requireNonNull(header, "header");
        this.file = Objects.requireNonNull(file, "file");
        this.size = size;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.attempts = state.attempts();
        this.nextAttemptAt = state.nextAttemptAt();
        this.lastError = state.lastError().orElse(null);
        this.failuresInARow = state.failuresInARow();
        this.fallbackDecided = state.fallbackDecided();
        this.urgentCopyDecided = state.urgentCopyDecided();
    }

    String id() {
        return header.id();
    }

    long sequence() {
        return header.sequence();
    }

    Priority priority() {
        return header.priority();
    }

    Optional<MailErrorCode> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** @return the state to record, with the attempt in flight or not */
    DeliveryState state(boolean inFlight) {
        return new DeliveryState(attempts, nextAttemptAt, lastError(), failuresInARow, inFlight, false, fallbackDecided,
                urgentCopyDecided);
    }

    /**
     * @param heldUntil when the rate limit lets the next attempt start, or null
     * @param clock to show the next attempt on the wall clock
     * @return the mail's progress
     */
    MessageStatus status(ServiceTime heldUntil, ServiceClock clock) {
        MessageState state = sending ? MessageState.SENDING
                : lastError != null ? MessageState.RETRY_WAIT : MessageState.QUEUED;
        Optional<Instant> next = sending ? Optional.empty() : Optional.of(clock.toWall(
                heldUntil != null && heldUntil.isAfter(nextAttemptAt) ? heldUntil : nextAttemptAt));
        return new MessageStatus(id(), state, attempts, header.acceptedAt(), next, lastError());
    }

    @Override
    public String toString() {
        return "Pending[" + id() + ", #" + sequence() + ", attempts " + attempts + "]";
    }
}
