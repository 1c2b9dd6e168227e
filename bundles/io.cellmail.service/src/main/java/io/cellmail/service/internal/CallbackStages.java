/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailException;

/**
 * The stages a service returned in this process, by the sequence number of the mail or SMS they follow: one that
 * reached its outcome and a new one of the same id never share a stage. Stages complete on a callback thread of
 * their own, never on the dispatcher: a caller's {@code thenAccept} that blocks must not hold up the mail of
 * everyone else. The thread exists only while there is something to complete.
 *
 * @param <R> what a stage completes with: a mail's receipt, an SMS's delivery
 */
class CallbackStages<R> {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackStages.class);
    private static final Duration IDLE_THREAD_LIFETIME = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Map<Long, CompletableFuture<R>> futures = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor callbacks;
    private boolean closed;

    /** @param threadName the name of the callback thread */
    CallbackStages(String threadName) {
        callbacks = new ThreadPoolExecutor(0, 1, IDLE_THREAD_LIFETIME.toMillis(), TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, threadName);
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * @param sequence an accepted mail's or SMS's sequence number; a second registration shares the first one's outcome
     * @param stopped the failure to report when the receipts are closed already
     * @return the stage the caller gets; callers cannot complete it themselves
     */
    synchronized CompletionStage<R> register(long sequence, Supplier<MailException> stopped) {
        CompletableFuture<R> future = futures.computeIfAbsent(sequence,
                key -> new CompletableFuture<>());
        if (closed) {
            futures.remove(sequence);
            future.completeExceptionally(stopped.get());
        }
        return future.minimalCompletionStage();
    }

    void complete(long sequence, R receipt) {
        CompletableFuture<R> future = futures.remove(sequence);
        if (future != null) {
            run(() -> future.complete(receipt));
        }
    }

    void fail(long sequence, MailException failure) {
        CompletableFuture<R> future = futures.remove(sequence);
        if (future != null) {
            run(() -> future.completeExceptionally(failure));
        }
    }

    /**
     * Fails every stage still open and stops the callback thread.
     *
     * @param failure what the open stages complete with
     */
    void close(MailException failure) {
        List<CompletableFuture<R>> open;
        synchronized (this) {
            closed = true;
            open = new ArrayList<>(futures.values());
            futures.clear();
        }
        open.forEach(future -> run(() -> future.completeExceptionally(failure)));
        callbacks.shutdown();
        try {
            if (!callbacks.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("A callback is still running {} after the service stopped", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Runnable completion) {
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }
}
