/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

import io.cellmail.serial.PortSettings.FlowControl;
import io.cellmail.serial.PortSettings.Parity;
import io.cellmail.serial.PortSettings.StopBits;
import io.cellmail.serial.SerialLinkException.Reason;

class PortSettingsTest {

    @ParameterizedTest
    @NullAndEmptySource
    void shouldUseTheDefaultsWithoutAQuery(String query) throws SerialLinkException {
        assertThat(PortSettings.parse(query)).isEqualTo(PortSettings.DEFAULT);
    }

    static Stream<Arguments> validQueries() {
        return Stream.of(
                Arguments.of("baud=9600", new PortSettings(9600, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE)),
                Arguments.of("baud=115200&flow=rtscts",
                        new PortSettings(115200, 8, Parity.NONE, StopBits.ONE, FlowControl.RTS_CTS)),
                Arguments.of("data=7&parity=even&stop=2",
                        new PortSettings(115200, 7, Parity.EVEN, StopBits.TWO, FlowControl.NONE)),
                Arguments.of("data=5&parity=odd&stop=1.5&flow=xonxoff",
                        new PortSettings(115200, 5, Parity.ODD, StopBits.ONE_AND_HALF, FlowControl.XON_XOFF)),
                Arguments.of("parity=mark", new PortSettings(115200, 8, Parity.MARK, StopBits.ONE, FlowControl.NONE)),
                Arguments.of("parity=space&data=6",
                        new PortSettings(115200, 6, Parity.SPACE, StopBits.ONE, FlowControl.NONE)),
                Arguments.of("flow=RTSCTS&parity=None", // values are case-insensitive
                        new PortSettings(115200, 8, Parity.NONE, StopBits.ONE, FlowControl.RTS_CTS)),
                Arguments.of("FLOW=rtscts&Baud=9600", // keys too, as the mail service reads a port's query
                        new PortSettings(9600, 8, Parity.NONE, StopBits.ONE, FlowControl.RTS_CTS)),
                Arguments.of("baud=4800&", new PortSettings(4800, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE)),
                Arguments.of("stop=1&flow=none&data=8&parity=none&baud=921600",
                        new PortSettings(921600, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE)));
    }

    @ParameterizedTest
    @MethodSource("validQueries")
    void shouldParseEverySpelledSetting(String query, PortSettings expected) throws SerialLinkException {
        assertThat(PortSettings.parse(query)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("validQueries")
    void shouldReadItsOwnQueryBack(String query, PortSettings settings) throws SerialLinkException {
        assertThat(PortSettings.parse(settings.toQuery())).isEqualTo(settings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bauds=9600            | 'bauds'  | baud, data, parity, stop, flow
            baud=fast             | 'baud'   | positive whole number
            baud=0                | 'baud'   | positive whole number
            baud=-9600            | 'baud'   | positive whole number
            baud=99999999999      | 'baud'   | positive whole number
            baud=                 | 'baud'   | positive whole number
            baud                  | 'baud'   | positive whole number
            data=9                | 'data'   | 5, 6, 7, 8
            data=4                | 'data'   | 5, 6, 7, 8
            parity=n              | 'parity' | none, odd, even, mark, space
            stop=3                | 'stop'   | 1, 1.5, 2
            stop=one              | 'stop'   | 1, 1.5, 2
            flow=hardware         | 'flow'   | none, rtscts, xonxoff
            flow=rts/cts          | 'flow'   | none, rtscts, xonxoff
            baud=9600&baud=19200  | 'baud'   | more than once
            """)
    void shouldRejectABadSettingNamingTheKeyAndTheAllowedValues(String query, String key, String allowed) {
        assertThatThrownBy(() -> PortSettings.parse(query))
                .isInstanceOfSatisfying(SerialLinkException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_URI))
                .hasMessageContaining(key)
                .hasMessageContaining(allowed);
    }

    @ParameterizedTest
    @CsvSource({
            "baud=115200&data=8&parity=none&stop=1&flow=none, 11520.0",
            "baud=9600&data=8&parity=even&stop=1&flow=none, 872.7272727272727",
            "baud=9600&data=7&parity=none&stop=2&flow=none, 960.0"})
    void shouldCountStartParityAndStopBitsInTheLineSpeed(String query, double bytesPerSecond) throws SerialLinkException {
        assertThat(PortSettings.parse(query).bytesPerSecond()).isEqualTo(bytesPerSecond);
    }
}
