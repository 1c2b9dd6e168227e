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
    private final Thread hook = new Thread(this::killAll, "cellmail-soak-kill-children");

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

    /** @return how many registered processes still run */
    long alive() {
        return processes.stream().filter(Process::isAlive).count();
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
