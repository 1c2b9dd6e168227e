package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Objects;

import io.cellmail.api.MailMessage;

/**
 * An accepted mail as the outbox keeps it: what never changes after {@code send}.
 *
 * @param sequence the acceptance order, unique within one outbox: older mail has a smaller number
 * @param acceptedAt when {@code send} accepted it
 * @param message the mail
 */
record StoredMessage(long sequence, Instant acceptedAt, MailMessage message) {

    StoredMessage {
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(message, "message");
    }

    /** @return the message id, also the outbox file's name */
    String id() {
        return message.id();
    }
}
