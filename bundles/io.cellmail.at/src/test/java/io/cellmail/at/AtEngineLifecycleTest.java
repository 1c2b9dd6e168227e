/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

/** Bring-up, initialisation options, states and shutdown. */
class AtEngineLifecycleTest extends EngineTestSupport {

    @Test
    void shouldInitialiseBeforeRunningACommandSentBeforeStart() throws Exception {
        // The exact command list is the point: a generous probe timeout keeps a loaded machine from adding probes.
        engine = new AtEngine(settings().probeTimeout(Duration.ofSeconds(2)).build());
        engine.addModemListener(new ModemListener() {
            @Override
            public void onReady(long epoch) {
                events.add("ready " + epoch);
            }
        });
        CompletionStage<AtResponse> early = engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:"));
        modem.on("AT+CSQ").reply("+CSQ: 31,0", "OK");

        engine.start();

        assertThat(result(early).firstInfo("+CSQ:").orElseThrow().intField(0)).isEqualTo(31);
        assertThat(modem.commands()).containsExactly("AT", "ATV1", "ATE0", "AT+CMEE=1", "AT+CMEE?", "AT+CSQ");
        assertThat(engine.epoch()).isEqualTo(1);
        await().atMost(WAIT).until(() -> events.contains("ready 1"));
    }

    @Test
    void shouldPassThroughTheLifecycleStates() {
        List<EngineState> states = new CopyOnWriteArrayList<>();
        engine = new AtEngine(settings().build());
        engine.addModemListener(new ModemListener() {
            @Override
            public void onStateChanged(EngineState state) {
                states.add(state);
            }
        });
        assertThat(engine.state()).isEqualTo(EngineState.STARTING);

        engine.start();
        awaitEpoch(1);
        engine.close();

        await().atMost(WAIT).until(() -> states.contains(EngineState.CLOSED));
        assertThat(states).containsExactly(EngineState.SYNCING, EngineState.READY, EngineState.CLOSED);
    }

    @Test
    void shouldFixTheBaudRateAndFlowControlOnlyWhereTheyDiffer() {
        modem.on("AT+IPR?").reply("+IPR: 0", "OK");
        modem.on("AT+IPR=115200;&W").reply("OK");
        modem.on("AT+IFC?").reply("+IFC: 2,2", "OK");

        startEngine(settings().init(new AtEngineSettings.InitOptions(true, true)));

        assertThat(modem.commands()).containsSubsequence("AT+CMEE?", "AT+IPR?", "AT+IPR=115200;&W", "AT+IFC?")
                .doesNotContain("AT+IFC=2,2;&W");
    }

    @Test
    void shouldKeepProbingAModemThatStaysSilentUntilItSeesAt() {
        modem.on("AT").silently().once();
        modem.on("AT").silently().once();

        startEngine();

        assertThat(modem.commands()).startsWith("AT", "AT", "AT", "ATV1");
    }

    @Test
    void shouldEscapeAModemLeftInDataModeByAnEarlierHost() {
        modem.enterDataMode(new ScriptedModem.Rule());

        startEngine();

        assertThat(modem.escapesInDataMode()).isEqualTo(1);
        assertThat(modem.commands()).contains("ATV1");
    }

    @Test
    void shouldReopenWhenEchoStaysOnAfterAte0() {
        modem.on("ATE0").reply("OK");
        engine = new AtEngine(settings().build());

        engine.start();

        await().atMost(WAIT).until(() -> modem.opens() >= 2);
        assertThat(engine.epoch()).isZero();
        assertThat(engine.transcript().toString()).contains("echo is still on after ATE0");
    }

    @Test
    void shouldLeaveNoThreadRunningAfterClose() throws Exception {
        startEngine();
        result(engine.send(AtCommand.of("AT")));
        assertThat(engineThreads()).isNotEmpty();

        engine.close();
        engine.close();

        await().atMost(WAIT).until(() -> engineThreads().isEmpty());
    }

    @Test
    void shouldCloseAnEngineThatNeverStarted() {
        engine = new AtEngine(settings().build());
        CompletionStage<AtResponse> pending = engine.send(AtCommand.of("AT"));

        engine.close();

        assertThat(failure(pending).kind()).isEqualTo(AtException.Kind.CLOSED);
        await().atMost(WAIT).until(() -> engineThreads().isEmpty());
        assertThat(modem.opens()).isZero();
    }

    @Test
    void shouldNameItsThreadsAfterTheEngine() throws Exception {
        startEngine(settings());
        result(engine.send(AtCommand.of("AT")));

        assertThat(engineThreads()).contains("cellmail-at-reader-test", "cellmail-at-writer-test",
                "cellmail-at-engine-test", "cellmail-at-notify-test");
    }

    @Test
    void shouldNotOpenTheLinkAgainAfterClose() {
        startEngine(settings().reopenBackoff(Duration.ofMillis(1), Duration.ofMillis(2)));

        engine.close();
        modem.dropLink();

        assertThat(modem.opens()).isEqualTo(1);
        assertThat(engine.state()).isEqualTo(EngineState.CLOSED);
    }

    private static List<String> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("cellmail-at-")).toList();
    }
}
