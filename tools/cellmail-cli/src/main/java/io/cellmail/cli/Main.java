/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli;

import io.cellmail.cli.internal.Cli;
import io.cellmail.cli.internal.CliEnvironment;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code cellmail <command> [options]}: the entry point of the command-line tool (what {@code ./cellmail} runs).
 * {@code cellmail --help} lists the commands; exit codes are those of {@link io.cellmail.cli.internal.ExitCode}.
 */
public final class Main {

    /** How long a Ctrl-C or SIGTERM waits for the running command to close its port and threads. */
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(5);

    private Main() {
    }

    /**
     * Runs one command and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Ctrl-C or kill: let the command close its port (a serial device stays busy otherwise), bounded.
            stop.complete(null);
            try {
                finished.await(CLEANUP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cellmail-shutdown"));
        PrintStream out = new PrintStream(System.out, true, Charset.defaultCharset());
        PrintStream err = new PrintStream(System.err, true, Charset.defaultCharset());
        CliEnvironment environment = new CliEnvironment(System.in, out, err, System.getenv(), interactive(), stop);
        int exit;
        try {
            exit = new Cli().run(args, environment);
        } finally {
            finished.countDown();
        }
        out.flush();
        err.flush();
        System.exit(exit);
    }

    /** @return true when a person types at a terminal */
    // The tool runs on Java 17, where System.console() is null exactly when stdin or stdout is not a terminal; on 22
    // and later it would need Console.isTerminal(), which Java 17 lacks.
    @SuppressWarnings("SystemConsoleNull")
    private static boolean interactive() {
        return System.console() != null;
    }
}
