/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.emulator.DeliveredSms;
import io.cellmail.emulator.Personality;
import io.cellmail.emulator.SmsPrompt;
import io.cellmail.service.sms.SmsEncoding;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;

/**
 * SMS through the real driver and engine to the emulator's SMS centre, on the GSM M95 (no {@code AT+QCMGS}: long
 * texts in PDU mode) and the LTE EG25-G ({@code AT+QCMGS}); the tests assert what the recipient's phone shows.
 */
class SmsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final String NUMBER = "+41791234567";
    private static final String PIN = "4711";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private ModemMailer mailerOn(Personality personality) {
        return mailerOn(personality, SmsPrompt.SPACE);
    }

    private ModemMailer mailerOn(Personality personality, SmsPrompt prompt) {
        bench = new ModemBench(SMTP.getSmtp().getPort(), m -> m.personality(personality).smsPrompt(prompt));
        return bench.mailer();
    }

    /**
     * Sends, and once more after a transient failure, as the service's retry would: a prompt that came after the
     * engine gave up may cost the engine a reopen of the port (its probes became text until ESC closed the prompt),
     * and the next attempt then belongs to the new epoch.
     */
    private static void sendAsTheServiceWould(ModemMailer mailer, SmsRequest request) {
        try {
            mailer.sendSms(request, DEADLINE);
        } catch (MailException e) {
            assertThat(e.code().isTransient()).as("a failure the service retries: %s", e.getMessage()).isTrue();
            mailer.sendSms(request, DEADLINE);
        }
    }

    private List<DeliveredSms> delivered(int count) throws Exception {
        return bench.emulator().smsCentre().awaitDelivered(count, DELIVERY);
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldSendAGsm7TextInTextMode(Personality personality) throws Exception {
        ModemMailer mailer = mailerOn(personality);

        SmsReceipt receipt = mailer.sendSms(SmsRequest.single(NUMBER, "Pump 3 pressure high: 7.9 bar"), DEADLINE);

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.number()).isEqualTo(NUMBER);
        assertThat(sms.text()).isEqualTo("Pump 3 pressure high: 7.9 bar");
        assertThat(sms.encoding()).isEqualTo(DeliveredSms.Encoding.GSM7);
        assertThat(receipt.messageReferences()).containsExactly(sms.parts().get(0).messageReference());
        assertThat(bench.commands()).contains("AT+CMGF=1", "AT+CSCS=\"GSM\"", "AT+CSMP=17,167,0,0",
                "AT+CMGS=\"+41791234567\"");
    }

    @ParameterizedTest
    @EnumSource(value = SmsPrompt.class)
    void shouldFindThePromptWithOrWithoutItsSpace(SmsPrompt prompt) throws Exception {
        ModemMailer mailer = mailerOn(Personality.EG25G, prompt);

        mailer.sendSms(SmsRequest.single(NUMBER, "prompt " + prompt), DEADLINE);

        assertThat(delivered(1).get(0).text()).isEqualTo("prompt " + prompt);
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldSendAUcs2TextWhenACharacterIsNotInGsm7(Personality personality) throws Exception {
        ModemMailer mailer = mailerOn(personality);
        String text = "Pompe 3 : surpression à 7,9 bar — ça déborde 😀";

        SmsReceipt receipt = mailer.sendSms(SmsRequest.single(NUMBER, text), DEADLINE);

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo(text);
        assertThat(sms.encoding()).isEqualTo(DeliveredSms.Encoding.UCS2);
        assertThat(receipt.encoding()).isEqualTo(SmsEncoding.UCS2);
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldDeliverA500CharacterUcs2AlarmAsOneReassembledMessage(Personality personality) throws Exception {
        ModemMailer mailer = mailerOn(personality);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 500; i++) {
            text.append("Насос ").append(i).append(": давление высокое. ");
        }
        String alarm = text.substring(0, 500);

        SmsReceipt receipt = mailer.sendSms(new SmsRequest(NUMBER, alarm, 8), DEADLINE);

        List<DeliveredSms> messages = delivered(1);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).text()).isEqualTo(alarm);
        assertThat(messages.get(0).parts()).hasSize(8);
        assertThat(receipt.parts()).isEqualTo(8);
        assertThat(receipt.messageReferences()).containsExactlyElementsOf(
                messages.get(0).parts().stream().map(DeliveredSms.Part::messageReference).toList());
        assertThat(bench.emulator().smsCentre().anomalies()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldSendUpToSevenPartsWithQcmgsWhereTheModuleHasItAndInPduModeElsewhere(Personality personality)
            throws Exception {
        ModemMailer mailer = mailerOn(personality);
        String text = "Pump 3 pressure high. ".repeat(40);

        SmsReceipt receipt = mailer.sendSms(new SmsRequest(NUMBER, text, 7), DEADLINE);

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo(text);
        assertThat(sms.parts()).hasSize(6);
        assertThat(receipt.parts()).isEqualTo(6);
        if (personality == Personality.EG25G) {
            assertThat(bench.commands()).filteredOn(c -> c.startsWith("AT+QCMGS=\"")).hasSize(6);
        } else {
            assertThat(bench.commands()).contains("AT+QCMGS=?", "AT+CMGF=0");
        }
    }

    @Test
    void shouldNeverSplitAnEscapePairAcrossParts() throws Exception {
        ModemMailer mailer = mailerOn(Personality.EG25G);
        String text = "a".repeat(152) + "€" + "b".repeat(10);

        mailer.sendSms(new SmsRequest(NUMBER, text, 2), DEADLINE);

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo(text);
        assertThat(sms.parts()).extracting(DeliveredSms.Part::text).containsExactly("a".repeat(152),
                "€" + "b".repeat(10));
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldCarryHostileTextWhole(Personality personality) throws Exception {
        ModemMailer mailer = mailerOn(personality);
        String controls = "end\u001a abort\u001b\r\nAT+CMGD=1,4\r";
        String gsmLetters = "Ξ costs 5€ [ok] @ 12:00\nAT+CFUN=0\r";

        mailer.sendSms(SmsRequest.single(NUMBER, controls), DEADLINE);
        mailer.sendSms(SmsRequest.single(NUMBER, gsmLetters), DEADLINE);

        assertThat(delivered(2)).extracting(DeliveredSms::text).containsExactly(controls, gsmLetters);
        assertThat(bench.commands()).noneMatch(c -> c.startsWith("AT+CMGD") || c.startsWith("AT+CFUN"));
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldEndAtOnceWhenTheNetworkRefusesTheNumber(Personality personality) throws Exception {
        ModemMailer mailer = mailerOn(personality);
        bench.emulator().faults().smsError(21, 1);

        MailException refused = catchThrowableOfType(MailException.class,
                () -> mailer.sendSms(SmsRequest.single(NUMBER, "first"), DEADLINE));
        mailer.sendSms(SmsRequest.single(NUMBER, "second"), DEADLINE);

        assertThat(refused.code()).isEqualTo(MailErrorCode.SMS_REFUSED);
        assertThat(refused.code().isTransient()).isFalse();
        assertThat(refused.getMessage()).contains("+CMS ERROR: 21 (short message transfer rejected)");
        assertThat(delivered(1)).extracting(DeliveredSms::text).containsExactly("second");
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldReportNetworkTroubleAsTransient(Personality personality) throws Exception {
        ModemMailer mailer = mailerOn(personality);
        bench.emulator().faults().smsError(42, 1);

        MailException congested = catchThrowableOfType(MailException.class,
                () -> mailer.sendSms(SmsRequest.single(NUMBER, "first"), DEADLINE));

        assertThat(congested.code()).isEqualTo(MailErrorCode.SMS_FAILED);
        assertThat(congested.code().isTransient()).isTrue();
        assertThat(bench.emulator().smsCentre().delivered()).isEmpty();
    }

    @Test
    void shouldWaitForASlowCmgsPastTheDeadlineAndSendOnce() throws Exception {
        ModemMailer mailer = mailerOn(Personality.M95);
        bench.emulator().faults().smsDelay(Duration.ofSeconds(3));

        SmsReceipt receipt = mailer.sendSms(SmsRequest.single(NUMBER, "slow network"), Duration.ofSeconds(1));

        assertThat(receipt.parts()).isEqualTo(1);
        assertThat(delivered(1)).extracting(DeliveredSms::text).containsExactly("slow network");
        assertThat(bench.commands()).filteredOn(c -> c.startsWith("AT+CMGS")).hasSize(1);
    }

    @Test
    void shouldCloseAnAbandonedPromptWithEscSoNothingIsSent() throws Exception {
        ModemMailer mailer = mailerOn(Personality.EG25G);
        bench.emulator().faults().delayOn("AT+CMGS", Duration.ofSeconds(3));

        MailException late = catchThrowableOfType(MailException.class,
                () -> mailer.sendSms(SmsRequest.single(NUMBER, "too late"), Duration.ofSeconds(1)));
        sendAsTheServiceWould(mailer, SmsRequest.single(NUMBER, "next"));

        assertThat(late.code()).isEqualTo(MailErrorCode.MODEM_TIMEOUT);
        assertThat(delivered(1)).extracting(DeliveredSms::text).containsExactly("next");
        assertThat(bench.emulator().smsCentre().delivered()).hasSize(1);
        assertThat(String.join("\n", mailer.transcript(200))).contains("<ESC>");
    }

    @ParameterizedTest
    @EnumSource(value = Personality.class, names = {"M95", "EG25G"})
    void shouldEnterTheSimPinBeforeAnSmsSentRightAfterPowerUp(Personality personality) throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), m -> m.personality(personality).simPin(PIN));
        ModemMailer mailer = bench.mailer(bench.settings().simPin(PIN).build());

        mailer.sendSms(SmsRequest.single(NUMBER, "after the PIN"), DEADLINE);

        assertThat(delivered(1)).extracting(DeliveredSms::text).containsExactly("after the PIN");
        assertThat(bench.commands()).filteredOn(c -> c.startsWith("AT+CPIN=")).hasSize(1);
        assertThat(mailer.transcript(200)).noneMatch(l -> l.contains(PIN));
    }
}
