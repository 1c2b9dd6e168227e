/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * One start of the gateway as a separate process: {@code java -jar cellmail-gateway.jar --data <kept> --conf
 * <dir>}, its output appended to a log file of its own.
 */
final class GatewayProcess {

    private static final Duration KILL_WAIT = Duration.ofSeconds(30);

    private final int number;
    private final Process process;
    private final Instant startedAt;
    private final Path log;

    private GatewayProcess(int number, Process process, Instant startedAt, Path log) {
        this.number = number;
        this.process = process;
        this.startedAt = startedAt;
        this.log = log;
    }

    /**
     * @param number the start's number (0 for the first start)
     * @param install the gateway
     * @param children the registry that kills it when the soak ends
     * @param log where its output goes
     * @return the running gateway
     * @throws IOException when it cannot be started
     */
    static GatewayProcess start(int number, GatewayInstall install, ChildProcesses children, Path log)
            throws IOException {
        Objects.requireNonNull(install, "install");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A gateway's heap, not the soak's.
                "-Xmx192m", "-jar", install.launcher().toString(),
                "--data", install.data().toString(), "--conf", install.conf().toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(install.home().toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        Instant now = Instant.now();
        Process process = children.start(builder);
        process.getOutputStream().close();
        return new GatewayProcess(number, process, now, log);
    }

    int number() {
        return number;
    }

    Instant startedAt() {
        return startedAt;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * @param timeout how long to wait
     * @return whether the process ended (by itself) within it
     * @throws InterruptedException when interrupted
     */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @return the exit code of a process that ended */
    int exitCode() {
        return process.exitValue();
    }

    /**
     * SIGKILL, as a power cut or the OOM killer ends a gateway: no shutdown hook, nothing flushed.
     *
     * @return when the signal was sent
     * @throws InterruptedException when interrupted while waiting for the process to end
     */
    Instant kill() throws InterruptedException {
        Instant at = Instant.now();
        process.destroyForcibly();
        if (!process.waitFor(KILL_WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("gateway start " + number + " did not end after SIGKILL");
        }
        return at;
    }

    /**
     * SIGTERM, then SIGKILL if it does not end within the grace time.
     *
     * @param grace how long the gateway may take to stop cleanly
     * @return whether it stopped cleanly
     * @throws InterruptedException when interrupted
     */
    boolean stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            return true;
        }
        kill();
        return false;
    }
}
