/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import io.cellmail.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tool in a separate JVM ({@code java -cp <test class path> io.cellmail.cli.Main ...}), the way a technician
 * starts it in another terminal: stopped with SIGTERM like Ctrl-C, output kept in files.
 */
public final class ChildCli implements AutoCloseable {

    private static final Duration STOP_WAIT = Duration.ofSeconds(15);

    private final Process process;
    private final BufferedReader out;
    private final Path err;

    private ChildCli(Process process, Path err) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.err = err;
    }

    /**
     * @param dir where the child's stderr is kept
     * @param args the command line
     * @return the running child
     * @throws IOException if it cannot be started
     */
    public static ChildCli start(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "child-", ".err");
        Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        return new ChildCli(process, err);
    }

    /** @return the {@code java} of the JVM running the tests */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * @param timeout how long to wait
     * @return the child's next line on stdout
     */
    public String readLine(Duration timeout) {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            String text = line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("the child ended without a line; stderr: " + stderr());
            }
            return text;
        } catch (Exception e) {
            // Closing the process ends the blocked read.
            throw new AssertionError("no line from the child within " + timeout + "; stderr: " + stderr(), e);
        }
    }

    /** @return the child's stderr so far */
    public String stderr() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops the child as Ctrl-C does (SIGTERM), forcibly if it does not end in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
