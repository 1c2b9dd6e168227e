/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.at.AtException;

class FinalResultTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "OK                          | OK        |      ",
        "ERROR                       | ERROR     |      ",
        "+CME ERROR:10               | CME_ERROR | 10   ",
        "+CME ERROR: 10              | CME_ERROR | 10   ",
        "+CME ERROR:   3516          | CME_ERROR | 3516 ",
        "+CMS ERROR:500              | CMS_ERROR | 500  ",
        "+CMS ERROR: 304             | CMS_ERROR | 304  ",
        "+CME ERROR: SIM not inserted| CME_ERROR |      ",
    })
    void shouldRecogniseGeneralFinalsWithAndWithoutSpace(String line, FinalResult.Type type, Integer code) {
        FinalResult result = FinalResult.parse(line).orElseThrow();

        assertThat(result.type()).isEqualTo(type);
        assertThat(result.code()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OKAY", "OK OK", "ERRORS", "NO ERROR", "+CME ERRORS: 1", "+CREG: 1", "CONNECT",
        "+QSMTPPUT: 0", "0", "AT+CME ERROR: 1"})
    void shouldMatchWholeLinesNeverSubstrings(String line) {
        assertThat(FinalResult.parse(line)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ERROR          | ERROR     |    ",
        "+CME ERROR: 10 | CME_ERROR | 10 ",
        "+CMS ERROR:500 | CMS_ERROR | 500",
    })
    void shouldTurnErrorFinalsIntoTypedFailuresWithTheirCode(String line, AtException.Kind kind, Integer code) {
        AtException failure = FinalResult.parse(line).orElseThrow().toException("AT+CPIN?");

        assertThat(failure.kind()).isEqualTo(kind);
        assertThat(failure.code().isPresent() ? failure.code().getAsInt() : null).isEqualTo(code);
        assertThat(failure.getMessage()).startsWith("AT+CPIN?");
    }
}
