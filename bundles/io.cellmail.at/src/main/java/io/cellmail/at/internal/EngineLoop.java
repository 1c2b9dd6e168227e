package io.cellmail.at.internal;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine thread: runs tasks one at a time, now or after a delay. Every task is guarded, so an engine bug is
 * logged instead of silently killing a scheduled task. After {@link #shutdown()} nothing more is accepted and
 * delayed tasks are dropped.
 */
final class EngineLoop {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    EngineLoop(String name) {
        this.name = name;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cellmail-at-engine-" + name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    /** @return false if the loop no longer accepts tasks */
    boolean post(Runnable task) {
        try {
            executor.execute(guarded(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** @return the scheduled task, or null if the loop no longer accepts tasks */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return executor.schedule(guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    boolean isLoopThread() {
        return Thread.currentThread() == thread;
    }

    /** Stops accepting tasks; the running one and those already queued still run. */
    void shutdown() {
        executor.shutdown();
    }

    /** Waits (bounded) for the loop to stop; interrupts it if it does not. Not from the loop itself. */
    void awaitStop(Duration patience) {
        try {
            if (!executor.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("engine thread of {} did not stop; interrupting it", name);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("AT engine {} failed internally", name, e);
            }
        };
    }
}
