/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A mail was refused or could not be delivered. Thrown by {@link CellularMailService#send} when a message is
 * refused up front, and the cause of a failed delivery stage. Messages never contain a password.
 */
public class MailException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final MailErrorCode code;
    private final @Nullable String field;

    /**
     * @param code why
     * @param message a human-readable explanation
     */
    public MailException(MailErrorCode code, String message) {
        this(code, null, message, null);
    }

    /**
     * @param code why
     * @param field the message field at fault, or null
     * @param message a human-readable explanation
     * @param cause the underlying failure, or null
     */
    public MailException(MailErrorCode code, @Nullable String field, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.field = field;
    }

    /**
     * @param field the message field at fault, e.g. {@code subject}
     * @param message what is wrong with it
     * @return a {@link MailErrorCode#INVALID_MESSAGE} exception naming the field
     */
    public static MailException invalid(String field, String message) {
        return new MailException(MailErrorCode.INVALID_MESSAGE, Objects.requireNonNull(field, "field"),
                field + ": " + message, null);
    }

    /** @return why the mail was refused or not delivered */
    public MailErrorCode code() {
        return code;
    }

    /** @return the message field at fault, for {@link MailErrorCode#INVALID_MESSAGE} */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
