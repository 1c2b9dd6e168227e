package io.cellmail.service.internal;

import java.util.Objects;

/**
 * A mail loaded from the outbox at start-up.
 *
 * @param stored the mail
 * @param state its last recorded delivery state
 * @param size the bytes its file took when it was accepted
 */
record OutboxRecord(StoredMessage stored, DeliveryState state, long size) {

    OutboxRecord {
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(state, "state");
    }
}
