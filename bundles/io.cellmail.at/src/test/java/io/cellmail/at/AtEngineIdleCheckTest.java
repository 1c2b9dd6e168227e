/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * After a long idle time the engine sends a plain {@code AT}: a link or module that died quietly is found then, not
 * when an alarm needs it; and the check takes nothing from the drivers.
 */
class AtEngineIdleCheckTest extends EngineTestSupport {

    private static final Duration IDLE = Duration.ofMillis(150);

    @Test
    void shouldCheckAnIdleLinkWithAPlainAtThatIsNoCallersCommand() {
        startEngine(settings().idleCheck(IDLE));

        await().atMost(WAIT).until(() -> commandsAfterInit().contains("AT"));

        assertThat(engine.counters().commands()).isZero();
        assertThat(engine.counters().timeouts()).isZero();
        assertThat(engine.epoch()).isEqualTo(1);
        assertThat(engine.state()).isEqualTo(EngineState.READY);
    }

    @Test
    void shouldFindAModemThatStoppedAnsweringWhileNothingWasSent() {
        startEngine(settings().idleCheck(IDLE).commandTimeout(Duration.ofMillis(200)));

        modem.on("AT").silently();

        // the idle check times out, the resynchronisation finds no answer either, and the port is reopened
        await().atMost(WAIT).until(() -> engine.counters().timeouts() >= 1 && modem.opens() >= 2);
        assertThat(engine.state()).isNotEqualTo(EngineState.READY);
    }

    @Test
    void shouldPassALateResultThatArrivesDuringTheIdleCheckToTheUrcListeners() {
        startEngine(settings().idleCheck(IDLE));

        // a PUT the host stopped waiting for answers just as the idle check runs
        modem.on("AT").reply("+QSMTPPUT: 0", "OK").once();

        await().atMost(WAIT).until(() -> urcs.stream().anyMatch(u -> u.line().equals("+QSMTPPUT: 0")));
        assertThat(engine.counters().resyncs()).isZero();
        assertThat(engine.counters().timeouts()).isZero();
    }

    @Test
    void shouldNotCheckWhileCommandsKeepTheLinkBusy() throws Exception {
        modem.on("AT+CSQ").reply("+CSQ: 20,0", "OK");
        startEngine(settings().idleCheck(Duration.ofMillis(400)));

        // a driver polling every 50 ms, for three idle times
        long deadline = System.nanoTime() + Duration.ofMillis(1200).toNanos();
        while (System.nanoTime() < deadline) {
            result(engine.send(AtCommand.of("AT+CSQ").expecting("+CSQ:")));
            Thread.sleep(50);
        }

        assertThat(commandsAfterInit()).containsOnly("AT+CSQ");
    }
}
