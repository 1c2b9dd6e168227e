/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cellmail.at.EngineState;
import io.cellmail.emulator.TranscriptLine;

/** Getting from a powered-on module to READY: with boot URCs, and autobauding (silent until it sees AT). */
class StartupScenarioTest extends ScenarioSupport {

    @Test
    void shouldSyncWithAnAutobaudingModemThatStaysSilentUntilAt() throws Exception {
        startModem(emulatorSettings().autobaud(true).build());

        startEngine();

        assertThat(engine.state()).isEqualTo(EngineState.READY);
        List<String> log = modemLog();
        assertThat(log).as("no boot URCs from an autobauding module").noneMatch(l -> l.equals(">> RDY"));
        assertThat(modem.transcript().lines()).first().satisfies(first -> {
            assertThat(first.direction()).isEqualTo(TranscriptLine.Direction.HOST_TO_MODEM);
            assertThat(first.text()).isEqualTo("AT");
        });
        assertThat(engine.counters().reboots()).isZero();
        assertIdentityAnswersCleanly();
    }

    @Test
    void shouldInitialiseAModemThatAnnouncesItsBootWithoutCountingItAsAReboot() throws Exception {
        startModem();

        startEngine();

        assertThat(modemSent()).contains("RDY", "Call Ready");
        assertThat(modem.transcript().commands()).containsSubsequence("ATV1", "ATE0", "AT+CMEE=1", "AT+CMEE?");
        assertThat(engine.counters().reboots()).as("the boot the engine saw at open is not a reboot").isZero();
        assertThat(events).containsExactly("ready 1");
        assertIdentityAnswersCleanly();
    }
}
