/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.EngineState;
import io.cellmail.at.ModemListener;
import io.cellmail.at.Urc;
import io.cellmail.at.UrcListener;

/**
 * Completes caller futures and calls listeners on one thread of its own, in the order the engine decided
 * things. The engine thread never runs caller code, so a slow or blocking callback cannot stall the protocol.
 *
 * <p>What is decided is queued as news; the notification thread is woken for the first and takes every piece that
 * comes while it works without being woken again. The reader may {@link #holdBack() hold back} what it decides
 * while more input is waiting and {@link #release() send it on} before it waits: replies that arrive back to back
 * then wake this thread once for all of them. Holding back never reorders anything: there is one queue, and news
 * from any other thread sends on everything queued before it.
 */
final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final ExecutorService executor;
    private final List<UrcListener> urcListeners = new CopyOnWriteArrayList<>();
    private final List<ModemListener> modemListeners = new CopyOnWriteArrayList<>();
    // what was decided and not yet told, in the order it was decided
    private final ConcurrentLinkedQueue<News> news = new ConcurrentLinkedQueue<>();
    // true while a delivery is queued or running on the notification thread
    private final AtomicBoolean delivering = new AtomicBoolean();
    private volatile Thread thread;
    private volatile @Nullable Thread holdingThread;
    private final AtomicLong handOvers = new AtomicLong();

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
        queue(new News(() -> future.complete(value), true));
    }

    void fail(CompletableFuture<?> future, Throwable failure) {
        queue(new News(() -> future.completeExceptionally(failure), true));
    }

    void urc(Urc urc) {
        queue(new News(() -> urcListeners.forEach(l -> call(() -> l.onUrc(urc))), false));
    }

    /**
     * From now on, news the calling thread queues waits for its {@link #release()} (or for another thread's news);
     * for the reader of the current link session, which releases before it waits for input.
     */
    void holdBack() {
        holdingThread = Thread.currentThread();
    }

    /** Sends on what was held back. */
    void release() {
        handOver();
    }

    /** @return true while news waits to be told (held back, or not yet taken by the notification thread) */
    boolean hasNews() {
        return !news.isEmpty();
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

    /** @return how often news was handed to the notification thread; for tests */
    long handOvers() {
        return handOvers.get();
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
        queue(new News(() -> modemListeners.forEach(l -> call(() -> event.accept(l))), false));
    }

    private void queue(News item) {
        news.add(item);
        if (holdingThread != Thread.currentThread()) {
            handOver();
        }
    }

    private void handOver() {
        if (news.isEmpty() || !delivering.compareAndSet(false, true)) {
            return;
        }
        try {
            handOvers.incrementAndGet();
            executor.execute(this::deliver);
        } catch (RejectedExecutionException e) {
            // closed: callers still learn the fate of their commands, on this thread; listeners hear no more
            delivering.set(false);
            News item;
            while ((item = news.poll()) != null) {
                if (item.evenWhenClosed) {
                    call(item.task);
                }
            }
        }
    }

    /** On the notification thread: tells everything queued, also what comes meanwhile. */
    private void deliver() {
        do {
            News item;
            while ((item = news.poll()) != null) {
                call(item.task);
            }
            delivering.set(false);
            // news queued after the last poll and before the flag was cleared found the flag set: take it now
        } while (!news.isEmpty() && delivering.compareAndSet(false, true));
    }

    /** One decision to tell; a completion is told even after closing, a listener call is not. */
    private record News(Runnable task, boolean evenWhenClosed) {
    }

    private static void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("listener failed", e);
        }
    }
}
