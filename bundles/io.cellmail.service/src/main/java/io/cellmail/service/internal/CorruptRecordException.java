/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Optional;

/**
 * An outbox file cannot be decoded: damaged on disk, torn where no append tears it, or not an outbox file at all.
 * Unlike an {@link java.io.IOException} this never goes away by trying again.
 */
final class CorruptRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String messageId;

    CorruptRecordException(String message) {
        this(message, null, null);
    }

    CorruptRecordException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private CorruptRecordException(String message, Throwable cause, String messageId) {
        super(message, cause);
        this.messageId = messageId;
    }

    /** @return the same failure, naming the mail whose file it is */
    CorruptRecordException of(String id) {
        return new CorruptRecordException(getMessage(), getCause(), id);
    }

    /** @return the id of the mail whose file is damaged, when the file still told it */
    Optional<String> messageId() {
        return Optional.ofNullable(messageId);
    }
}
