/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The machine, JVM and code a soak ran on: figures mean little without them.
 *
 * @param machine processor, cores, memory, operating system
 * @param jvm the JVM's name, version and vendor
 * @param commit the repository's commit, with a mark when the working tree had changes
 * @param startedAt when the run started
 */
record RunEnvironment(String machine, String jvm, String commit, Instant startedAt) {

    /**
     * @param root the repository, for its commit
     * @return the environment now
     */
    static RunEnvironment capture(Path root) {
        double memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024.0 * 1024 * 1024) : -1;
        String machine = String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s %s %s", cpu(),
                Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"));
        String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.vendor") + ")";
        return new RunEnvironment(machine, jvm, commit(root), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            Optional<String> model = lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).strip());
            return model.orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String commit(Path root) {
        String head = git(root, "rev-parse", "--short=12", "HEAD");
        if (head.isEmpty()) {
            return "unknown (not a git checkout)";
        }
        return head + (git(root, "status", "--porcelain", "--untracked-files=no").isEmpty() ? ""
                : " with uncommitted changes");
    }

    private static String git(Path root, String... args) {
        try {
            String[] command = new String[args.length + 1];
            command[0] = "git";
            System.arraycopy(args, 0, command, 1, args.length);
            Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
