package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;

/**
 * A mail in the outbox as the queue tracks it. The mutable fields are guarded by the {@link MailQueue}'s lock;
 * the dispatcher reads them only through the snapshots the queue hands out.
 */
final class Pending {

    final StoredMessage stored;
    final long size;
    final Instant expiresAt;

    int attempts;
    Instant nextAttemptAt;
    MailErrorCode lastError;
    boolean sending;

    /**
     * @param stored the mail
     * @param size its bytes on disk when accepted, counted against the outbox's bound
     * @param expiresAt when it expires
     * @param state its delivery state so far
     */
    Pending(StoredMessage stored, long size, Instant expiresAt, DeliveryState state) {
        this.stored = Objects.requireNonNull(stored, "stored");
        this.size = size;
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.attempts = state.attempts();
        this.nextAttemptAt = state.nextAttemptAt();
        this.lastError = state.lastError().orElse(null);
    }

    String id() {
        return stored.id();
    }

    long sequence() {
        return stored.sequence();
    }

    int priority() {
        return stored.message().priority().ordinal();
    }

    Optional<MailErrorCode> lastError() {
        return Optional.ofNullable(lastError);
    }

    /**
     * @param heldUntil when the rate limit lets the next attempt start, or null
     * @return the mail's progress
     */
    MessageStatus status(Instant heldUntil) {
        MessageState state = sending ? MessageState.SENDING
                : lastError != null ? MessageState.RETRY_WAIT : MessageState.QUEUED;
        Optional<Instant> next = sending ? Optional.empty()
                : Optional.of(heldUntil != null && heldUntil.isAfter(nextAttemptAt) ? heldUntil : nextAttemptAt);
        return new MessageStatus(id(), state, attempts, stored.acceptedAt(), next, lastError());
    }

    @Override
    public String toString() {
        return "Pending[" + id() + ", #" + sequence() + ", attempts " + attempts + "]";
    }
}
