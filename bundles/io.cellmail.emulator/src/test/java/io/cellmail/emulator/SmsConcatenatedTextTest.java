/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quectel's {@code AT+QCMGS} on the EG25-G: parts of up to 153/67 units, at most 7, reassembled by the centre. */
class SmsConcatenatedTextTest extends SmsTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().personality(Personality.EG25G).build();
    }

    @Test
    void shouldReassembleASevenPartMessage() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"GSM\"");
        List<String> parts = IntStream.rangeClosed(1, 7).mapToObj(i -> String.valueOf(i).repeat(153)).toList();
        for (int i = 0; i < 7; i++) {
            assertThat(send("AT+QCMGS=\"+491701234567\",42," + (i + 1) + ",7", parts.get(i)))
                    .containsExactly("+QCMGS: " + i, "OK");
            assertThat(modem.smsCentre().delivered()).as("delivered before the last part").hasSize(i == 6 ? 1 : 0);
        }

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo(String.join("", parts)).hasSize(1071);
        assertThat(sms.reference()).isEqualTo(OptionalInt.of(42));
        assertThat(sms.parts()).extracting(DeliveredSms.Part::messageReference).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(modem.smsCentre().waitingParts()).isZero();
        assertThat(modem.smsCentre().anomalies()).isEmpty();
    }

    @Test
    void shouldReassemblePartsSentOutOfOrderWithToda() throws Exception {
        ok("AT+CMGF=1", "AT+CSMP=17,167,0,8");
        assertThat(send("AT+QCMGS=\"+491701234567\",145,7,2,2", ucs2Hex("Welt"))).containsExactly("+QCMGS: 0", "OK");
        assertThat(send("AT+QCMGS=\"+491701234567\",145,7,1,2", ucs2Hex("Hallo "))).containsExactly("+QCMGS: 1", "OK");
        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo("Hallo Welt");
        assertThat(sms.encoding()).isEqualTo(DeliveredSms.Encoding.UCS2);
    }

    @Test
    void shouldHoldAPartTo153SeptetsAnd67Ucs2Units() {
        ok("AT+CMGF=1");
        assertThat(send("AT+QCMGS=\"+491701234567\",1,1,2", "x".repeat(154))).containsExactly("+CMS ERROR: 305");
        ok("AT+CSMP=17,167,0,8");
        assertThat(send("AT+QCMGS=\"+491701234567\",1,1,2", ucs2Hex("ж".repeat(68)))).containsExactly("+CMS ERROR: 305");
        assertThat(send("AT+QCMGS=\"+491701234567\",1,1,2", ucs2Hex("ж".repeat(67)))).containsExactly("+QCMGS: 0", "OK");
    }

    @Test
    void shouldSendASingleMessageWhenTheTotalIsZeroOrOne() throws Exception {
        ok("AT+CMGF=1");
        assertThat(send("AT+QCMGS=\"+491701234567\",9,1,1", "x".repeat(160))).containsExactly("+QCMGS: 0", "OK");
        assertThat(send("AT+QCMGS=\"+491701234567\"", "plain")).containsExactly("+QCMGS: 1", "OK");
        List<DeliveredSms> delivered = delivered(2);
        assertThat(delivered).extracting(DeliveredSms::reference).containsOnly(OptionalInt.empty());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QCMGS="+491701234567",1,8,8      | +CMS ERROR: 305
            AT+QCMGS="+491701234567",256,1,2    | +CMS ERROR: 305
            AT+QCMGS="+491701234567",1,3,2      | +CMS ERROR: 305
            AT+QCMGS="+491701234567",1,2        | +CMS ERROR: 305
            AT+QCMGS?                           | ERROR
            AT+QCMGS=?                          | OK
            """)
    void shouldRefuseBadParameters(String command, String answer) {
        ok("AT+CMGF=1");
        expect(command, answer);
    }

    @Test
    void shouldRefuseQcmgsInPduMode() {
        expect("AT+QCMGS=\"+491701234567\",1,1,2", "+CMS ERROR: 303");
    }

    @Test
    void shouldRecordADuplicatePartAndDropIt() throws Exception {
        ok("AT+CMGF=1");
        send("AT+QCMGS=\"+491701234567\",5,1,2", "one ");
        send("AT+QCMGS=\"+491701234567\",5,1,2", "again ");
        send("AT+QCMGS=\"+491701234567\",5,2,2", "two");
        assertThat(delivered(1).get(0).text()).isEqualTo("one two");
        assertThat(modem.smsCentre().anomalies()).singleElement().asString().contains("duplicate");
    }
}
