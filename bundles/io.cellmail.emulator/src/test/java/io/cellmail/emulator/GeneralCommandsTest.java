/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The basic, radio and data-context commands the SMTP service relies on. */
class GeneralCommandsTest extends ModemTestSupport {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT                              | OK
            at                              | OK
            ATI                             | Quectel_Ltd ~ Quectel_M95 ~ Revision: M95FAR02A08 ~ OK
            ATI0                            | Quectel_Ltd ~ Quectel_M95 ~ Revision: M95FAR02A08 ~ OK
            ATI9                            | ERROR
            ATE1                            | OK
            ATE2                            | ERROR
            ATV1                            | OK
            AT&W                            | OK
            AT+CMEE=?                       | +CMEE: (0-2) ~ OK
            AT+CMEE?                        | +CMEE: 0 ~ OK
            AT+CMEE=2                       | OK
            AT+CMEE=3                       | ERROR
            AT+IPR=?    | +IPR: (),(0,300,600,1200,2400,4800,9600,14400,19200,28800,38400,57600,115200) ~ OK
            AT+IPR?                         | +IPR: 115200 ~ OK
            AT+IPR=9600                     | OK
            AT+IPR=9601                     | ERROR
            AT+IPR=115200;&W                | OK
            AT+IFC=?                        | +IFC: (0,2),(0,2) ~ OK
            AT+IFC?                         | +IFC: 0,0 ~ OK
            AT+IFC=2,2                      | OK
            AT+IFC=1,1                      | ERROR
            AT+CPIN?                        | +CPIN: READY ~ OK
            AT+CPIN=?                       | OK
            AT+CREG?                        | +CREG: 0,1 ~ OK
            AT+CREG=?                       | +CREG: (0-2) ~ OK
            AT+CREG=3                       | ERROR
            AT+CGATT?                       | +CGATT: 1 ~ OK
            AT+CGATT=?                      | +CGATT: (0,1) ~ OK
            AT+CSQ                          | +CSQ: 20,0 ~ OK
            AT+CSQ=?                        | +CSQ: (0-31,99),(0-7,99) ~ OK
            AT+CSQ?                         | ERROR
            AT+QIFGCNT=0                    | OK
            AT+QIFGCNT=2                    | ERROR
            AT+QIFGCNT=?                    | +QIFGCNT: (0-1) ~ OK
            AT+QICSGP=1,"CMNET"             | OK
            AT+QICSGP=1,"CMNET","user","pw" | OK
            AT+QICSGP=1,CMNET               | ERROR
            AT+QICSGP=2,"CMNET"             | ERROR
            AT+QICSGP=1                     | ERROR
            AT+QIDEACT                      | DEACT OK
            AT+QIDEACT=?                    | OK
            AT+FOO                          | ERROR
            ATX                             | ERROR
            AT+CSQ;+FOO                     | +CSQ: 20,0 ~ ERROR
            AT+CSQ;+CREG?                   | +CSQ: 20,0 ~ +CREG: 0,1 ~ OK
            AT#                             | ERROR
            """)
    void shouldAnswerAsAnM95Does(String command, String answer) {
        expect(command, answer);
    }

    @Test
    void shouldIgnoreLinesWithoutAnAtPrefix() {
        host.write("hello\r");
        assertThat(host.command("AT")).as("the garbage line got no answer").containsExactly("OK");
    }

    @Test
    void shouldFindThePrefixAfterLeftoversOfAFailedEscape() {
        assertThat(host.command("+++AT")).containsExactly("OK");
    }

    @Test
    void shouldTolerateLfAndCrLfTerminators() {
        host.write("AT\n");
        host.expectLines("OK");
        host.write("AT+CSQ\r\n");
        host.expectLines("+CSQ: 20,0", "OK");
        assertThat(host.command("AT")).as("the LF after CR is no empty command").containsExactly("OK");
    }

    @Test
    void shouldFrameResponsesWithCrLfLikeARealModule() {
        host.command("AT+CSQ");
        assertThat(host.rawText()).endsWith("\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
    }

    @Test
    void shouldEchoCommandLinesAfterAte1() {
        ok("ATE1");
        host.command("AT+CSQ");
        assertThat(host.rawText()).endsWith("AT+CSQ\r\r\n+CSQ: 20,0\r\n\r\nOK\r\n");
    }

    @Test
    void shouldSendNumericResultCodesAfterAtv0() {
        host.write("ATV0\r");
        host.expectLines("0");
        host.write("AT+CSQ\r");
        host.expectLines("+CSQ: 20,0", "0");
        host.write("AT+FOO\r");
        host.expectLines("4");
        assertThat(host.rawText()).endsWith("+CSQ: 20,0\r\n0\r4\r");
        host.write("ATV1\r");
        host.expectLines("OK");
    }

    @Test
    void shouldKeepSavedRateAndFlowControlOverARebootButNotUnsavedOnes() {
        ok("AT+IPR=9600;&W", "AT+IFC=2,2", "AT+CMEE=1");

        modem.faults().reboot();
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        assertThat(host.command("ATE0")).containsExactly("ATE0", "OK");

        expect("AT+IPR?", "+IPR: 9600 ~ OK");
        expect("AT+IFC?", "+IFC: 0,0 ~ OK");
        expect("AT+CMEE?", "+CMEE: 0 ~ OK");
    }

    @Test
    void shouldDetachAndAttach() {
        ok("AT+CGATT=0");
        expect("AT+CGATT?", "+CGATT: 0 ~ OK");
        ok("AT+CGATT=1");
        expect("AT+CGATT?", "+CGATT: 1 ~ OK");
    }

    @Test
    void shouldReportTheContextSettingsButNeverTheirPassword() {
        ok("AT+QIFGCNT=0", "AT+QICSGP=1,\"CMNET\",\"gprs\",\"apn-secret\"");
        expect("AT+QICSGP?", "+QICSGP: 1,\"CMNET\" ~ OK");
        expect("AT+QIFGCNT?", "+QIFGCNT: 0,1 ~ OK");
        assertThat(host.rawText()).doesNotContain("apn-secret");
    }

    @Test
    void shouldAnswerErrorToAnOverlongLine() {
        assertThat(host.command("AT+QSMTPNAME=\"" + "n".repeat(1100) + "\"")).containsExactly("ERROR");
        assertThat(host.command("AT")).containsExactly("OK");
    }
}
