/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts {@link Main} in a fresh JVM on this JVM's class path (the benchmark jar, or the test class path) for
 * the figures that need a JVM of their own: a cold start-up, a small heap. The child reports on its standard
 * output; its standard error passes through.
 */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @param jvmOptions options of the child JVM, e.g. {@code -Xmx32m}
     * @param arguments arguments of {@link Main} in the child
     * @param timeout how long the child may run
     * @return the child's standard output, line by line
     * @throws IOException when the child cannot be started, fails, or runs too long (it is then killed)
     */
    public static List<String> run(List<String> jvmOptions, List<String> arguments, Duration timeout)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(arguments);
        Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            Thread reader = new Thread(() -> {
                try {
                    String line;
                    while ((line = out.readLine()) != null) {
                        synchronized (output) {
                            output.add(line);
                        }
                    }
                } catch (IOException e) {
                    // the child ended or was killed; what it printed so far is kept
                }
            }, "bench-child-output");
            reader.setDaemon(true);
            reader.start();
            if (!child.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                child.destroyForcibly();
                throw new IOException("child JVM " + arguments + " did not finish within " + timeout);
            }
            reader.join(Duration.ofSeconds(5).toMillis());
            if (child.exitValue() != 0) {
                throw new IOException("child JVM " + arguments + " failed with exit code " + child.exitValue()
                        + "; output: " + output);
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the child JVM", e);
        }
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /**
     * @param output a child's output
     * @param key the first word of the wanted line
     * @return the words after the key on the last line starting with it
     * @throws IllegalStateException when no line starts with the key
     */
    public static String[] field(List<String> output, String key) {
        for (int i = output.size() - 1; i >= 0; i--) {
            String[] words = output.get(i).strip().split("\\s+");
            if (words.length > 0 && words[0].equals(key)) {
                String[] rest = new String[words.length - 1];
                System.arraycopy(words, 1, rest, 0, rest.length);
                return rest;
            }
        }
        throw new IllegalStateException("the child printed no " + key + " line: " + output);
    }
}
