/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine, JVM and disk a run measured, and how busy the machine was: figures mean little without them. On a
 * shared machine a high load average at start or end is the first suspect for a wide spread.
 *
 * @param cpu the processor model
 * @param cores processors available to the JVM
 * @param memoryGiB physical memory
 * @param os operating system, version and architecture
 * @param jvm the JVM's name, version and vendor
 * @param disk the file store of the work directory (device and type): where fsync was measured
 * @param startedAt when the run started
 * @param loadAtStart the one-minute load average when the run started
 */
public record Environment(String cpu, int cores, double memoryGiB, String os, String jvm, String disk,
        Instant startedAt, double loadAtStart) {

    /**
     * @param workDirectory the directory whose disk the outbox benchmarks use
     * @return the environment now
     */
    public static Environment capture(Path workDirectory) {
        return new Environment(cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemoryGiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + ")",
                disk(workDirectory), Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAverage());
    }

    /** @return the one-minute load average now, or -1 where the platform has none */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            Optional<String> model = lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
            return model.orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static double totalMemoryGiB() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return -1;
    }

    private static String disk(Path directory) {
        try {
            Files.createDirectories(directory);
            FileStore store = Files.getFileStore(directory);
            return store.name() + " (" + store.type() + ")";
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** @return the machine line of the results */
    public String machine() {
        return String.format(Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s", cpu, cores, memoryGiB, os);
    }
}
