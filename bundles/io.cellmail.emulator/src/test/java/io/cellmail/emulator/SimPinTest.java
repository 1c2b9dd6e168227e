/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A SIM with a PIN, as 27.007 {@code AT+CPIN} and an M95 show it: {@code +CPIN: SIM PIN} at boot and on
 * {@code AT+CPIN?}, {@code OK} then {@code +CPIN: READY} and {@code Call Ready} for the right PIN,
 * {@code +CME ERROR: 16} for a wrong one, {@code SIM PUK} after three wrong ones (counted across reboots), and no
 * network until the SIM is unlocked.
 */
class SimPinTest {

    private final RecordingRelay relay = new RecordingRelay();
    private ModemEmulator modem;
    private HostConsole host;

    @AfterEach
    void stop() throws InterruptedException {
        relay.release();
        host.close();
        modem.close();
    }

    private void start() {
        modem = new ModemEmulator(EmulatorSettings.builder().simPin("4711").build(), relay);
        host = HostConsole.connect(modem);
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: SIM PIN");
        assertThat(host.command("ATE0;+CMEE=1")).containsExactly("ATE0;+CMEE=1", "OK");
    }

    @Test
    void shouldAskForThePinAndUnlockWithIt() {
        start();
        assertThat(host.command("AT+CPIN?")).containsExactly("+CPIN: SIM PIN", "OK");
        assertThat(host.command("AT+CREG?")).as("no network before the PIN").containsExactly("+CREG: 0,0", "OK");
        assertThat(host.command("AT+CGATT=1")).containsExactly("+CME ERROR: 11");

        assertThat(host.command("AT+CPIN=\"4711\"")).containsExactly("OK");
        host.expectLines("+CPIN: READY", "Call Ready");

        assertThat(host.command("AT+CPIN?")).containsExactly("+CPIN: READY", "OK");
        assertThat(host.command("AT+CREG?")).containsExactly("+CREG: 0,1", "OK");
        assertThat(host.command("AT+CPIN=\"4711\"")).as("nothing to enter").containsExactly("+CME ERROR: 3");
        assertThat(modem.transcript().commands()).contains("AT+CPIN=\"****\"").noneMatch(c -> c.contains("4711"));
    }

    @Test
    void shouldBlockTheSimAfterThreeWrongPinsEvenAcrossReboots() {
        start();
        assertThat(host.command("AT+CPIN=\"0000\"")).containsExactly("+CME ERROR: 16");
        assertThat(host.command("AT+CPIN=\"1111\"")).containsExactly("+CME ERROR: 16");
        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: SIM PIN");
        assertThat(host.command("ATE0;+CMEE=1")).containsExactly("ATE0;+CMEE=1", "OK");

        assertThat(host.command("AT+CPIN=\"2222\"")).containsExactly("+CME ERROR: 16");

        assertThat(host.command("AT+CPIN?")).containsExactly("+CPIN: SIM PUK", "OK");
        assertThat(host.command("AT+CPIN=\"4711\"")).as("even the right PIN").containsExactly("+CME ERROR: 12");
        assertThat(host.command("AT+CGATT=1")).containsExactly("+CME ERROR: 12");
        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: SIM PUK");
    }

    @Test
    void shouldCountThePinTriesLeftOnTheCardAcrossRebootsAndGiveThemBackWithTheRightPin() {
        start();
        assertThat(host.command("AT+QTRPIN")).containsExactly("+QTRPIN: 3,3,10,10", "OK");
        assertThat(host.command("AT+CPIN=\"0000\"")).containsExactly("+CME ERROR: 16");
        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: SIM PIN");
        assertThat(host.command("ATE0;+CMEE=1")).containsExactly("ATE0;+CMEE=1", "OK");

        assertThat(host.command("AT+QTRPIN")).containsExactly("+QTRPIN: 2,3,10,10", "OK");
        assertThat(host.command("AT+CPIN=\"4711\"")).containsExactly("OK");
        host.expectLines("+CPIN: READY", "Call Ready");
        assertThat(host.command("AT+QTRPIN")).containsExactly("+QTRPIN: 3,3,10,10", "OK");
    }

    @Test
    void shouldUnblockWithThePukAndANewPin() {
        start();
        for (String wrong : new String[] {"1", "2", "3"}) {
            assertThat(host.command("AT+CPIN=\"000" + wrong + "\"")).containsExactly("+CME ERROR: 16");
        }

        assertThat(host.command("AT+CPIN=\"87654321\",\"1234\"")).containsExactly("+CME ERROR: 16");
        assertThat(host.command("AT+CPIN=\"" + EmulatorSettings.DEFAULT_SIM_PUK + "\",\"1234\""))
                .containsExactly("OK");
        host.expectLines("+CPIN: READY", "Call Ready");
        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: SIM PIN");
        assertThat(host.command("ATE0;+CMEE=1")).containsExactly("ATE0;+CMEE=1", "OK");
        assertThat(host.command("AT+CPIN=\"1234\"")).as("the new PIN").containsExactly("OK");
        assertThat(modem.transcript().commands()).noneMatch(c -> c.contains("1234") || c.contains("87654321"));
    }

    @Test
    void shouldAskForThePinAgainAfterASilentReboot() {
        start();
        assertThat(host.command("AT+CPIN=\"4711\"")).containsExactly("OK");
        host.expectLines("+CPIN: READY", "Call Ready");

        modem.faults().silentReboot();

        assertThat(host.command("AT+CPIN?")).containsExactly("+CPIN: SIM PIN", "OK");
    }
}
