/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parameters of write commands: quoting, omission, numbers and ranges. */
class ParamsTest {

    @Test
    void shouldReadQuotedStringsNumbersAndOmittedParameters() {
        Params params = Params.parse("0,,\"a, b\",25");

        assertThat(params.size()).isEqualTo(4);
        assertThat(params.number(0, 0, 1)).isZero();
        assertThat(params.present(1)).isFalse();
        assertThat(params.string(2)).isEqualTo("a, b");
        assertThat(params.number(3, 1, 65535)).isEqualTo(25);
        assertThat(params.present(4)).isFalse();
    }

    @Test
    void shouldHaveNoParametersForAnEmptyText() {
        assertThat(Params.parse("").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"a\"b\"", "\"a", "a\"b", "\"a\"x", "x\"a\""})
    void shouldRejectAQuoteInsideOrAroundAParameter(String arguments) {
        assertThatThrownBy(() -> Params.parse(arguments)).isInstanceOf(FormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1a", "", "\"1\"", "66000", "9999999999"})
    void shouldRejectNumbersThatAreNotDecimalOrOutOfRange(String argument) {
        Params params = Params.parse(argument);
        assertThatThrownBy(() -> params.number(0, 0, 65535)).isInstanceOf(FormatException.class);
    }

    @Test
    void shouldRejectAnUnquotedString() {
        assertThatThrownBy(() -> Params.parse("quectel").string(0)).isInstanceOf(FormatException.class);
    }

    @Test
    void shouldEnforceTheParameterCount() {
        assertThatThrownBy(() -> Params.parse("1,2,3").requireCount(1, 2)).isInstanceOf(FormatException.class);
    }
}
