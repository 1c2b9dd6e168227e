/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

class BodyTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "a\\nb          | a\\r\\nb",
        "a\\r\\nb       | a\\r\\nb",
        "a\\rb          | a\\r\\nb",
        "a\\n\\nb       | a\\r\\n\\r\\nb",
        "a\\r\\r\\nb    | a\\r\\n\\r\\nb",
        "\\nend\\n      | \\r\\nend\\r\\n",
        "no line end    | no line end",
        "..\\n.x\\nx.   | ..\\r\\n.x\\r\\nx.",
    })
    void shouldEndEveryLineWithCrLf(String body, String expected) {
        assertThat(BodyText.canonical(unescape(body))).isEqualTo(unescape(expected));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {".", "a\n.\nMAIL FROM:<x@example.com>", "a\r\n.\r\n", "a\n.", ".\nb"})
    void shouldRefuseALineHoldingOnlyADot(String body) {
        assertThatThrownBy(() -> BodyText.canonical(body)).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
            assertThat(e.field()).hasValue("body");
        });
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
