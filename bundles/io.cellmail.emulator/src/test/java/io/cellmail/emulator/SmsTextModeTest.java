/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Text mode on the M95: the settings commands, {@code AT+CMGS} with its prompt, texts, limits, refusals. */
class SmsTextModeTest extends SmsTestSupport {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+CMGF=?               | +CMGF: (0,1) ~ OK
            AT+CMGF?                | +CMGF: 0 ~ OK
            AT+CMGF=1               | OK
            AT+CMGF=2               | ERROR
            AT+CMGF="1"             | ERROR
            AT+CSCS=?               | +CSCS: ("GSM","IRA","UCS2") ~ OK
            AT+CSCS?                | +CSCS: "GSM" ~ OK
            AT+CSCS="IRA"           | OK
            AT+CSCS="UCS2"          | OK
            AT+CSCS="HEX"           | ERROR
            AT+CSCS=GSM             | ERROR
            AT+CSMP?                | +CSMP: 17,167,0,0 ~ OK
            AT+CSMP=?               | OK
            AT+CSMP=17,167,0,8      | OK
            AT+CSMP=17,167,0,256    | ERROR
            AT+CSMP=16,167,0,0      | ERROR
            AT+CSMP=17,167,0,32     | ERROR
            AT+CSCA?                | +CSCA: "+491710760000",145 ~ OK
            AT+CSCA="+441234",145   | OK
            AT+CSCA="12a"           | ERROR
            AT+CMGS=?               | OK
            AT+CMGS?                | ERROR
            AT+QCMGS=?              | ERROR
            """)
    void shouldAnswerEverySettingsForm(String command, String answer) {
        expect(command, answer);
    }

    @Test
    void shouldKeepTheSettingsItWasGiven() {
        ok("AT+CMGF=1", "AT+CSCS=\"UCS2\"", "AT+CSMP=49,,,8");
        expect("AT+CMGF?", "+CMGF: 1 ~ OK");
        expect("AT+CSCS?", "+CSCS: \"UCS2\" ~ OK");
        expect("AT+CSMP?", "+CSMP: 49,167,0,8 ~ OK");
    }

    @Test
    void shouldSendATextAndDeliverIt() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"GSM\"");

        assertThat(send("AT+CMGS=\"+491701234567\"", "Pump 3: pressure high")).containsExactly("+CMGS: 0", "OK");
        assertThat(send("AT+CMGS=\"01701234567\",129", "second")).containsExactly("+CMGS: 1", "OK");

        List<DeliveredSms> delivered = delivered(2);
        assertThat(delivered.get(0).number()).isEqualTo("+491701234567");
        assertThat(delivered.get(0).text()).isEqualTo("Pump 3: pressure high");
        assertThat(delivered.get(0).encoding()).isEqualTo(DeliveredSms.Encoding.GSM7);
        assertThat(delivered.get(0).reference()).isEqualTo(OptionalInt.empty());
        assertThat(delivered.get(0).parts()).singleElement()
                .satisfies(part -> assertThat(part.messageReference()).isZero());
        assertThat(delivered.get(1).number()).isEqualTo("01701234567");
    }

    @Test
    void shouldWriteThePromptWithItsSpaceAndNoLineEnd() {
        ok("AT+CMGF=1");
        int mark = host.rawLength();
        host.write("AT+CMGS=\"+491701234567\"\r");
        host.awaitRaw(mark, "\r\n> ");
        assertThat(host.rawText().substring(mark)).isEqualTo("\r\n> ");
        host.write(new byte[] {ESC});
        assertThat(host.untilFinal()).containsExactly("> ", "OK");
    }

    @Test
    void shouldTakeANumberInternationalByItsTypeOfAddress() throws Exception {
        ok("AT+CMGF=1");
        assertThat(send("AT+CMGS=\"491701234567\",145", "x")).containsExactly("+CMGS: 0", "OK");
        assertThat(delivered(1).get(0).number()).isEqualTo("+491701234567");
    }

    @Test
    void shouldMapIraToTheGsmAlphabetWithEscapesCountingTwo() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"IRA\"");
        String eighty = "{}".repeat(40);
        assertThat(send("AT+CMGS=\"+491701234567\"", eighty)).containsExactly("+CMGS: 0", "OK");
        assertThat(send("AT+CMGS=\"+491701234567\"", eighty + "x")).containsExactly("+CMS ERROR: 305");
        assertThat(send("AT+CMGS=\"+491701234567\"", "@$_`[]")).containsExactly("+CMGS: 1", "OK");

        List<DeliveredSms> delivered = delivered(2);
        assertThat(delivered.get(0).text()).isEqualTo(eighty);
        assertThat(delivered.get(0).parts().get(0).length()).isEqualTo(160);
        // a character GSM-7 lacks ('`') reaches the phone as '?', as the module replaces it
        assertThat(delivered.get(1).text()).isEqualTo("@$_?[]");
    }

    @Test
    void shouldTakeGsmCodesAsTheyAreInTheGsmCharacterSet() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"GSM\"");
        // 0x00 is '@', 0x02 '$', 0x11 '_', 0x7F 'à': the module passes GSM codes through
        assertThat(send("AT+CMGS=\"+491701234567\"", new byte[] {'a', 0x00, 0x02, 0x11, 0x7F}))
                .containsExactly("+CMGS: 0", "OK");
        assertThat(send("AT+CMGS=\"+491701234567\"", "x".repeat(160))).containsExactly("+CMGS: 1", "OK");
        assertThat(send("AT+CMGS=\"+491701234567\"", "x".repeat(161))).containsExactly("+CMS ERROR: 305");
        assertThat(delivered(2).get(0).text()).isEqualTo("a@$_à");
    }

    @Test
    void shouldTakeUcs2HexForTextAndNumberWithTheUcs2CharacterSet() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"UCS2\"");
        String number = ucs2Hex("+491701234567");
        assertThat(send("AT+CMGS=\"" + number + "\"", ucs2Hex("Tank {3} 5 €"))).containsExactly("+CMGS: 0", "OK");
        // the number too is UCS2 hex in this character set
        expect("AT+CMGS=\"+491701234567\"", "+CMS ERROR: 305");
        assertThat(send("AT+CMGS=\"" + number + "\"", "00G1")).containsExactly("+CMS ERROR: 305");

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.number()).isEqualTo("+491701234567");
        assertThat(sms.text()).isEqualTo("Tank {3} 5 €");
        assertThat(sms.encoding()).isEqualTo(DeliveredSms.Encoding.GSM7);
        assertThat(sms.parts().get(0).length()).isEqualTo(15);
    }

    @Test
    void shouldSendUcs2WithDataCoding8UpTo70Units() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"GSM\"", "AT+CSMP=17,167,0,8");
        String seventy = "Давление ".repeat(7) + "Давлени";
        assertThat(seventy).hasSize(70);
        assertThat(send("AT+CMGS=\"+491701234567\"", ucs2Hex(seventy))).containsExactly("+CMGS: 0", "OK");
        assertThat(send("AT+CMGS=\"+491701234567\"", ucs2Hex(seventy + "!"))).containsExactly("+CMS ERROR: 305");
        assertThat(send("AT+CMGS=\"+491701234567\"", "043")).containsExactly("+CMS ERROR: 305");

        DeliveredSms sms = delivered(1).get(0);
        assertThat(sms.text()).isEqualTo(seventy);
        assertThat(sms.encoding()).isEqualTo(DeliveredSms.Encoding.UCS2);
    }

    @Test
    void shouldIgnoreLineEndsInHexText() throws Exception {
        ok("AT+CMGF=1", "AT+CSMP=17,167,0,8");
        assertThat(send("AT+CMGS=\"+491701234567\"", "00480069\r\n")).containsExactly("+CMGS: 0", "OK");
        assertThat(delivered(1).get(0).text()).isEqualTo("Hi");
    }

    @Test
    void shouldPromptAgainAfterACarriageReturnInPlainText() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"IRA\"");
        int mark = host.rawLength();
        host.write("AT+CMGS=\"+491701234567\"\r");
        host.awaitRaw(mark, "> ");
        host.write("line 1\r");
        host.awaitRaw(mark + 4, "\r\n> ");
        host.write("line 2\u001a");
        assertThat(host.untilFinal()).containsExactly("> ", "> ", "+CMGS: 0", "OK");
        assertThat(delivered(1).get(0).text()).isEqualTo("line 1\rline 2");
    }

    @Test
    void shouldAbandonTheMessageOnEscWithOk() throws Exception {
        ok("AT+CMGF=1");
        int mark = host.rawLength();
        host.write("AT+CMGS=\"+491701234567\"\r");
        host.awaitRaw(mark, "> ");
        host.write("half a message");
        host.write(new byte[] {ESC});
        assertThat(host.untilFinal()).containsExactly("> ", "OK");

        assertThat(send("AT+CMGS=\"+491701234567\"", "whole")).containsExactly("+CMGS: 0", "OK");
        assertThat(delivered(1)).singleElement().satisfies(sms -> assertThat(sms.text()).isEqualTo("whole"));
    }

    @Test
    void shouldTakeACommandTypedDuringThePromptAsText() throws Exception {
        ok("AT+CMGF=1", "AT+CSCS=\"IRA\"");
        int mark = host.rawLength();
        host.write("AT+CMGS=\"+491701234567\"\r");
        host.awaitRaw(mark, "> ");
        host.write("alarm\nAT+CSQ\nAT");
        host.write(new byte[] {CTRL_Z});

        assertThat(host.untilFinal()).containsExactly("> ", "+CMGS: 0", "OK");
        assertThat(delivered(1).get(0).text()).isEqualTo("alarm\nAT+CSQ\nAT");
    }

    @Test
    void shouldEchoTheTextWithEchoOn() {
        ok("AT+CMGF=1", "ATE1");
        int mark = host.rawLength();
        host.write("AT+CMGS=\"+491701234567\"\r");
        host.awaitRaw(mark, "> ");
        host.write("hi\u001a");
        host.awaitRaw(mark, "OK\r\n");
        assertThat(host.rawText().substring(mark)).isEqualTo("AT+CMGS=\"+491701234567\"\r\r\n> hi\u001a\r\n+CMGS: 0\r\n\r\nOK\r\n");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+CMGS="+49170x234567"             | +CMS ERROR: 305
            AT+CMGS=""                          | +CMS ERROR: 305
            AT+CMGS=491701234567                | +CMS ERROR: 305
            AT+CMGS="123456789012345678901"     | +CMS ERROR: 305
            AT+CMGS="+491701234567",12          | +CMS ERROR: 305
            AT+CMGS="+491701234567",145,1       | +CMS ERROR: 305
            """)
    void shouldRefuseBadParametersBeforeThePrompt(String command, String answer) {
        ok("AT+CMGF=1");
        expect(command, answer);
    }

    @Test
    void shouldAnswerPlainErrorOrVerboseTextAsCmeeSays() {
        ok("AT+CMGF=1", "AT+CMEE=0");
        expect("AT+CMGS=\"x\"", "ERROR");
        ok("AT+CMEE=2");
        expect("AT+CMGS=\"x\"", "+CMS ERROR: invalid text mode parameter");
    }

    @Test
    void shouldRefuseATextModeHeaderItCannotBuild() {
        ok("AT+CMGF=1", "AT+CSMP=81,167,0,0");
        expect("AT+CMGS=\"+491701234567\"", "+CMS ERROR: 303");
    }

    @Test
    void shouldRefuseAnInternationalNumberLongerThanE164AsTheNetworkDoes() throws Exception {
        ok("AT+CMGF=1");
        assertThat(send("AT+CMGS=\"+4917012345678901\"", "x")).containsExactly("+CMS ERROR: 1");
        assertThat(modem.smsCentre().delivered()).isEmpty();
        assertThat(send("AT+CMGS=\"+491701234567\"", "x")).containsExactly("+CMGS: 0", "OK");
    }

    @Test
    void shouldNeedAServiceCentreAddress() {
        ok("AT+CMGF=1", "AT+CSCA=\"\"");
        assertThat(send("AT+CMGS=\"+491701234567\"", "x")).containsExactly("+CMS ERROR: 330");
    }

    @Test
    void shouldHoldAUrcUntilTheMessageIsAnswered() {
        ok("AT+CMGF=1");
        int mark = host.rawLength();
        host.write("AT+CMGS=\"+491701234567\"\r");
        host.awaitRaw(mark, "> ");
        modem.faults().apply("pdp-deact");
        host.write("x\u001a");
        assertThat(host.untilFinal()).containsExactly("> ", "+CMGS: 0", "OK");
        assertThat(host.nextLine()).isEqualTo("+PDP DEACT");
    }

    @Test
    void shouldForgetAMessageBeingEnteredAtAReboot() {
        ok("AT+CMGF=1");
        int mark = host.rawLength();
        host.write("AT+CMGS=\"+491701234567\"\r");
        host.awaitRaw(mark, "> ");
        modem.faults().reboot();
        host.expectLines("> ", "RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("AT")).containsExactly("AT", "OK");
        assertThat(modem.smsCentre().delivered()).isEmpty();
    }
}
