/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleTextTest {

    @ParameterizedTest(name = "rssi {0}")
    @CsvSource(delimiter = '|', value = {
        "0  | 0/31 (<= -113 dBm)",
        "1  | 1/31 (-111 dBm)",
        "20 | 20/31 (-73 dBm)",
        "31 | 31/31 (>= -51 dBm)",
    })
    void shouldShowTheRssiWithItsDbmAsTheManualDefinesThem(int rssi, String shown) {
        assertThat(ConsoleText.signal(OptionalInt.of(rssi))).isEqualTo(shown);
    }

    @Test
    void shouldShowAnUnknownSignalAsUnknown() {
        assertThat(ConsoleText.signal(OptionalInt.empty())).isEqualTo("unknown");
    }
}
