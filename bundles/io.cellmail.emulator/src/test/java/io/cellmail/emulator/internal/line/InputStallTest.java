/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The module's clear-to-send line: open unless a stall lasts. */
class InputStallTest {

    private static final Duration BOUND = Duration.ofSeconds(5);

    private final InputStall stall = new InputStall(System::nanoTime);

    @Test
    void shouldLetTheSessionReadAtOnceWhenNothingStalls() throws Exception {
        CompletableFuture<Void> reader = awaitInBackground();

        reader.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void shouldHoldTheSessionUntilTheStallEnds() throws Exception {
        stall.stallFor(Duration.ofMillis(600));

        CompletableFuture<Void> reader = awaitInBackground();

        await().during(Duration.ofMillis(200)).atMost(BOUND).until(() -> !reader.isDone());
        reader.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void shouldExtendALastingStallToTheLaterEnd() {
        stall.stallFor(Duration.ofMillis(50));
        stall.stallFor(Duration.ofHours(1));
        stall.stallFor(Duration.ofMillis(50));

        CompletableFuture<Void> reader = awaitInBackground();

        await().during(Duration.ofMillis(300)).atMost(BOUND).until(() -> !reader.isDone());
        stall.release();
        await().atMost(BOUND).until(reader::isDone);
    }

    @Test
    void shouldFreeEveryWaiterWhenReleased() {
        stall.stallFor(Duration.ofHours(1));
        CompletableFuture<Void> reader = awaitInBackground();

        stall.release();

        await().atMost(BOUND).until(reader::isDone);
        assertThat(reader).isNotCompletedExceptionally();
    }

    private CompletableFuture<Void> awaitInBackground() {
        return CompletableFuture.runAsync(() -> {
            try {
                stall.awaitClearToSend();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
