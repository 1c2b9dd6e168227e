/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailMessage;
import io.cellmail.service.sms.SmsEncoding;
import io.cellmail.service.sms.SmsSegments;

class SmsSummaryTest {

    private static final String ID = "pump3-overpressure-1702";

    @Test
    void shouldGiveSubjectBodyAndIdWhenTheyFit() {
        MailMessage mail = MailMessage.builder().id(ID).to("ops@example.com").subject("Pump 3 pressure high")
                .body("Pressure 9.7 bar at 08:12.\r\n\r\n  Valve V3 closed.").build();

        assertThat(SmsSummary.of(mail, 1))
                .isEqualTo("Pump 3 pressure high: Pressure 9.7 bar at 08:12. Valve V3 closed. [mail " + ID + "]");
    }

    @Test
    void shouldLeaveOutWhatIsEmpty() {
        assertThat(SmsSummary.of("Pump 3 stopped", "", ID, 1)).isEqualTo("Pump 3 stopped [mail " + ID + "]");
        assertThat(SmsSummary.of("", "Pump 3 stopped", ID, 1)).isEqualTo("Pump 3 stopped [mail " + ID + "]");
        assertThat(SmsSummary.of("", " \n ", ID, 1)).isEqualTo("[mail " + ID + "]");
    }

    @ParameterizedTest(name = "{0} parts")
    @ValueSource(ints = {1, 2, 3, 7})
    void shouldCutALongGsmTextToTheMostPartsKeepingTheIdAndFillingThem(int maxParts) {
        String body = "Level sensor L2 reads 97 percent; the tank overflows in about 40 minutes. ".repeat(30);

        String summary = SmsSummary.of("Tank 2 level high", body, ID, maxParts);

        SmsSegments segments = SmsSegments.of(summary);
        assertThat(segments.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(segments.count()).isEqualTo(maxParts);
        assertThat(summary).startsWith("Tank 2 level high: Level sensor L2 reads 97 percent;")
                .endsWith(SmsSummary.CUT + " [mail " + ID + "]");
        // Filled: one more character of the body would not fit (a blank before the mark is left out).
        String head = "Tank 2 level high: " + body;
        String kept = summary.substring(0, summary.length() - (SmsSummary.CUT + " [mail " + ID + "]").length());
        int next = kept.length();
        while (head.charAt(next) == ' ') {
            next++;
        }
        String longer = head.substring(0, next + 1);
        assertThat(SmsSegments.of(longer + SmsSummary.CUT + " [mail " + ID + "]").count())
                .isGreaterThan(maxParts);
    }

    @Test
    void shouldKeepAUcs2TextInUcs2WithinThePartsWithoutReplacingACharacter() {
        String body = "Давление насоса 3 превысило 9,7 бар. Клапан V3 закрыт. ".repeat(20);

        String summary = SmsSummary.of("Насос 3: авария", body, ID, 2);

        SmsSegments segments = SmsSegments.of(summary);
        assertThat(segments.encoding()).isEqualTo(SmsEncoding.UCS2);
        assertThat(segments.count()).isEqualTo(2);
        String kept = summary.substring(0, summary.indexOf(SmsSummary.CUT));
        assertThat("Насос 3: авария: " + body).startsWith(kept);
    }

    @Test
    void shouldNeverCutASurrogatePair() {
        // Every character a surrogate pair: a cut at any odd index would leave half of one.
        String body = "🔥".repeat(400);
        int fire = "🔥".codePointAt(0);
        int siren = "🚨".codePointAt(0);

        for (int parts = 1; parts <= 7; parts++) {
            String summary = SmsSummary.of("🚨", body, ID, parts);

            String kept = summary.substring(0, summary.indexOf(SmsSummary.CUT));
            assertThat(kept.codePoints().allMatch(c -> c == fire || c == siren || c == ':' || c == ' '))
                    .as("only whole characters in %s", kept).isTrue();
            assertThat(SmsSegments.of(summary).count()).isLessThanOrEqualTo(parts);
        }
    }

    @Test
    void shouldTakeTheCheaperEncodingWhenTheCutDropsTheOnlyUcs2Character() {
        // The one character outside GSM-7 is at the end: once it is cut, the rest goes in GSM-7 and more fits.
        String body = "x".repeat(400) + "€漢";

        String summary = SmsSummary.of("Alarm", body, ID, 1);

        assertThat(SmsSegments.of(summary).encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(summary).hasSizeGreaterThan(140);
    }
}
