/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.io.IOException;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** A link could not be opened; {@link #reason()} says why in a form a program can act on. */
public class SerialLinkException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a link could not be opened. */
    public enum Reason {
        /** The URI or one of its settings is malformed. */
        INVALID_URI,
        /** No provider serves the URI's scheme (or its native library is missing). */
        UNSUPPORTED_SCHEME,
        /** The device, host or emulator named by the URI does not exist. */
        NO_SUCH_PORT,
        /** Another process or component holds the port. */
        PORT_BUSY,
        /** Any other I/O failure while opening. */
        IO_ERROR
    }

    private final Reason reason;

    public SerialLinkException(Reason reason, String message) {
        this(reason, message, null);
    }

    public SerialLinkException(Reason reason, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** @return why the link could not be opened */
    public Reason reason() {
        return reason;
    }
}
