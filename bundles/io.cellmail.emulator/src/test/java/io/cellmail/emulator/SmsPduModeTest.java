/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PDU mode on the M95: {@code AT+CMGS=<length>}, the hex TPDU checked and decoded, concatenation headers. */
class SmsPduModeTest extends SmsTestSupport {

    private static final String NUMBER = "+491701234567";
    /** The classic example: "hellohello" to +46708251358, 7-bit, relative validity. */
    private static final String HELLO = "0011000B916407281553F80000AA0AE8329BFD4697D9EC37";

    @Test
    void shouldSendTheSpecExample() throws Exception {
        assertThat(send("AT+CMGS=23", HELLO)).containsExactly("+CMGS: 0", "OK");
        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.number()).isEqualTo("+46708251358");
        assertThat(sms.text()).isEqualTo("hellohello");
        assertThat(sms.parts().get(0).length()).isEqualTo(10);
    }

    @Test
    void shouldTakeAPduWithItsOwnServiceCentreAddress() throws Exception {
        String pdu = "07919471010670F0" + HELLO.substring(2);
        assertThat(send("AT+CMGS=23", pdu)).containsExactly("+CMGS: 0", "OK");
        assertThat(delivered(1).get(0).text()).isEqualTo("hellohello");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            length one too many     | 24 | 0011000B916407281553F80000AA0AE8329BFD4697D9EC37
            length one too few      | 22 | 0011000B916407281553F80000AA0AE8329BFD4697D9EC37
            odd number of digits    | 23 | 0011000B916407281553F80000AA0AE8329BFD4697D9EC3
            not hex                 | 23 | 0011000B916407281553F80000AA0AE8329BFD4697D9EC3G
            SMS-DELIVER, not SUBMIT | 23 | 0010000B916407281553F80000AA0AE8329BFD4697D9EC37
            UDL beyond the data     | 23 | 0011000B916407281553F80000AA0BE8329BFD4697D9EC37
            reserved alphabet       | 23 | 0011000B916407281553F8000CAA0AE8329BFD4697D9EC37
            letter in the number    | 23 | 0011000B9164072815A3F80000AA0AE8329BFD4697D9EC37
            number not F-padded     | 23 | 0011000B916407281553080000AA0AE8329BFD4697D9EC37
            header beyond the data  | 23 | 0051000B916407281553F80000AA0A0E329BFD4697D9EC37
            """)
    void shouldRefuseAnInvalidPdu(String what, int length, String pdu) {
        assertThat(send("AT+CMGS=" + length, pdu)).as(what).containsExactly("+CMS ERROR: 304");
        assertThat(modem.smsCentre().delivered()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+CMGS=0                 | +CMS ERROR: 304
            AT+CMGS=165               | +CMS ERROR: 304
            AT+CMGS="+491701234567"   | +CMS ERROR: 304
            AT+CMGS=23,1              | +CMS ERROR: 304
            """)
    void shouldRefuseABadLength(String command, String answer) {
        expect(command, answer);
    }

    @Test
    void shouldReassembleA500CharacterUcs2TextFromParts() throws Exception {
        String text = "Alarm Druckabfall Pumpe 3 — Störung, bitte prüfen: Давление упало. ".repeat(8).substring(0, 500);
        List<String> pdus = new ArrayList<>();
        int parts = (text.length() + 65) / 66;
        for (int i = 0; i < parts; i++) {
            String part = text.substring(i * 66, Math.min(text.length(), (i + 1) * 66));
            pdus.add(TestPdus.ucs2(NUMBER, TestPdus.header16(0x1234, parts, i + 1), part));
        }
        assertThat(parts).isEqualTo(8);
        for (int i = 0; i < parts; i++) {
            String pdu = pdus.get(i);
            assertThat(send("AT+CMGS=" + TestPdus.length(pdu), pdu)).containsExactly("+CMGS: " + i, "OK");
        }

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo(text);
        assertThat(sms.encoding()).isEqualTo(DeliveredSms.Encoding.UCS2);
        assertThat(sms.reference()).isEqualTo(OptionalInt.of(0x1234));
        assertThat(sms.parts()).hasSize(8).extracting(DeliveredSms.Part::length)
                .containsExactly(66, 66, 66, 66, 66, 66, 66, 38);
    }

    @Test
    void shouldUnpackSevenBitTextAfterTheHeaderAndItsFillBit() throws Exception {
        String first = "abcdefghij".repeat(15) + "xyz";
        String pdu1 = TestPdus.gsm7(NUMBER, TestPdus.header8(200, 2, 1), first);
        String pdu2 = TestPdus.gsm7(NUMBER, TestPdus.header8(200, 2, 2), "[end]");
        assertThat(send("AT+CMGS=" + TestPdus.length(pdu1), pdu1)).containsExactly("+CMGS: 0", "OK");
        assertThat(send("AT+CMGS=" + TestPdus.length(pdu2), pdu2)).containsExactly("+CMGS: 1", "OK");

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo(first + "[end]");
        assertThat(sms.parts()).extracting(DeliveredSms.Part::length).containsExactly(153, 7);
    }

    @Test
    void shouldRefuseSevenBitUserDataBeyond160Septets() {
        String pdu = TestPdus.gsm7(NUMBER, TestPdus.header8(1, 2, 1), "x".repeat(154));
        assertThat(send("AT+CMGS=" + TestPdus.length(pdu), pdu)).containsExactly("+CMS ERROR: 304");
    }

    @Test
    void shouldShowWhatAPhoneShowsOfAnEscapePairSplitAcrossParts() throws Exception {
        byte[] first = new byte[153];
        java.util.Arrays.fill(first, (byte) 'a');
        first[152] = 0x1B;
        String pdu1 = TestPdus.gsm7Codes(NUMBER, TestPdus.header8(3, 2, 1), first);
        String pdu2 = TestPdus.gsm7Codes(NUMBER, TestPdus.header8(3, 2, 2), new byte[] {0x28, 'b'});
        send("AT+CMGS=" + TestPdus.length(pdu1), pdu1);
        send("AT+CMGS=" + TestPdus.length(pdu2), pdu2);

        // the escape alone shows as a space, the '(' it was meant to turn into '{' as itself
        assertThat(delivered(1).get(0).text()).isEqualTo("a".repeat(152) + " (b");
    }

    @Test
    void shouldShowAPartWithAHeaderAPhoneIgnoresAsAMessageOfItsOwn() throws Exception {
        String pdu = TestPdus.gsm7(NUMBER, TestPdus.header8(9, 0, 1), "alone");
        send("AT+CMGS=" + TestPdus.length(pdu), pdu);
        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo("alone");
        assertThat(sms.reference()).isEmpty();
        assertThat(modem.smsCentre().anomalies()).singleElement().asString().contains("header ignored");
    }

    @Test
    void shouldKeepPartsOfADifferentTotalApart() throws Exception {
        String one = TestPdus.gsm7(NUMBER, TestPdus.header8(4, 2, 1), "one ");
        String stray = TestPdus.gsm7(NUMBER, TestPdus.header8(4, 3, 2), "stray");
        String two = TestPdus.gsm7(NUMBER, TestPdus.header8(4, 2, 2), "two");
        for (String pdu : List.of(one, stray, two)) {
            send("AT+CMGS=" + TestPdus.length(pdu), pdu);
        }
        assertThat(delivered(1).get(0).text()).isEqualTo("one two");
        assertThat(modem.smsCentre().anomalies()).singleElement().asString().contains("has 2 parts");
    }

    @Test
    void shouldWaitForTheMissingPart() {
        String one = TestPdus.gsm7(NUMBER, TestPdus.header8(4, 2, 1), "one ");
        send("AT+CMGS=" + TestPdus.length(one), one);
        assertThat(modem.smsCentre().delivered()).isEmpty();
        assertThat(modem.smsCentre().waitingParts()).isEqualTo(1);
    }
}
