/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.EngineState;
import io.cellmail.at.ModemListener;
import io.cellmail.at.Urc;
import io.cellmail.at.UrcListener;

/**
 * Completes caller futures and calls listeners on one thread of its own, in the order the engine decided
 * things. The engine thread never runs caller code, so a slow or blocking callback cannot stall the protocol.
 */
final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final ExecutorService executor;
    private final List<UrcListener> urcListeners = new CopyOnWriteArrayList<>();
    private final List<ModemListener> modemListeners = new CopyOnWriteArrayList<>();
    private volatile Thread thread;

    Notifier(String name) {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "cellmail-at-notify-" + name);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    void addUrcListener(UrcListener listener) {
        urcListeners.add(listener);
    }

    void removeUrcListener(UrcListener listener) {
        urcListeners.remove(listener);
    }

    void addModemListener(ModemListener listener) {
        modemListeners.add(listener);
    }

    void removeModemListener(ModemListener listener) {
        modemListeners.remove(listener);
    }

    <T> void complete(CompletableFuture<T> future, T value) {
        if (!run(() -> future.complete(value))) {
            future.complete(value);
        }
    }

    void fail(CompletableFuture<?> future, Throwable failure) {
        if (!run(() -> future.completeExceptionally(failure))) {
            future.completeExceptionally(failure);
        }
    }

    void urc(Urc urc) {
        run(() -> urcListeners.forEach(l -> call(() -> l.onUrc(urc))));
    }

    void ready(long epoch) {
        modemEvent(l -> l.onReady(epoch));
    }

    void rebooted(String reason) {
        modemEvent(l -> l.onRebooted(reason));
    }

    void linkLost(String reason) {
        modemEvent(l -> l.onLinkLost(reason));
    }

    void stateChanged(EngineState state) {
        modemEvent(l -> l.onStateChanged(state));
    }

    /** Runs what is queued, then stops the thread; waits for it unless called from it. */
    void close() {
        executor.shutdown();
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("a listener or callback blocks the notification thread; interrupting it");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void modemEvent(Consumer<ModemListener> event) {
        run(() -> modemListeners.forEach(l -> call(() -> event.accept(l))));
    }

    private boolean run(Runnable task) {
        try {
            executor.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("listener failed", e);
        }
    }
}
