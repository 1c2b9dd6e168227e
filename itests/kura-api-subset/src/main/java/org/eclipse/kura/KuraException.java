/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package org.eclipse.kura;

import java.util.Arrays;
import java.util.Objects;

/**
 * The checked exception of the Kura API, carrying a {@link KuraErrorCode} and message arguments. The real class
 * formats a localized message; this subset joins the code and the arguments.
 */
public class KuraException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The error code. */
    protected final KuraErrorCode code;
    private final transient Object[] arguments;

    /** @param code the error code */
    public KuraException(KuraErrorCode code) {
        this(code, null, (Object[]) null);
    }

    /**
     * @param code the error code
     * @param arguments the message arguments
     */
    public KuraException(KuraErrorCode code, Object... arguments) {
        this(code, null, arguments);
    }

    /**
     * @param code the error code
     * @param cause the cause
     * @param arguments the message arguments
     */
    public KuraException(KuraErrorCode code, Throwable cause, Object... arguments) {
        super(cause);
        this.code = Objects.requireNonNull(code, "code");
        this.arguments = arguments == null ? new Object[0] : arguments.clone();
    }

    /** @return the error code */
    public KuraErrorCode getCode() {
        return code;
    }

    @Override
    public String getMessage() {
        return arguments.length == 0 ? code.name() : code.name() + " " + Arrays.toString(arguments);
    }
}
