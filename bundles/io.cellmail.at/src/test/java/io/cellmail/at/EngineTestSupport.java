/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs an {@link AtEngine} against a {@link ScriptedModem} with short timings, and stops both after each test.
 */
abstract class EngineTestSupport {

    static final Duration WAIT = Duration.ofSeconds(5);

    final ScriptedModem modem = new ScriptedModem();
    final List<Urc> urcs = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    AtEngine engine;

    AtEngineSettings.Builder settings() {
        return settings(modem.opener());
    }

    /** The test timings with another opener, e.g. one whose links go through a {@link ControlledLine}. */
    AtEngineSettings.Builder settings(LinkOpener opener) {
        return AtEngineSettings.builder("test", opener)
                .commandTimeout(Duration.ofMillis(800))
                .guardTime(Duration.ofMillis(20))
                .probeTimeout(Duration.ofMillis(60))
                .settleTime(Duration.ofMillis(15))
                .trailingOkLinger(Duration.ofMillis(30))
                .bootUrcWindow(Duration.ofMillis(300))
                .reopenBackoff(Duration.ofMillis(10), Duration.ofMillis(40))
                .syncAttempts(12);
    }

    /** Starts an engine and waits until it is ready. */
    AtEngine startEngine(AtEngineSettings.Builder builder) {
        engine = new AtEngine(builder.build());
        engine.addUrcListener(urcs::add);
        engine.addModemListener(new ModemListener() {
            @Override
            public void onReady(long epoch) {
                events.add("ready " + epoch);
            }

            @Override
            public void onRebooted(String reason) {
                events.add("rebooted " + reason);
            }

            @Override
            public void onLinkLost(String reason) {
                events.add("link lost");
            }
        });
        engine.start();
        awaitEpoch(1);
        return engine;
    }

    AtEngine startEngine() {
        return startEngine(settings());
    }

    void awaitEpoch(long epoch) {
        await().atMost(WAIT).until(() -> engine.epoch() >= epoch && engine.state() == EngineState.READY);
        assertThat(engine.epoch()).isEqualTo(epoch);
    }

    @BeforeAll
    static void pollOften() {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    @AfterEach
    void stopEngineAndModem() {
        if (engine != null) {
            engine.close();
        }
        modem.close();
    }

    static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static AtException failure(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> result(stage));
        assertThat(thrown).as("the stage should have failed").isNotNull();
        return AtException.from(thrown);
    }

    /** @return the commands the modem received after the engine's initialisation */
    List<String> commandsAfterInit() {
        List<String> all = modem.commands();
        int last = all.lastIndexOf("AT+CMEE?");
        return all.subList(last + 1, all.size());
    }
}
