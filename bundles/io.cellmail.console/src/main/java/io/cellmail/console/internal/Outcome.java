/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.cellmail.api.MailException;

/**
 * Waits, bounded, for what became of a mail or an SMS a command queued, and says it in one line. Not waiting, or
 * not long enough, is no failure: the outbox keeps trying, and the line says where to look.
 */
final class Outcome {

    private Outcome() {
    }

    /**
     * @param stage the stage {@code send} or {@code sendSms} returned
     * @param wait how long to wait; zero: do not wait
     * @param id the mail's or SMS's id
     * @param service the service's name
     * @param success the line for the receipt, without its line end
     * @return the line, with its line end
     */
    static <T> String await(CompletionStage<T> stage, Duration wait, String id, String service,
            Function<T, String> success) {
        String queued = "Queued as " + id + " on " + service;
        if (wait.isZero()) {
            return queued + "\n";
        }
        try {
            return success.apply(stage.toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS)) + "\n";
        } catch (ExecutionException e) {
            return e.getCause() instanceof MailException failure
                    ? "Not sent " + id + " on " + service + ": " + ConsoleText.failure(failure) + "\n"
                    : "Not sent " + id + " on " + service + ": " + e.getCause() + "\n";
        } catch (TimeoutException e) {
            return queued + "; no outcome within " + wait.toSeconds() + " s: the outbox keeps trying, see "
                    + "cellmail:queue\n";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return queued + "; stopped waiting: the outbox keeps trying, see cellmail:queue\n";
        }
    }

    /** @return e.g. {@code 1 attempt}, {@code 3 attempts} */
    static String attempts(int attempts) {
        return attempts + (attempts == 1 ? " attempt" : " attempts");
    }
}
