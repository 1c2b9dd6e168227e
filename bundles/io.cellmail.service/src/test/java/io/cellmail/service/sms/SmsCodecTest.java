/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The codec's examples: spec vectors and the boundaries the issue names. */
class SmsCodecTest {

    @Test
    void shouldEncodeTheClassicHellohelloSubmitPdu() {
        // the widely published example of TS 23.040 PDU mode, with our 24-hour validity (A7)
        SubmitPdu pdu = SubmitPdu.of("+46708251358", SmsEncoding.GSM_7, "hellohello", null);

        assertThat(pdu.hex()).isEqualTo("0011000B916407281553F80000A70AE8329BFD4697D9EC37");
        assertThat(pdu.tpduOctets()).isEqualTo(23);
    }

    @Test
    void shouldPutOneFillBitAfterTheConcatenationHeader() {
        SubmitPdu pdu = SubmitPdu.of("+41791234567", SmsEncoding.GSM_7, "A", new SmsConcatenation(0x2A, 1, 2));

        // UDHI set; UDL 8 septets (7 for header and fill, 1 for "A"); header 050003 2A 02 01; "A" (0x41) shifted
        // by the fill bit: 0x82
        assertThat(pdu.hex()).isEqualTo("0051000B911497214365F70000A708050003" + "2A0201" + "82");
    }

    @Test
    void shouldCountExtensionCharactersAsTwoSeptets() {
        assertThat(SmsEncoding.GSM_7.units("a€[")).isEqualTo(5);
        assertThat(SmsSegments.of("€".repeat(80)).count()).isEqualTo(1);
        assertThat(SmsSegments.of("€".repeat(81)).count()).isEqualTo(2);
    }

    @Test
    void shouldNeverSplitAnEscapePairAcrossParts() {
        // 152 septets, then a 2-septet euro sign that would straddle the 153-septet boundary
        String text = "a".repeat(152) + "€" + "b".repeat(10);

        SmsSegments segments = SmsSegments.of(text);

        assertThat(segments.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(segments.parts()).containsExactly("a".repeat(152), "€" + "b".repeat(10));
    }

    @Test
    void shouldNeverSplitASurrogatePairAcrossParts() {
        String text = "ж".repeat(66) + "😀" + "ж".repeat(10);

        SmsSegments segments = SmsSegments.of(text);

        assertThat(segments.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(segments.parts()).containsExactly("ж".repeat(66), "😀" + "ж".repeat(10));
    }

    @ParameterizedTest(name = "{0} characters of {1} take {2} parts")
    @CsvSource({"160, a, 1", "161, a, 2", "306, a, 2", "307, a, 3", "70, ж, 1", "71, ж, 2", "134, ж, 2",
        "135, ж, 3", "500, ж, 8"})
    void shouldCountPartsBySingleAndConcatenatedCapacity(int length, String character, int parts) {
        assertThat(SmsSegments.of(character.repeat(length)).count()).isEqualTo(parts);
    }

    @Test
    void shouldChooseUcs2ForAnyCharacterOutsideGsm7AndNeverReplaceIt() {
        assertThat(SmsEncoding.of("Pump 3: 5 bar @ 12:00 €")).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsEncoding.of("Pumpe 3 Überdruck")).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsEncoding.of("Pompe 3 surpression ç")).isEqualTo(SmsEncoding.UCS2);
        assertThat(SmsEncoding.of("ctrl \u001a")).isEqualTo(SmsEncoding.UCS2);
        assertThat(new String(SmsEncoding.UCS2.textModeBytes("ç€😀"), StandardCharsets.US_ASCII))
                .isEqualTo("00E720ACD83DDE00");
    }

    @Test
    void shouldFitASummaryIntoItsPartsEvenWhenTheCutDropsTheOnlyUcs2Character() {
        String text = "a".repeat(300) + "ж";

        assertThat(SmsSegments.fitting(text, 2)).isEqualTo("a".repeat(300));
        assertThat(SmsSegments.fitting(text, 1)).isEqualTo("a".repeat(160));
        assertThat(SmsSegments.fitting("short", 1)).isEqualTo("short");
    }

    @Test
    void shouldKeepRoomForTheEndingAfterTheStartItFits() {
        String ending = "... (mail pump3-1702)";

        assertThat(SmsSegments.fittingBefore("a".repeat(200), ending, 1)).isEqualTo("a".repeat(160 - ending.length()));
        assertThat(SmsSegments.fittingBefore("short", ending, 1)).isEqualTo("short");
        assertThat(SmsSegments.fittingBefore("😀😀", "x".repeat(67), 1)).as("never half a surrogate pair")
                .isEqualTo("😀");
    }

    @Test
    void shouldRefuseANumberThatIsNoAddress() {
        assertThatThrownBy(() -> SubmitPdu.of("+41 79", SmsEncoding.GSM_7, "x", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
