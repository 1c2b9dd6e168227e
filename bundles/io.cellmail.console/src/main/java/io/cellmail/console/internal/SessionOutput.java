/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Where a command's answer goes: the session's output. The commands write their answer instead of returning it
 * because Karaf prints a command's return value only in an interactive (pty) session: over an SSH exec channel
 * ({@code ssh gw 'cellmail:status'}), what scripts and remote management use, a returned value is dropped and only
 * what the command wrote arrives. A command that returns nothing is printed once everywhere.
 */
final class SessionOutput {

    private final Supplier<PrintStream> stream;

    /**
     * The session's output as every Gogo shell hands it to a running command: {@code System.out}, which Gogo's
     * ThreadIO points at the calling session's stream for the command's thread (Felix Gogo, Karaf's shell and
     * Equinox's console all run commands that way). It is looked up at each answer, never kept.
     */
    SessionOutput() {
        this(() -> System.out);
    }

    SessionOutput(Supplier<PrintStream> stream) {
        this.stream = stream;
    }

    /** Writes the answer and flushes it, so that it reaches the operator before the command ends. */
    void write(Supplier<String> answer) {
        PrintStream out = stream.get();
        out.print(answer.get());
        out.flush();
    }
}
