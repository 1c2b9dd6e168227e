/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

/** The command line is wrong: the message says how, the command's usage follows it on stderr, exit code 2. */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the command line, for the user */
    public UsageException(String message) {
        super(message);
    }
}
