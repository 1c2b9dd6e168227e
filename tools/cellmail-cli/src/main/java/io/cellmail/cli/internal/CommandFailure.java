/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

/**
 * A command could not do its job: the message goes to stderr as {@code cellmail <command>: <message>} and the
 * process exits with {@link #exitCode()}. Messages never carry a password.
 */
public final class CommandFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /**
     * @param exitCode {@link ExitCode#FAILURE} or {@link ExitCode#TEMPORARY_FAILURE}
     * @param message what went wrong, with the spec's error code where there is one
     */
    public CommandFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    /**
     * @param exitCode {@link ExitCode#FAILURE} or {@link ExitCode#TEMPORARY_FAILURE}
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        if (exitCode == ExitCode.OK || exitCode == ExitCode.USAGE) {
            throw new IllegalArgumentException("a failure exits with neither 0 nor the usage code: " + exitCode);
        }
        this.exitCode = exitCode;
    }

    /** @return the process exit code */
    public int exitCode() {
        return exitCode;
    }
}
