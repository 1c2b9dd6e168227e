/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A gateway process of a crash test: a JVM on the test class path running a test's {@code main}, which says how far
 * it got on its output, and is killed with SIGKILL once it printed the line the test waits for.
 */
final class ChildProcess {

    private ChildProcess() {
    }

    /**
     * Starts the child, waits until it printed {@code last}, then kills it the hard way.
     *
     * @param main the class whose {@code main} runs in the child
     * @param last the line after which the child is killed
     * @param within how long the child may take to print it
     * @param args the arguments of its {@code main}
     * @return every line it printed up to {@code last}
     */
    static List<String> runAndKill(Class<?> main, String last, Duration within, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", testClassPath(), main.getName()));
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        List<String> output;
        try {
            Future<List<String>> lines = reader.submit(() -> readUntil(child, last));
            output = lines.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.shutdownNow();
        }
        assertThat(child.exitValue()).as("killed, not exited").isNotIn(0, 3);
        return output;
    }

    private static List<String> readUntil(Process process, String last) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
                if (line.equals(last)) {
                    return lines;
                }
            }
        }
        throw new AssertionError("the child ended without printing '" + last + "': " + lines);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClassPath() {
        // Surefire may start tests through a manifest-only jar; it names the real class path in this property.
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
