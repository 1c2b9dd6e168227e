/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The session's output of the commands under test, read one command at a time. */
final class RecordedOutput {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    SessionOutput output() {
        return new SessionOutput(() -> stream);
    }

    /** @return what the command wrote to the session's output, and only that */
    String of(Runnable command) {
        bytes.reset();
        command.run();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
