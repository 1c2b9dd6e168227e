/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** PUTs read from a module's transcript, each with the alarm whose subject the module held. */
class PutLogTest {

    @Test
    void shouldTakeAPutThatTheModuleAnsweredOkWithTheSubjectItHeldAndItsResult() {
        List<Put> puts = PutLog.of(new Lines("strict").put("a00001").at(500).module("+QSMTPPUT:0").lines());

        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).alarmId()).contains("a00001");
        assertThat(puts.get(0).start()).isEqualTo(Lines.time(2));
        assertThat(puts.get(0).resultAt()).contains(Lines.time(500));
        assertThat(puts.get(0).result()).hasValue(0);
    }

    @Test
    void shouldReadTheSpacedResultFormAndNegativeResults() {
        List<Put> puts = PutLog.of(new Lines("strict").put("a00002").module("+QSMTPPUT: -421").lines());

        assertThat(puts.get(0).result()).hasValue(-421);
        assertThat(puts.get(0).mayHaveDelivered()).isFalse();
    }

    @Test
    void shouldIgnoreAPutTheModuleRefusedOrNeverAnswered() {
        List<Put> puts = PutLog.of(new Lines("strict")
                .host("AT+QSMTPSUB=0,\"SOAK a00003 x\"").module("OK")
                .host("AT+QSMTPPUT=100").module("ERROR")
                .host("AT+QSMTPPUT=100")
                .host("AT").module("OK")
                .lines());

        assertThat(puts).isEmpty();
    }

    @Test
    void shouldEndAPutAtAModuleRebootAndForgetTheSubject() {
        List<Put> puts = PutLog.of(new Lines("strict").put("a00004").at(100).module("RDY", "+CFUN: 1")
                .host("AT+QSMTPPUT=100").module("OK").lines());

        assertThat(puts).hasSize(2);
        assertThat(puts.get(0).rebootedAt()).contains(Lines.time(100));
        assertThat(puts.get(0).result()).isEmpty();
        assertThat(puts.get(0).mayHaveDelivered()).as("the SMTP transaction may have finished").isTrue();
        assertThat(puts.get(1).alarmId()).as("a reboot clears the subject").isEqualTo(Optional.empty());
    }

    @Test
    void shouldSkipTheEchoOfThePutCommand() {
        List<Put> puts = PutLog.of(new Lines("strict").host("AT+QSMTPSUB=0,\"SOAK a00005 x\"").module("OK")
                .host("AT+QSMTPPUT=100").module("AT+QSMTPPUT=100", "OK", "+QSMTPPUT:0").lines());

        assertThat(puts).singleElement().satisfies(put -> assertThat(put.result()).hasValue(0));
    }
}
