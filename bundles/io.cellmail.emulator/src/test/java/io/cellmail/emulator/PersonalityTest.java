/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The personality setting: which module answers, its identity, its boot URCs and its command set. */
class PersonalityTest {

    private static List<String> answer(Personality personality, String command) throws InterruptedException {
        try (ModemEmulator modem = new ModemEmulator(EmulatorSettings.builder().personality(personality).build(),
                new RecordingRelay())) {
            HostConsole host = HostConsole.connectQuiet(modem);
            try {
                return host.command(command);
            } finally {
                host.close();
            }
        }
    }

    @Test
    void shouldBeAnM95ByDefault() {
        assertThat(EmulatorSettings.defaults().personality()).isEqualTo(Personality.M95);
        assertThat(EmulatorSettings.defaults().identity()).containsExactly("Quectel_Ltd", "Quectel_M95",
                "Revision: M95FAR02A08");
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            M95   | ATI         | Quectel_Ltd ~ Quectel_M95 ~ Revision: M95FAR02A08 ~ OK
            M95   | AT+CGMM     | ERROR
            M95   | AT+GMR      | ERROR
            M95   | AT+QIACT?   | ERROR
            M95   | AT+QFLST    | ERROR
            EG25G | ATI         | Quectel ~ EG25 ~ Revision: EG25GGBR07A08M2G ~ OK
            EG25G | AT+CGMM     | EG25 ~ OK
            EG25G | AT+GMR      | EG25GGBR07A08M2G ~ OK
            EG25G | AT+CGMM=?   | OK
            EG25G | AT+CGMM?    | ERROR
            EG25G | AT+GMR=1    | ERROR
            EG25G | AT+QIFGCNT? | ERROR
            EG25G | AT+QSMTPSRV="smtp.example.com",25 | ERROR
            EG25G | AT+QSMTPUSER="u" | ERROR
            BG95  | ATI         | Quectel ~ BG95-M3 ~ Revision: BG95M3LAR02A03 ~ OK
            BG95  | AT+CGMM     | BG95-M3 ~ OK
            BG95  | AT+QSMTPCFG=? | ERROR
            BG95  | AT+QSMTPCFG="contextid",1 | ERROR
            BG95  | AT+QSMTPPUT=300 | ERROR
            BG95  | AT+QICSGP=1,1,"internet","","",0 | OK
            """)
    void shouldAnswerAsTheModuleDoes(Personality personality, String command, String answer)
            throws InterruptedException {
        assertThat(answer(personality, command)).containsExactlyElementsOf(ModemTestSupport.lines(answer));
    }

    @Test
    void shouldAnnounceAnLteBootWithoutCallReady() throws InterruptedException {
        try (ModemEmulator modem = new ModemEmulator(
                EmulatorSettings.builder().personality(Personality.EG25G).build(), new RecordingRelay())) {
            HostConsole host = HostConsole.connect(modem);
            host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE");
            host.close();
        }
    }

    @Test
    void shouldKeepAGivenIdentityAndFollowThePersonalityOtherwise() {
        EmulatorSettings lte = EmulatorSettings.builder().personality(Personality.EG25G).build();
        assertThat(lte.toBuilder().personality(Personality.BG95).build().identity())
                .isEqualTo(Personality.BG95.identity());
        EmulatorSettings custom = EmulatorSettings.builder().identity(List.of("X")).build();
        assertThat(custom.toBuilder().personality(Personality.EG25G).build().identity()).containsExactly("X");
    }

    @Test
    void shouldNamePersonalitiesAsTheOptionsDo() {
        assertThat(Personality.of("eg25-g")).isEqualTo(Personality.EG25G);
        assertThat(Personality.of(" BG95 ")).isEqualTo(Personality.BG95);
        assertThatThrownBy(() -> Personality.of("ec21")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m95, eg25g or bg95");
    }
}
