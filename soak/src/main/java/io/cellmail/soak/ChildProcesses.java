/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Every process the soak starts, so that none outlives it: {@link #close()} and a shutdown hook (Ctrl-C, SIGTERM
 * of the soak) kill whatever still runs, with its descendants.
 */
final class ChildProcesses implements AutoCloseable {

    private static final long KILL_WAIT_SECONDS = 30;

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> afterSignal = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::onSignal, "cellmail-soak-kill-children");

    ChildProcesses() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * @param builder the process to start
     * @return it, started and registered
     * @throws IOException when it cannot be started
     */
    Process start(ProcessBuilder builder) throws IOException {
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    /**
     * @param resource released by the shutdown hook once every child is dead (a mount the children used); the
     *        normal path closes it itself
     */
    void releaseOnSignal(AutoCloseable resource) {
        afterSignal.add(resource);
    }

    /** @return how many registered processes still run */
    long alive() {
        return processes.stream().filter(Process::isAlive).count();
    }

    private void onSignal() {
        killAll();
        for (AutoCloseable resource : afterSignal) {
            try {
                resource.close();
            } catch (Exception e) {
                System.err.println("soak: could not release " + resource + ": " + e);
            }
        }
    }

    private void killAll() {
        for (Process process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs or ran already.
        }
    }
}
