/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The radio state comes from the settings: no SIM, roaming, searching, detached, weak signal. */
class RadioStateTest {

    private final RecordingRelay relay = new RecordingRelay();
    private ModemEmulator modem;
    private HostConsole host;

    @AfterEach
    void stop() throws InterruptedException {
        host.close();
        modem.close();
    }

    private void start(EmulatorSettings settings) {
        modem = new ModemEmulator(settings, relay);
        host = HostConsole.connect(modem);
    }

    @ParameterizedTest(name = "AT+CMEE={0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            0 | ERROR
            1 | +CME ERROR: 10
            2 | +CME ERROR: SIM not inserted
            """)
    void shouldReportAMissingSimAsCmeErrorAccordingToCmee(int mode, String answer) {
        start(EmulatorSettings.builder().simReady(false).build());
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: NOT INSERTED");
        assertThat(host.command("ATE0;+CMEE=" + mode)).containsExactly("ATE0;+CMEE=" + mode, "OK");

        assertThat(host.command("AT+CPIN?")).containsExactly(answer);
    }

    @Test
    void shouldReportRegistrationAttachmentAndSignalFromTheSettings() {
        start(EmulatorSettings.builder().registration(5).attached(0).signal(7).bootUrcs(false).build());
        assertThat(host.command("ATE0")).containsExactly("ATE0", "OK");

        assertThat(host.command("AT+CREG?")).containsExactly("+CREG: 0,5", "OK");
        assertThat(host.command("AT+CGATT?")).containsExactly("+CGATT: 0", "OK");
        assertThat(host.command("AT+CSQ")).containsExactly("+CSQ: 7,0", "OK");
    }

    @Test
    void shouldRefuseToSendWithoutNetworkWithMinus5() {
        start(EmulatorSettings.builder().registration(2).bootUrcs(false).build());
        for (String command : List.of("ATE0", "AT+QSMTPSRV=\"smtp.163.com\",25")) {
            assertThat(host.command(command)).endsWith("OK");
        }
        host.command("AT+QSMTPDST=1,1,\"to@example.com\"");
        assertThat(host.nextLine()).isEqualTo("+QSMTPDST:0");

        assertThat(host.command("AT+QSMTPPUT")).containsExactly("OK");
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT:-5");
        assertThat(host.command("AT+CGATT=1")).containsExactly("ERROR");
        assertThat(relay.mails).isEmpty();
    }
}
