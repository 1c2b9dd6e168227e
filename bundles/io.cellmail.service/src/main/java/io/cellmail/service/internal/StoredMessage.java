/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Objects;

import io.cellmail.api.MailMessage;

/**
 * An accepted mail as its outbox file holds it: what never changes after {@code send}.
 *
 * @param header the id, order, priority and acceptance times
 * @param message the mail; its id is the header's
 */
record StoredMessage(MailHeader header, MailMessage message) {

    StoredMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(message, "message");
        if (!header.id().equals(message.id())) {
            throw new IllegalArgumentException("header of " + header.id() + " for message " + message.id());
        }
    }

    /** @return the message id */
    String id() {
        return header.id();
    }

    /** @return the acceptance order */
    long sequence() {
        return header.sequence();
    }
}
