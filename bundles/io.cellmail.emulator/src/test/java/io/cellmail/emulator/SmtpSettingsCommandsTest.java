/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Spec 2.2.1-2.2.5, 2.2.11, 2.2.12: the SMTP account, server and configuration commands. */
class SmtpSettingsCommandsTest extends ModemTestSupport {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPUSER=?                      | +QSMTPUSER: "USER" ~ OK
            AT+QSMTPUSER?                       | +QSMTPUSER: "" ~ OK
            AT+QSMTPUSER="quectel"              | OK
            at+qsmtpuser="lower case command"   | OK
            AT+QSMTPUSER=""                     | OK
            AT+QSMTPUSER=quectel                | ERROR
            AT+QSMTPUSER="que"tel"              | ERROR
            AT+QSMTPUSER="quectel               | ERROR
            AT+QSMTPUSER="a","b"                | ERROR
            AT+QSMTPUSER=                       | ERROR
            AT+QSMTPUSER                        | ERROR
            AT+QSMTPPWD=?                       | +QSMTPPWD: "PASSWORD" ~ OK
            AT+QSMTPPWD?                        | +QSMTPPWD: "****" ~ OK
            AT+QSMTPPWD="test"                  | OK
            AT+QSMTPPWD=test                    | ERROR
            AT+QSMTPPWD                         | ERROR
            AT+QSMTPADDR=?                      | +QSMTPADDR: "ADDRESS" ~ OK
            AT+QSMTPADDR?                       | +QSMTPADDR: "" ~ OK
            AT+QSMTPADDR="quectel@163.com"      | OK
            AT+QSMTPADDR=quectel@163.com        | ERROR
            AT+QSMTPADDR                        | ERROR
            AT+QSMTPNAME=?                      | +QSMTPNAME: "NAME" ~ OK
            AT+QSMTPNAME?                       | +QSMTPNAME: "" ~ OK
            AT+QSMTPNAME="quectel"              | OK
            AT+QSMTPNAME="a, b; c"              | OK
            AT+QSMTPNAME                        | ERROR
            AT+QSMTPSRV=?                       | +QSMTPSRV: "SERVER",(1-65535) ~ OK
            AT+QSMTPSRV?                        | OK ~ +QSMTPSRV: "",25
            AT+QSMTPSRV="smtp.163.com",25       | OK
            AT+QSMTPSRV = "smtp.163.com" , 25   | OK
            AT+QSMTPSRV="smtp.163.com",1        | OK
            AT+QSMTPSRV="smtp.163.com",65535    | OK
            AT+QSMTPSRV="smtp.163.com",0        | ERROR
            AT+QSMTPSRV="smtp.163.com",65536    | ERROR
            AT+QSMTPSRV="smtp.163.com",-1       | ERROR
            AT+QSMTPSRV="smtp.163.com",2x       | ERROR
            AT+QSMTPSRV="smtp.163.com"          | ERROR
            AT+QSMTPSRV="smtp.163.com",25,1     | ERROR
            AT+QSMTPSRV=smtp.163.com,25         | ERROR
            AT+QSMTPSRV="",25                   | ERROR
            AT+QSMTPSRV                         | ERROR
            AT+QSMTPCFG=?                       | +QSMTPCFG: (1) ~ OK
            AT+QSMTPCFG=1                       | +QSMTPCFG:1 ~ OK
            AT+QSMTPCFG=1,0                     | OK
            AT+QSMTPCFG=1,1                     | OK
            AT+QSMTPCFG=1,2                     | ERROR
            AT+QSMTPCFG=2                       | ERROR
            AT+QSMTPCFG=2,1                     | ERROR
            AT+QSMTPCFG=0,1                     | ERROR
            AT+QSMTPCFG?                        | ERROR
            AT+QSMTPCFG                         | ERROR
            AT+QSMTPCLR=?                       | OK
            AT+QSMTPCLR                         | OK
            AT+QSMTPCLR?                        | ERROR
            AT+QSMTPCLR=1                       | ERROR
            """)
    void shouldAnswerEveryFormAsTheSpecSays(String command, String answer) {
        expect(command, answer);
    }

    @ParameterizedTest(name = "{0} with {1} characters -> {2}")
    @MethodSource("credentialLengths")
    void shouldLimitUserAndPasswordTo50Chars(String command, int length, String answer) {
        expect(command + "=\"" + "x".repeat(length) + "\"", answer);
    }

    static Stream<Arguments> credentialLengths() {
        return Stream.of(
                Arguments.of("AT+QSMTPUSER", 50, "OK"), Arguments.of("AT+QSMTPUSER", 51, "ERROR"),
                Arguments.of("AT+QSMTPPWD", 50, "OK"), Arguments.of("AT+QSMTPPWD", 51, "ERROR"));
    }

    @Test
    void shouldReadBackWhatWasWritten() {
        ok("AT+QSMTPUSER=\"quectel\"", "AT+QSMTPADDR=\"quectel@163.com\"", "AT+QSMTPNAME=\"Quectel Alarm\"",
                "AT+QSMTPSRV=\"smtp.163.com\",587");

        expect("AT+QSMTPUSER?", "+QSMTPUSER: \"quectel\" ~ OK");
        expect("AT+QSMTPADDR?", "+QSMTPADDR: \"quectel@163.com\" ~ OK");
        expect("AT+QSMTPNAME?", "+QSMTPNAME: \"Quectel Alarm\" ~ OK");
        expect("AT+QSMTPSRV?", "OK ~ +QSMTPSRV: \"smtp.163.com\",587");
    }

    @Test
    void shouldMaskThePasswordWhenReadBack() {
        ok("AT+QSMTPPWD=\"s3cret\"");

        expect("AT+QSMTPPWD?", "+QSMTPPWD: \"****\" ~ OK");
        assertThat(host.rawText()).doesNotContain("s3cret");
    }

    @Test
    void shouldQueryTheAuthenticationFlagWhenTheValueIsOmitted() {
        expect("AT+QSMTPCFG=1", "+QSMTPCFG:1 ~ OK");
        ok("AT+QSMTPCFG=1,0");
        expect("AT+QSMTPCFG=1", "+QSMTPCFG:0 ~ OK");
    }

    @Test
    void shouldClearExactlyTheNineItemsButKeepTheAuthenticationFlagAndTheContext() {
        configureSendableMail();
        ok("AT+QSMTPSUB=0,\"SMTP TEST\"", "AT+QSMTPCFG=1,0", "AT+QICSGP=1,\"CMNET\"");
        upload("AT+QSMTPBODY=0", "body", "+QSMTPBODY:4");
        upload("AT+QSMTPATT=\"a.txt\"", "attachment", "+QSMTPATT:10");

        ok("AT+QSMTPCLR");

        expect("AT+QSMTPUSER?", "+QSMTPUSER: \"\" ~ OK");
        expect("AT+QSMTPADDR?", "+QSMTPADDR: \"\" ~ OK");
        expect("AT+QSMTPNAME?", "+QSMTPNAME: \"\" ~ OK");
        expect("AT+QSMTPSRV?", "OK ~ +QSMTPSRV: \"\",25");
        expect("AT+QSMTPDST?", "OK");
        expect("AT+QSMTPSUB?", "+QSMTPSUB: 0,\"\" ~ OK");
        expect("AT+QSMTPATT?", "OK");
        expect("AT+QSMTPCFG=1", "+QSMTPCFG:0 ~ OK");
        expect("AT+QICSGP?", "+QICSGP: 1,\"CMNET\" ~ OK");
        // Password and body have no read-back: the next mail shows them cleared.
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
        expect("AT+QSMTPDST=1,1,\"x@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        assertThat(relay.mails).singleElement().satisfies(mail -> {
            assertThat(mail.password()).isEmpty();
            assertThat(mail.body()).isEmpty();
            assertThat(mail.attachments()).isEmpty();
            assertThat(mail.authenticate()).isFalse();
        });
    }

    private void upload(String command, String payload, String result) {
        expect(command, "OK ~ CONNECT");
        host.write(payload + "+++");
        assertThat(host.nextLine()).isEqualTo(result);
    }

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().lenientEscape(true).build();
    }
}
