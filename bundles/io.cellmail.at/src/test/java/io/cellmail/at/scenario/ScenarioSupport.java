/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.EngineState;
import io.cellmail.at.LinkOpener;
import io.cellmail.at.ModemListener;
import io.cellmail.at.Urc;
import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.TranscriptLine;
import io.cellmail.serial.PortSettings;

/**
 * Runs an {@link AtEngine} against the real emulated module through an {@code emulator:} link, with short timings,
 * and stops both after each test. Records URCs, lifecycle events and how often the link was opened.
 *
 * <p>Timings: the emulator needs 50 ms of silence around {@code +++}; the engine keeps 150 ms, as a real host keeps
 * more than the module's guard (1.1 s against 1 s): the module measures silence between the moments it reads
 * bytes, and on a loaded machine its reader may take the payload late, shortening the gap it sees. Commands get a
 * generous default deadline; a test where a timeout is the point gives its command a short one.
 */
abstract class ScenarioSupport {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final Duration MODEM_GUARD = Duration.ofMillis(50);
    static final Duration ENGINE_GUARD = Duration.ofMillis(150);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);
    static final String MODEM_NAME = "bench";
    static final AtCommand ATI = AtCommand.of("ATI").expectingAnyInfo();
    static final AtCommand CSQ = AtCommand.of("AT+CSQ").expecting("+CSQ:");

    final EmulatorLinks links = new EmulatorLinks();
    final AtomicInteger opens = new AtomicInteger();
    final List<Urc> urcs = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();
    ModemEmulator modem;
    AtEngine engine;
    /** The link the engine opened last. */
    volatile ReaderProgressLink link;

    @BeforeAll
    static void pollOften() {
        Awaitility.setDefaultPollInterval(Duration.ofMillis(5));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }

    /** @return emulator settings with the short guard time; tests add what they need */
    static EmulatorSettings.Builder emulatorSettings() {
        return EmulatorSettings.builder().guardTime(MODEM_GUARD);
    }

    /** @return engine settings with short timings, opening the emulator through {@link #opener()} */
    AtEngineSettings.Builder engineSettings() {
        return engineSettings("scenario", opener());
    }

    /**
     * @param name the engine's name
     * @param opener opens its link
     * @return engine settings with the short timings of these scenarios
     */
    static AtEngineSettings.Builder engineSettings(String name, LinkOpener opener) {
        return AtEngineSettings.builder(name, opener)
                .commandTimeout(COMMAND_TIMEOUT)
                .guardTime(ENGINE_GUARD)
                .probeTimeout(Duration.ofMillis(150))
                .settleTime(Duration.ofMillis(30))
                .trailingOkLinger(Duration.ofMillis(40))
                .bootUrcWindow(Duration.ofMillis(500))
                .reopenBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .syncAttempts(12);
    }

    /** @return opens {@code emulator:bench} afresh each time, counting the opens */
    LinkOpener opener() {
        return () -> {
            opens.incrementAndGet();
            ReaderProgressLink opened = new ReaderProgressLink(
                    links.open(URI.create(EmulatorLinks.SCHEME + ":" + MODEM_NAME), PortSettings.DEFAULT));
            link = opened;
            return opened;
        };
    }

    /** Makes the module and registers it as {@code emulator:bench}. */
    ModemEmulator startModem(EmulatorSettings settings) {
        modem = ModemEmulator.create(settings);
        links.register(MODEM_NAME, modem);
        return modem;
    }

    ModemEmulator startModem() {
        return startModem(emulatorSettings().build());
    }

    /** Starts an engine with these settings and waits until it is ready in epoch 1. */
    AtEngine startEngine(AtEngineSettings.Builder settings) {
        engine = new AtEngine(settings.build());
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
                events.add("link lost " + reason);
            }
        });
        engine.start();
        awaitReadyIn(1);
        return engine;
    }

    AtEngine startEngine() {
        return startEngine(engineSettings());
    }

    void awaitReadyIn(long epoch) {
        await("engine ready in epoch " + epoch).atMost(WAIT)
                .until(() -> engine.epoch() >= epoch && engine.state() == EngineState.READY);
        assertThat(engine.epoch()).isEqualTo(epoch);
    }

    @AfterEach
    void stopEngineAndModem() {
        if (engine != null) {
            engine.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    static AtException failure(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> result(stage));
        assertThat(thrown).as("the stage should have failed").isNotNull();
        return AtException.from(thrown);
    }

    /** Sends a command and returns its response, failing the test if it fails. */
    AtResponse send(AtCommand command) throws Exception {
        return result(engine.send(command));
    }

    /** Checks that {@code ATI} gets exactly the module's identity: nothing stale, no echo, no noise. */
    void assertIdentityAnswersCleanly() throws Exception {
        AtResponse identity = send(ATI);
        assertThat(identity.infoLines()).extracting(l -> l.line())
                .containsExactlyElementsOf(modem.settings().identity());
        assertThat(identity.isOk()).isTrue();
    }

    /** @return the lines the module sent to the host, as text, oldest first */
    List<String> modemSent() {
        return modem.transcript().lines().stream()
                .filter(l -> l.direction() == TranscriptLine.Direction.MODEM_TO_HOST)
                .map(TranscriptLine::text).toList();
    }

    /** @return every line of the module's transcript as {@code "<< text"} / {@code ">> text"}, oldest first */
    List<String> modemLog() {
        return modem.transcript().lines().stream()
                .map(l -> l.direction().symbol() + " " + l.text()).toList();
    }
}
