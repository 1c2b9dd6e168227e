/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AtCommandTest {

    @ParameterizedTest(name = "control character {0}")
    @ValueSource(ints = {0x0D, 0x0A, 0x00, 0x1A, 0x1B, 0x08, 0x7F, 0x85})
    void shouldRejectControlCharactersSoAValueCannotEndTheCommand(int control) {
        String injected = "AT+QSMTPSUB=0,\"hi" + (char) control + "AT+QSMTPCLR\"";

        assertThatThrownBy(() -> AtCommand.of(injected))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("QSMTPCLR");
    }

    @Test
    void shouldNotEchoTheRejectedValueInTheMessage() {
        assertThatThrownBy(() -> AtCommand.of("AT+QSMTPPWD=\"hunter2\r\""))
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "+CSQ", "CSQ", " AT"})
    void shouldRequireTheAtPrefix(String text) {
        assertThatThrownBy(() -> AtCommand.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectControlCharactersInPrefixesAndFinals() {
        assertThatThrownBy(() -> AtCommand.of("AT").expecting("+X\r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtCommand.of("AT").finals("NO\nCARRIER")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "AT+QSMTPPWD=\"secret\"                    | 0 | AT+QSMTPPWD=\"****\"",
        "AT+QICSGP=1,\"apn\",\"user\",\"secret\"   | 3 | AT+QICSGP=1,\"apn\",\"user\",\"****\"",
        "AT+QICSGP=1,\"apn\",\"user\",\"se,c\"     | 3 | AT+QICSGP=1,\"apn\",\"user\",\"****\"",
        "AT+QICSGP=1,\"apn\"                       | 3 | AT+QICSGP=****",
        "AT+XPIN=1234                              | 0 | AT+XPIN=****",
    })
    void shouldMaskTheSecretParameter(String text, int index, String masked) {
        AtCommand command = AtCommand.of(text).maskingParameter(index);

        assertThat(command.maskedText()).isEqualTo(masked);
        assertThat(command.toString()).isEqualTo(masked);
        assertThat(command.text()).isEqualTo(text);
    }

    @Test
    void shouldComposeMasks() {
        AtCommand command = AtCommand.of("AT+X=\"user\",\"pwd\"").maskingParameter(0).maskingParameter(1);

        assertThat(command.maskedText()).isEqualTo("AT+X=\"****\",\"****\"");
    }

    @Test
    void shouldBeImmutable() {
        AtCommand plain = AtCommand.of("AT+CSQ");
        AtCommand derived = plain.expecting("+CSQ:").timeout(Duration.ofSeconds(2)).onlyInEpoch(3);

        assertThat(plain.infoPrefixes()).isEmpty();
        assertThat(plain.timeout()).isEmpty();
        assertThat(plain.requiredEpoch()).isEmpty();
        assertThat(derived.infoPrefixes()).containsExactly("+CSQ:");
        assertThat(derived.timeout()).contains(Duration.ofSeconds(2));
        assertThat(derived.requiredEpoch()).hasValue(3);
    }

    @Test
    void shouldRejectNonPositiveDurations() {
        assertThatThrownBy(() -> AtCommand.of("AT").timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AtCommand.of("AT").deferredResult("+QSMTPPUT:", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
