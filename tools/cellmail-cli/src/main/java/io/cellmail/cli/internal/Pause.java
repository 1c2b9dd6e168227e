/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting that ends early when the command is asked to stop (Ctrl-C, SIGTERM). */
public final class Pause {

    private Pause() {
    }

    /**
     * @param duration how long to wait
     * @param stop the command's stop signal
     * @return true if the full duration passed, false if the stop came first (or the thread was interrupted)
     */
    public static boolean unlessStopped(Duration duration, CompletionStage<Void> stop) {
        try {
            stop.toCompletableFuture().get(duration.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }
}
