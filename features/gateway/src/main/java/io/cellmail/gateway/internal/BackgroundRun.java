/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.PrintStream;
import java.util.Objects;

/**
 * The gateway as a service runs it: no console on stdin, one line saying what runs, then nothing until the
 * framework is stopped (SIGTERM or Ctrl-C stop it cleanly; a management agent may stop it from the inside).
 */
final class BackgroundRun {

    private final EmbeddedFramework framework;
    private final PrintStream out;

    BackgroundRun(EmbeddedFramework framework, PrintStream out) {
        this.framework = Objects.requireNonNull(framework, "framework");
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * @param configurations how many configurations were applied, and from where
     * @return the exit code, 0
     * @throws InterruptedException when interrupted
     */
    int run(String configurations) throws InterruptedException {
        out.println("cellmail gateway: running, " + framework.bundles().size() + " bundles, " + configurations
                + "; stop it with Ctrl-C or SIGTERM");
        out.flush();
        framework.runUntilStopped();
        return 0;
    }
}
