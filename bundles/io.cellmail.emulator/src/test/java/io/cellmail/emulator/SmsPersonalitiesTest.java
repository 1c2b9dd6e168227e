/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which personality has {@code AT+QCMGS}: the EG25-G and the BG95, not the M95; all send with {@code AT+CMGS}. */
class SmsPersonalitiesTest {

    @Test
    void shouldLeaveQcmgsOutOnTheM95() throws Exception {
        try (ModemEmulator m95 = new ModemEmulator(EmulatorSettings.defaults(), new RecordingRelay());
                HostConsole host = HostConsole.connectQuiet(m95)) {
            assertThat(host.command("AT+CMGF=1")).containsExactly("OK");
            assertThat(host.command("AT+QCMGS=\"+491701234567\",1,1,2")).containsExactly("ERROR");
            assertThat(host.command("AT+CMGS=?")).containsExactly("OK");
        }
    }

    @Test
    void shouldSendConcatenatedTextOnTheBg95() throws Exception {
        EmulatorSettings bg95 = EmulatorSettings.builder().personality(Personality.BG95).build();
        try (ModemEmulator modem = new ModemEmulator(bg95, new RecordingRelay());
                HostConsole host = HostConsole.connectQuiet(modem)) {
            assertThat(host.command("AT+CMGF=1")).containsExactly("OK");
            assertThat(host.command("AT+QCMGS=?")).containsExactly("OK");
            for (int part = 1; part <= 2; part++) {
                int mark = host.rawLength();
                host.write("AT+QCMGS=\"+491701234567\",77," + part + ",2\r");
                host.awaitRaw(mark, "> ");
                host.write("part " + part + "\u001a");
                assertThat(host.untilFinal()).containsExactly("> ", "+QCMGS: " + (part - 1), "OK");
            }
            assertThat(modem.smsCentre().delivered()).singleElement()
                    .satisfies(sms -> assertThat(sms.text()).isEqualTo("part 1part 2"));
        }
    }
}
