/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;
import io.cellmail.at.Urc;

/** Lines that are not a command's reply — URCs inside a reply, line noise — never reach that reply. */
class ReplyRoutingScenarioTest extends ScenarioSupport {

    @Test
    void shouldRouteAUrcBetweenInfoLineAndOkToTheListenersAndKeepTheReplyClean() throws Exception {
        startModem();
        startEngine();
        modem.faults().urcInReply("AT+CSQ", "+CREG: 1");

        AtResponse csq = send(CSQ);

        assertThat(csq.infoLines()).extracting(InfoLine::line).singleElement()
                .satisfies(line -> assertThat(line).startsWith("+CSQ: 20,"));
        assertThat(csq.finalLine()).isEqualTo("OK");
        await().atMost(WAIT).until(() -> urcs.contains(new Urc("+CREG:", "+CREG: 1")));
        // the fault really put the URC inside the reply, not after it
        assertThat(modemSent()).containsSubsequence(csq.infoLines().get(0).line(), "+CREG: 1", "OK");
    }

    static Stream<Arguments> noise() {
        return Stream.of(
                Arguments.of("the emulator's default garbage, no line end", bytes(0xff, 0xfe, '#', '@', '!')),
                Arguments.of("a whole line of noise", bytes('\r', '\n', 0xff, 0xfe, '#', '@', '!', '\r', '\n')),
                Arguments.of("invalid UTF-8 and a NUL, no line end", bytes(0xc3, 0x28, 0x00, 0x80, 'j', 'u', 'n', 'k')),
                Arguments.of("a stray final without line end", bytes('O', 'K')),
                Arguments.of("sixteen NUL bytes", new byte[16]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("noise")
    void shouldAnswerTheNextCommandCleanlyAfterNoiseOnTheLine(String description, byte[] noise) throws Exception {
        startModem();
        startEngine();
        long epoch = engine.epoch();
        long before = link.taken();

        modem.faults().garbage(noise);
        // the engine has taken the noise in before the command goes out: it is noise, not a late reply
        await("noise taken in").atMost(WAIT).until(() -> link.readerHandedOver(before + noise.length));

        assertIdentityAnswersCleanly();
        assertThat(send(CSQ).infoLines()).extracting(InfoLine::line).singleElement()
                .satisfies(line -> assertThat(line).startsWith("+CSQ:"));
        assertThat(engine.epoch()).as("noise is not a reboot").isEqualTo(epoch);
        assertThat(engine.counters().timeouts()).isZero();
    }

    @Test
    void shouldAnswerTheNextCommandCleanlyAfterANulByte() throws Exception {
        startModem();
        startEngine();
        long before = link.taken();

        modem.faults().nul();
        await("NUL taken in").atMost(WAIT).until(() -> link.readerHandedOver(before + 1));

        assertIdentityAnswersCleanly();
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}
