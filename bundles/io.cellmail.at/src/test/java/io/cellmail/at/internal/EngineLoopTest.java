/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the engine thread is woken. Every wake-up of a sleeping thread is a hand-over that costs a short command
 * more than its own work: the loop wakes the engine thread only for a timer due before it wakes up anyway, and only
 * for a task nobody else will run.
 */
class EngineLoopTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** Well before the engine thread would wake up by itself: what runs by then was woken for. */
    private static final Duration BEFORE_THE_HORIZON = Duration.ofNanos(EngineLoop.HORIZON_NANOS / 2);

    private final EngineLoop loop = new EngineLoop("test");

    @BeforeEach
    void startTheEngineThreadAndLetItSleep() {
        loop.post(() -> { });
        await().atMost(PATIENCE).until(loop::isSleeping);
    }

    @AfterEach
    void stop() {
        loop.shutdown();
        loop.awaitStop(PATIENCE);
    }

    @Test
    void shouldNotWakeTheEngineThreadForATimerDueAfterItWakesUpAnyway() {
        long before = loop.wakeUps();

        // a command's deadline, armed in a turn of the reader (here: the test thread, as nobody holds the turn)
        loop.runOrPost(() -> loop.schedule(() -> { }, Duration.ofSeconds(10).toNanos()));

        assertThat(loop.wakeUps()).isEqualTo(before);
    }

    @Test
    void shouldRunATimerBeyondTheHorizonWithoutBeingWokenForIt() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        long before = loop.wakeUps();

        loop.runOrPost(() -> loop.schedule(() -> ranOn.set(Thread.currentThread().getName()),
                EngineLoop.HORIZON_NANOS + Duration.ofMillis(200).toNanos()));

        assertThat(loop.wakeUps()).isEqualTo(before);
        await().atMost(PATIENCE).until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).isEqualTo("cellmail-at-engine-test");
    }

    @Test
    void shouldWakeTheSleepingEngineThreadForATimerDueBeforeItWakesUp() {
        AtomicReference<String> ranOn = new AtomicReference<>();

        // a guard time before +++
        loop.runOrPost(() -> loop.schedule(() -> ranOn.set(Thread.currentThread().getName()),
                Duration.ofMillis(20).toNanos()));

        // not left until the engine thread wakes up on its own, a horizon later
        await().atMost(BEFORE_THE_HORIZON).until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).isEqualTo("cellmail-at-engine-test");
    }

    @Test
    void shouldLeaveATaskHandedOverWhileTheTurnIsHeldToItsHolderWithoutWakingTheEngineThread() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        long before = loop.wakeUps();

        // the reader (here: the test thread) holds the turn while a caller hands over a command
        loop.runOrPost(() -> {
            Thread caller = new Thread(() -> loop.post(() -> ranOn.set(Thread.currentThread().getName())), "caller");
            caller.start();
            try {
                caller.join(PATIENCE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(loop.wakeUps()).isEqualTo(before);
    }

    @Test
    void shouldWakeTheSleepingEngineThreadForATaskWhenNobodyHoldsTheTurn() {
        AtomicReference<String> ranOn = new AtomicReference<>();

        loop.post(() -> ranOn.set(Thread.currentThread().getName()));

        await().atMost(BEFORE_THE_HORIZON).until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).isEqualTo("cellmail-at-engine-test");
    }

    @Test
    void shouldRunAStepDueBeforeTheReaderLetsGoOnTheReaderWithoutWakingTheEngineThread() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        long before = loop.wakeUps();

        // a linger that is already over when the reader (here: the test thread) handles the upload's result
        loop.runOrPost(() -> loop.scheduleStep(() -> ranOn.set(Thread.currentThread().getName()), 0));

        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(loop.wakeUps()).isEqualTo(before);
    }

    @Test
    void shouldWakeTheEngineThreadForAStepStillToComeWhenTheReaderLetsGo() {
        AtomicReference<String> ranOn = new AtomicReference<>();

        loop.runOrPost(() -> loop.scheduleStep(() -> ranOn.set(Thread.currentThread().getName()),
                Duration.ofMillis(20).toNanos()));

        await().atMost(BEFORE_THE_HORIZON).until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).isEqualTo("cellmail-at-engine-test");
    }

    @Test
    void shouldStillWakeTheEngineThreadInTimeForAStepAfterTheReaderRanAnEarlierOne() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        loop.runOrPost(() -> loop.scheduleStep(() -> { }, 0));

        // the step the reader ran must not have left the engine thread believing it wakes up earlier than it does
        loop.runOrPost(() -> loop.scheduleStep(() -> ranOn.set(Thread.currentThread().getName()),
                Duration.ofMillis(20).toNanos()));

        await().atMost(BEFORE_THE_HORIZON).until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).isEqualTo("cellmail-at-engine-test");
    }

    @Test
    void shouldLeaveAnUnhurriedTaskToTheTurnThatIsExpectedWithoutWakingTheEngineThread() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        // a command runs: its reply will come
        loop.runOrPost(() -> loop.expectAnotherTurn(true));
        long before = loop.wakeUps();

        Thread caller = new Thread(() -> loop.postUnhurried(() -> ranOn.set(Thread.currentThread().getName())),
                "caller");
        caller.start();
        caller.join(PATIENCE.toMillis());
        assertThat(loop.wakeUps()).isEqualTo(before);

        // the reply: the reader's turn runs the caller's command
        loop.runOrPost(() -> loop.expectAnotherTurn(false));

        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(loop.wakeUps()).isEqualTo(before);
    }

    @Test
    void shouldWakeTheEngineThreadForAnUnhurriedTaskWhenNoTurnIsExpected() {
        AtomicReference<String> ranOn = new AtomicReference<>();
        loop.runOrPost(() -> loop.expectAnotherTurn(false));

        loop.postUnhurried(() -> ranOn.set(Thread.currentThread().getName()));

        await().atMost(BEFORE_THE_HORIZON).until(() -> ranOn.get() != null);
        assertThat(ranOn.get()).isEqualTo("cellmail-at-engine-test");
    }
}
