/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a command runs against: the process's streams and environment, and the signal to stop. Tests hand in
 * their own, so every command runs in-process exactly as from the shell.
 *
 * @param in standard input (bodies, AT lines)
 * @param out results
 * @param err errors and usage
 * @param env environment variables, e.g. {@code CELLMAIL_SMTP_PASSWORD}
 * @param interactive whether a person types at a terminal (then the {@code at} command does not echo)
 * @param stop completes when the process is asked to stop (Ctrl-C, SIGTERM); long-running commands end then
 */
public record CliEnvironment(InputStream in, PrintStream out, PrintStream err, Map<String, String> env,
        boolean interactive, CompletionStage<Void> stop) {

    public CliEnvironment {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        env = Map.copyOf(env);
        Objects.requireNonNull(stop, "stop");
    }

    /**
     * @param name an environment variable
     * @return its value, if set and not empty
     */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }
}
