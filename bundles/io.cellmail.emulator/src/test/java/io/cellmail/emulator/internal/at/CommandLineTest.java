/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** V.250 command-line syntax as the emulated module reads it. */
class CommandLineTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT                              | /EXECUTE/
            at+csq                          | +CSQ/EXECUTE/
            AT+CSQ=?                        | +CSQ/TEST/
            AT+CREG?                        | +CREG/READ/
            AT+QSMTPSRV="smtp.163.com",25   | +QSMTPSRV/WRITE/"smtp.163.com",25
            AT+QSMTPSRV = "smtp.163.com" ,25| +QSMTPSRV/WRITE/"smtp.163.com",25
            AT+QSMTPNAME="a; b, c"          | +QSMTPNAME/WRITE/"a; b, c"
            AT+IPR=115200;&W                | +IPR/WRITE/115200 ~ &W/EXECUTE/
            ATE0V1                          | E/EXECUTE/0 ~ V/EXECUTE/1
            ATI                             | I/EXECUTE/
            ATE0;+CMEE=1                    | E/EXECUTE/0 ~ +CMEE/WRITE/1
            +++AT                           | /EXECUTE/
            AT+QSMTPDATT                    | +QSMTPDATT/EXECUTE/
            AT+CSQ;+CREG?;                  | +CSQ/EXECUTE/ ~ +CREG/READ/
            """)
    void shouldSplitALineIntoCommands(String line, String expected) {
        List<AtCommand> commands = CommandLine.parse(line).orElseThrow();

        assertThat(commands.stream().map(c -> c.name() + "/" + c.form() + "/" + c.arguments())
                .collect(Collectors.joining(" ~ "))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "hello", "+++", "\u00ff\u00fe"})
    void shouldFindNoCommandWithoutAnAtPrefix(String line) {
        assertThat(CommandLine.parse(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT+", "AT+CSQ?X", "AT+CSQ=?1", "AT#", "AT+QSMTPUSER=\"open", "AT&", "AT&1"})
    void shouldRejectMalformedLines(String line) {
        assertThatThrownBy(() -> CommandLine.parse(line)).isInstanceOf(FormatException.class);
    }
}
