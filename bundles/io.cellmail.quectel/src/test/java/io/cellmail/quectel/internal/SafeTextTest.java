/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @Test
    void shouldQuoteEveryPrintableAsciiCharacterButQuoteBackslashAndSemicolon() {
        for (char c = 0; c < 256; c++) {
            boolean expected = c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' && c != ';';
            assertThat(SafeText.isQuotable(c)).as("U+%04X", (int) c).isEqualTo(expected);
        }
    }

    @Test
    void shouldNameTheFirstUnquotableCharacterAndItsIndex() {
        assertThat(SafeText.quotingProblem("ab\"c")).hasValueSatisfying(
                p -> assertThat(p).contains("'\"' (U+0022)", "index 2"));
        assertThat(SafeText.quotingProblem("ab\r\nAT")).hasValueSatisfying(
                p -> assertThat(p).contains("U+000D", "index 2"));
        assertThat(SafeText.quotingProblem("Gateway 7, north")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops@example.com", "a.b-c+tag@sub.example.org", "x@y", "o'brien@example.ie",
        "!#$%&'*+/=?^_`{|}~-@example.com", "ALARM@EXAMPLE.COM"})
    void shouldAcceptPlainAddresses(String address) {
        assertThat(SafeText.addressProblem(address)).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "'ops\"@example.com'            | a quote",
        "'ops@example.com\"'            | a trailing quote",
        "'ops@example.com;AT+QSMTPCLR'  | a semicolon",
        "'ops @example.com'             | a space",
        "'opsexample.com'               | no @",
        "'@example.com'                 | no local part",
        "'ops@'                         | no domain",
        "'ops@@example.com'             | two @",
        "'.ops@example.com'             | a leading dot",
        "'ops..x@example.com'           | two dots",
        "'ops@-example.com'             | a label starting with a hyphen",
        "'ops\\x@example.com'           | a backslash",
        "'\"ops\"@example.com'          | a quoted local part",
        "'ops@exa mple.com'             | a space in the domain",
        "'opsé@example.com'             | a non-ASCII letter",
        "''                             | empty",
    })
    void shouldRefuseAddressesThatAreNotPlainAndSafe(String address, String why) {
        assertThat(SafeText.addressProblem(address)).as(why).isPresent();
    }

    @Test
    void shouldRefuseAddressesWithControlCharactersAndOverlongOnes() {
        assertThat(SafeText.addressProblem("ops@example.com\r\nAT+QSMTPCLR")).isPresent();
        assertThat(SafeText.addressProblem("ops\u0000@example.com")).isPresent();
        assertThat(SafeText.addressProblem("a".repeat(65) + "@example.com")).hasValueSatisfying(
                p -> assertThat(p).contains("local@domain"));
        String longest = "a".repeat(64) + "@" + ("b".repeat(60) + ".").repeat(3) + "c".repeat(6);
        assertThat(longest).hasSize(254);
        assertThat(SafeText.addressProblem(longest)).isEmpty();
        assertThat(SafeText.addressProblem(longest + "c")).hasValueSatisfying(p -> assertThat(p).contains("254"));
    }

    @ParameterizedTest
    @CsvSource({"smtp.example.com, true", "10.0.0.1, true", "mail_relay, true", "localhost, true",
        "'smtp.example.com\"', false", "'smtp example', false", "'-smtp', false", "'smtp;AT', false"})
    void shouldAcceptHostNamesAndAddressesOnly(String host, boolean valid) {
        assertThat(SafeText.hostProblem(host).isEmpty()).isEqualTo(valid);
    }
}
