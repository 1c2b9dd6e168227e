/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the tool in this JVM exactly as {@code Main} does, with text for stdin and the output captured: the test
 * side of {@link CliEnvironment}.
 */
public final class CliRun implements AutoCloseable {

    /** Long enough for every command these tests run; a hang fails the test instead of the build. */
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final CompletableFuture<Void> stop = new CompletableFuture<>();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private final Thread thread;

    private CliRun(String stdin, Map<String, String> env, String... args) {
        CliEnvironment environment = new CliEnvironment(
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, false, stop);
        // A thread of its own, as the command has in its process: no pool to share with other tests.
        thread = new Thread(() -> {
            try {
                exit.complete(new Cli().run(args, environment));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "cellmail-cli-test-" + (args.length == 0 ? "none" : args[0]));
        thread.start();
    }

    /**
     * Starts a command that runs until {@link #close()} (e.g. {@code emulate}).
     *
     * @param args the command line
     * @return the running command
     */
    public static CliRun start(String... args) {
        return new CliRun("", Map.of(), args);
    }

    /**
     * @param stdin what the command reads from standard input
     * @param args the command line
     * @return how it ended
     */
    public static Result run(String stdin, String... args) {
        return run(stdin, Map.of(), args);
    }

    /**
     * @param stdin what the command reads from standard input
     * @param env the environment variables it sees
     * @param args the command line
     * @return how it ended
     */
    public static Result run(String stdin, Map<String, String> env, String... args) {
        try (CliRun run = new CliRun(stdin, env, args)) {
            return run.awaitExit();
        }
    }

    /** @return what the command printed on stdout so far */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** @return the exit code and output, after the command ended on its own */
    public Result awaitExit() {
        try {
            int code = exit.get(LIMIT.toSeconds(), TimeUnit.SECONDS);
            thread.join(LIMIT.toMillis());
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError("the command did not end within " + LIMIT + "; stderr so far: " + err, e);
        }
    }

    /** Asks the command to stop, as Ctrl-C does, and waits for it to end. */
    @Override
    public void close() {
        stop.complete(null);
        awaitExit();
    }

    /**
     * How a command ended.
     *
     * @param exit its exit code
     * @param out its stdout
     * @param err its stderr
     */
    public record Result(int exit, String out, String err) {
    }
}
