/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * News reaches callers and listeners on the notification thread, in the order it was decided; what the reader
 * decides while more input waits goes with one hand-over instead of one each.
 */
class NotifierTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final Notifier notifier = new Notifier("test");

    @AfterEach
    void close() {
        notifier.close();
    }

    @Test
    void shouldHoldBackWhatTheHoldingThreadDecidesUntilItReleasesIt() {
        List<CompletableFuture<Integer>> results = List.of(new CompletableFuture<>(), new CompletableFuture<>(),
                new CompletableFuture<>());

        notifier.holdBack();
        for (int i = 0; i < results.size(); i++) {
            notifier.complete(results.get(i), i);
        }

        assertThat(notifier.handOvers()).as("nothing handed over while held back").isZero();
        assertThat(results).noneMatch(CompletableFuture::isDone);

        notifier.release();

        assertThat(notifier.handOvers()).as("one hand-over for all of it").isEqualTo(1);
        await().atMost(PATIENCE).until(() -> results.stream().allMatch(CompletableFuture::isDone));
        assertThat(results).extracting(CompletableFuture::join).containsExactly(0, 1, 2);
    }

    @Test
    void shouldSendHeldBackNewsOnBeforeAnotherThreadsNewsAndInOrder() throws Exception {
        List<String> told = new CopyOnWriteArrayList<>();
        CompletableFuture<String> fromReader = new CompletableFuture<>();
        CompletableFuture<String> fromEngine = new CompletableFuture<>();
        CompletableFuture<Void> toldReader = fromReader.thenAccept(told::add);
        CompletableFuture<Void> toldEngine = fromEngine.thenAccept(told::add);

        notifier.holdBack();
        notifier.complete(fromReader, "reader's reply");
        Thread engine = new Thread(() -> notifier.complete(fromEngine, "engine's timeout"));
        engine.start();
        engine.join(PATIENCE.toMillis());

        // never released by the reader: the other thread's news took it along
        CompletableFuture.allOf(toldReader, toldEngine).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(told).containsExactly("reader's reply", "engine's timeout");
    }

    @Test
    void shouldHandOverAtOnceWhatAThreadThatDoesNotHoldBackDecides() {
        CompletableFuture<String> result = new CompletableFuture<>();

        notifier.complete(result, "done");

        assertThat(notifier.handOvers()).isEqualTo(1);
        assertThat(result).succeedsWithin(PATIENCE).isEqualTo("done");
    }

    @Test
    void shouldStillCompleteCallersFuturesAfterClosing() {
        CompletableFuture<String> result = new CompletableFuture<>();
        notifier.close();

        notifier.complete(result, "late");

        // on the calling thread, as there is no notification thread any more
        assertThat(result).isCompletedWithValue("late");
    }
}
