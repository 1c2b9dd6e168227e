/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Power-on (boot URCs, echo on, autobaud) and reboots: state cleared, echo back on, work in progress aborted. */
class BootAndRebootTest {

    private final RecordingRelay relay = new RecordingRelay();
    private ModemEmulator modem;
    private HostConsole host;

    @AfterEach
    void stop() throws InterruptedException {
        relay.release();
        host.close();
        modem.close();
    }

    private void start(EmulatorSettings settings) {
        modem = new ModemEmulator(settings, relay);
        host = HostConsole.connect(modem);
    }

    @Test
    void shouldAnnounceTheBootAndEchoCommands() {
        start(EmulatorSettings.defaults());

        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("AT")).containsExactly("AT", "OK");
        assertThat(host.rawText()).isEqualTo("\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n"
                + "AT\r\r\nOK\r\n");
    }

    @Test
    void shouldBootSilentlyWithoutBootUrcs() {
        start(EmulatorSettings.builder().bootUrcs(false).build());

        assertThat(host.command("AT")).containsExactly("AT", "OK");
        assertThat(host.rawText()).startsWith("AT\r");
    }

    @Test
    void shouldStaySilentUntilItSeesAtWhenAutobauding() {
        start(EmulatorSettings.builder().autobaud(true).build());

        host.write("\u0000UUgarbage\r");
        assertThat(host.command("AT")).containsExactly("AT", "OK");
        assertThat(host.rawText()).isEqualTo("AT\r\r\nOK\r\n");
        assertThat(host.command("AT+IPR?")).containsExactly("AT+IPR?", "+IPR: 0", "OK");
    }

    @Test
    void shouldClearVolatileStateAndTurnEchoBackOnWhenRebooted() {
        startQuiet();
        assertThat(host.command("AT+CMEE=1")).containsExactly("OK");
        assertThat(host.command("AT+QSMTPUSER=\"quectel\"")).containsExactly("OK");
        assertThat(host.command("AT+QSMTPCFG=1,0")).containsExactly("OK");
        host.command("AT+QSMTPDST=1,1,\"to@example.com\"");
        host.expectLines("+QSMTPDST:0");

        modem.faults().reboot();

        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("AT+QSMTPUSER?")).containsExactly("AT+QSMTPUSER?", "+QSMTPUSER: \"\"", "OK");
        assertThat(host.command("AT+QSMTPDST?")).containsExactly("AT+QSMTPDST?", "OK");
        assertThat(host.command("AT+QSMTPCFG=1")).containsExactly("AT+QSMTPCFG=1", "+QSMTPCFG:1", "OK");
        assertThat(host.command("AT+CMEE?")).containsExactly("AT+CMEE?", "+CMEE: 0", "OK");
    }

    @Test
    void shouldAbortAMailInFlightWhenRebooted() throws InterruptedException {
        startQuiet();
        configureMail();
        relay.holding();
        assertThat(host.command("AT+QSMTPPUT")).containsExactly("OK");
        assertThat(relay.awaitTransaction()).isTrue();

        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        relay.release();

        assertThat(host.command("ATE0")).containsExactly("ATE0", "OK");
        configureMail();
        assertThat(host.command("AT+QSMTPPUT")).containsExactly("OK");
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT:0");
        assertThat(modem.transcript().lines()).filteredOn(line -> line.text().startsWith("+QSMTPPUT"))
                .as("the aborted mail never got a result").hasSize(1);
    }

    @Test
    void shouldAbortAnUploadWhenRebooted() {
        startQuiet();
        assertThat(host.command("AT+QSMTPBODY=0")).containsExactly("OK");
        host.expectLines("CONNECT");

        modem.faults().reboot();

        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("AT")).as("back in command mode").containsExactly("AT", "OK");
    }

    @Test
    void shouldRebootInsteadOfAnsweringTheNamedCommand() {
        startQuiet();
        modem.faults().apply("reboot-on=AT+CSQ");

        host.write("AT+CSQ\r");

        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("AT+CSQ")).as("one-shot").containsExactly("AT+CSQ", "+CSQ: 20,0", "OK");
    }

    @Test
    void shouldRebootAfterTheOkOfAPutWithoutItsResult() {
        startQuiet();
        configureMail();
        modem.faults().apply("reboot-after=AT+QSMTPPUT");

        assertThat(host.command("AT+QSMTPPUT")).containsExactly("OK");

        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("AT")).containsExactly("AT", "OK");
        assertThat(host.rawText()).doesNotContain("+QSMTPPUT:");
    }

    private void startQuiet() {
        start(EmulatorSettings.builder().bootUrcs(true).build());
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("ATE0")).containsExactly("ATE0", "OK");
    }

    private void configureMail() {
        assertThat(host.command("AT+QSMTPSRV=\"smtp.163.com\",25")).containsExactly("OK");
        host.command("AT+QSMTPDST=1,1,\"to@example.com\"");
        host.expectLines("+QSMTPDST:0");
    }
}
