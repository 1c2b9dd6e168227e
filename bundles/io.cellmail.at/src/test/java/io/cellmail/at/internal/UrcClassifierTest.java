/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.at.Urc;

class UrcClassifierTest {

    private final UrcClassifier classifier = new UrcClassifier(List.of("+QIURC:"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "RDY                        | RDY               | true  | false",
        "+CFUN: 1                   | +CFUN:            | true  | false",
        "+CFUN:1                    | +CFUN:            | true  | false",
        "+CFUN: 0                   | +CFUN:            | false | false",
        "+CPIN: READY               | +CPIN:            | false | false",
        "+CPIN: SIM PIN             | +CPIN:            | false | false",
        "Call Ready                 | Call Ready        | true  | false",
        "SMS Ready                  | SMS Ready         | false | false",
        "NORMAL POWER DOWN          | NORMAL POWER DOWN | false | true ",
        "UNDER-VOLTAGE POWER DOWN   | UNDER-VOLTAGE     | false | true ",
        "UNDER-VOLTAGE WARNNING     | UNDER-VOLTAGE     | false | false",
        "OVER-VOLTAGE POWER DOWN    | OVER-VOLTAGE      | false | true ",
        "+PDP DEACT                 | +PDP DEACT        | false | false",
        "0,+PDP DEACT               | +PDP DEACT        | false | false",
        "1, +PDP DEACT              | +PDP DEACT        | false | false",
        "12,  +PDP DEACT            | +PDP DEACT        | false | false",
        "+CREG: 1                   | +CREG:            | false | false",
        "+CREG: 1,\"00C3\",\"1A2B\" | +CREG:            | false | false",
        "RING                       | RING              | false | false",
        "+QIURC: \"closed\",0       | +QIURC:           | false | false",
    })
    void shouldRecogniseBuiltInAndExtraUrcs(String line, String prefix, boolean boot, boolean powerDown) {
        Urc urc = classifier.classify(line).orElseThrow();

        assertThat(urc.prefix()).isEqualTo(prefix);
        assertThat(urc.line()).isEqualTo(line);
        assertThat(UrcClassifier.isBootIndicator(urc)).isEqualTo(boot);
        assertThat(UrcClassifier.isPowerDown(urc)).isEqualTo(powerDown);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OK", "ERROR", "RDYX", "RINGING", "+CSQ: 20,0", "+QSMTPPUT: 0", "CONNECT",
        "AT+CREG?", "x,+PDP DEACT", "Call Ready now?",
        ",+PDP DEACT", "1+PDP DEACT", "1,+PDP DEACTIVATED", "1,x+PDP DEACT", "1,", "7"})
    void shouldNotTakeOrdinaryLinesForUrcs(String line) {
        assertThat(classifier.classify(line)).isEmpty();
    }

    @Test
    void shouldExposeFieldsOfAUrc() {
        Urc urc = classifier.classify("+CREG: 5").orElseThrow();

        assertThat(urc.info().intField(0)).isEqualTo(5);
    }
}
