/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

/**
 * A command line or parameter the module does not accept: answered {@code ERROR}. The message names the rule that
 * was broken, never the offending value (it may be a password).
 */
public final class FormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FormatException(String rule) {
        super(rule, null, false, false);
    }
}
