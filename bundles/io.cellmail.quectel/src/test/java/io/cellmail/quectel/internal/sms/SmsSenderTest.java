/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtException;
import io.cellmail.service.sms.SmsEncoding;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;

/** The AT sequence of an SMS, against a scripted channel (the emulator tests are in {@code SmsTest}). */
class SmsSenderTest {

    private static final String NUMBER = "+41791234567";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final SmsSender sender = new SmsSender();
    private final ScriptedSmsChannel channel = new ScriptedSmsChannel();

    @Test
    void shouldSendAGsm7TextInTextMode() {
        SmsReceipt receipt = sender.send(channel, 1, SmsRequest.single(NUMBER, "Pump 3 high: 5.2 bar"), DEADLINE);

        assertThat(channel.sent()).containsExactly("AT+CMGF=1", "AT+CSCS=\"GSM\"", "AT+CSMP=17,167,0,0",
                "AT+CMGS=\"+41791234567\" > Pump 3 high: 5.2 bar");
        assertThat(receipt).isEqualTo(new SmsReceipt(1, List.of(40), SmsEncoding.GSM_7));
    }

    @Test
    void shouldSendAUcs2TextAsHexWithTheNumberInUcs2Too() {
        SmsReceipt receipt = sender.send(channel, 1, SmsRequest.single(NUMBER, "Surpression ç"), DEADLINE);

        assertThat(channel.sent()).containsExactly("AT+CMGF=1", "AT+CSCS=\"UCS2\"", "AT+CSMP=17,167,0,8",
                "AT+CMGS=\"002B00340031003700390031003200330034003500360037\" > "
                        + "005300750072007000720065007300730069006F006E002000E7");
        assertThat(receipt.encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @Test
    void shouldNeverPutAControlByteOfTheTextOnTheLine() {
        sender.send(channel, 1, SmsRequest.single(NUMBER, "end\u001a abort\u001b"), DEADLINE);
        // GSM-7 letters whose septets are 0x1A (Ξ) and 0x1B-escapes (€), and @ (0x00): PDU mode, all in hex
        sender.send(channel, 1, SmsRequest.single(NUMBER, "Ξ costs 5€ @ 12:00\nbye"), DEADLINE);

        assertThat(channel.sent()).allSatisfy(line -> assertThat(line).doesNotContain("<"));
        assertThat(channel.sent().get(3)).endsWith("> 0065006E0064001A002000610062006F00720074001B");
        assertThat(channel.sent().subList(4, 6)).first().isEqualTo("AT+CMGF=0");
        assertThat(channel.sent().get(5)).startsWith("AT+CMGS=").contains(" > 0011000B911497214365F70000A7");
    }

    @Test
    void shouldSendALongTextWithQcmgsAndAskForItOncePerEpoch() {
        String text = "x".repeat(400);

        SmsReceipt first = sender.send(channel, 1, new SmsRequest(NUMBER, text, 7), DEADLINE);
        sender.send(channel, 1, new SmsRequest(NUMBER, text, 7), DEADLINE);
        sender.send(channel, 2, new SmsRequest(NUMBER, text, 7), DEADLINE);

        assertThat(channel.sent()).filteredOn("AT+QCMGS=?"::equals).hasSize(2);
        List<String> parts = channel.sent().stream().filter(l -> l.startsWith("AT+QCMGS=\"")).toList();
        assertThat(parts).hasSize(9);
        String reference = parts.get(0).split(",")[1];
        assertThat(parts.subList(0, 3)).extracting(l -> l.substring(0, l.indexOf(" >"))).containsExactly(
                "AT+QCMGS=\"+41791234567\"," + reference + ",1,3", "AT+QCMGS=\"+41791234567\"," + reference + ",2,3",
                "AT+QCMGS=\"+41791234567\"," + reference + ",3,3");
        assertThat(parts.get(3).split(",")[1]).as("a new reference for the next text").isNotEqualTo(reference);
        assertThat(first.parts()).isEqualTo(3);
        assertThat(first.messageReferences()).containsExactly(40, 41, 42);
    }

    @Test
    void shouldSendALongTextInPduModeWhereTheModuleHasNoQcmgs() {
        channel.refusing("AT+QCMGS=?", AtException.Kind.ERROR, null);

        SmsReceipt receipt = sender.send(channel, 1, new SmsRequest(NUMBER, "ж".repeat(500), 8), DEADLINE);

        assertThat(receipt.parts()).isEqualTo(8);
        List<String> pdus = channel.sent().stream().filter(l -> l.startsWith("AT+CMGS=")).toList();
        assertThat(pdus).hasSize(8).allSatisfy(l -> assertThat(l).contains(" > 0051000B911497214365F70008A7"));
        assertThat(channel.sent()).contains("AT+CMGF=0").doesNotContain("AT+CMGF=1");
    }

    @Test
    void shouldUsePduModeBeyondSevenParts() {
        SmsReceipt receipt = sender.send(channel, 1, new SmsRequest(NUMBER, "y".repeat(153 * 8), 8), DEADLINE);

        assertThat(receipt.parts()).isEqualTo(8);
        assertThat(channel.sent()).doesNotContain("AT+QCMGS=?").contains("AT+CMGF=0");
    }

    @ParameterizedTest(name = "+CMS ERROR: {0} is {1}")
    @CsvSource({"1, SMS_REFUSED, false", "10, SMS_REFUSED, false", "330, SMS_REFUSED, false",
        "42, SMS_FAILED, true", "332, SMS_FAILED, true", "500, SMS_FAILED, true", "331, NOT_REGISTERED, true",
        "310, NO_SIM, true", "4711, SMS_FAILED, true"})
    void shouldClassifyTheModulesCmsErrors(int code, MailErrorCode expected, boolean retried) {
        channel.refusing("AT+CMGS=", AtException.Kind.CMS_ERROR, code);

        MailException failure = catchThrowableOfType(MailException.class,
                () -> sender.send(channel, 1, SmsRequest.single(NUMBER, "x"), DEADLINE));

        assertThat(failure.code()).isEqualTo(expected);
        assertThat(failure.code().isTransient()).isEqualTo(retried);
        assertThat(failure.getMessage()).contains("+CMS ERROR: " + code);
    }

    @Test
    void shouldNotStartAnSmsWhoseDeadlineHasPassed() {
        MailException failure = catchThrowableOfType(MailException.class,
                () -> sender.send(channel, 1, SmsRequest.single(NUMBER, "x"), Duration.ZERO));

        assertThat(failure.code()).isEqualTo(MailErrorCode.MODEM_TIMEOUT);
        assertThat(channel.sent()).noneMatch(l -> l.startsWith("AT+CMGS"));
    }
}
