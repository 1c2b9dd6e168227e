/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LTE recipients, subject and the length-ended body; every rejection. */
class LteContentCommandsTest extends LteTestSupport {

    @Override
    protected EmulatorSettings settings() {
        // a short guard makes the "+++ ends the body early" case quick
        return super.settings().toBuilder().guardTime(Duration.ofMillis(200)).build();
    }

    @Test
    void shouldAddListAndDeleteRecipients() {
        ok("AT+QSMTPDST=1,1,\"to@example.com\"", "AT+QSMTPDST=1,2,\"cc@example.com\"",
                "AT+QSMTPDST=1,3,\"bcc@example.com\"");
        expect("AT+QSMTPDST?", "+QSMTPDST: 1,\"to@example.com\" ~ +QSMTPDST: 2,\"cc@example.com\""
                + " ~ +QSMTPDST: 3,\"bcc@example.com\" ~ OK");
        ok("AT+QSMTPDST=0,2,\"cc@example.com\"");
        expect("AT+QSMTPDST?", "+QSMTPDST: 1,\"to@example.com\" ~ +QSMTPDST: 3,\"bcc@example.com\" ~ OK");
        ok("AT+QSMTPDST=0");
        expect("AT+QSMTPDST?", "OK");
        expect("AT+QSMTPDST=?", "+QSMTPDST: (0,1),(1-3),\"<addr>\" ~ OK");
    }

    @Test
    void shouldRefuseA21stRecipient() {
        for (int i = 0; i < 20; i++) {
            ok("AT+QSMTPDST=1,1,\"r" + i + "@example.com\"");
        }
        expect("AT+QSMTPDST=1,1,\"r20@example.com\"", "ERROR");
    }

    @ParameterizedTest(name = "{0} -> ERROR")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPDST=0,1,"absent@example.com"
            AT+QSMTPDST=1
            AT+QSMTPDST=2,1,"a@example.com"
            AT+QSMTPDST=1,0,"a@example.com"
            AT+QSMTPDST=1,4,"a@example.com"
            AT+QSMTPDST=1,1,""
            AT+QSMTPDST=1,1,a@example.com
            AT+QSMTPDST=1,1
            AT+QSMTPSUB=4,"x"
            AT+QSMTPSUB=0
            AT+QSMTPSUB=0,x
            AT+QSMTPSUB="0","x"
            AT+QSMTPBODY=0
            AT+QSMTPBODY=4,10
            AT+QSMTPBODY=0,0
            AT+QSMTPBODY=0,10241
            AT+QSMTPBODY=0,10,0
            AT+QSMTPBODY=0,10,65536
            AT+QSMTPBODY?
            AT+QSMTPCLR=1
            AT+QSMTPCLR?
            """)
    void shouldRejectWhatTheModuleRejects(String command) {
        expect(command, "ERROR");
    }

    @Test
    void shouldSetAndQueryTheSubjectInItsCharset() {
        ok("AT+QSMTPSUB=0,\"ALARM tank 3\"");
        expect("AT+QSMTPSUB?", "+QSMTPSUB: 0,\"ALARM tank 3\" ~ OK");
        ok("AT+QSMTPSUB=1,\"Füllstand\"");
        expect("AT+QSMTPSUB?", "+QSMTPSUB: 1,\"Füllstand\" ~ OK");
        expect("AT+QSMTPSUB=?", "+QSMTPSUB: (0-3),\"<subject>\" ~ OK");
    }

    @Test
    void shouldEndTheBodyAfterExactlyItsLengthWithoutEscape() {
        expect("AT+QSMTPBODY=0,18,30", "CONNECT");
        host.write("Level high: 97 %\r\nAT\r");
        host.expectLines("+QSMTPBODY: 18", "OK");
        // the bytes after the body are commands again: the AT written with the body is answered
        host.expectLines("OK");
        expect("AT+QSMTPDST=1,1,\"ops@example.com\"", "OK");
    }

    @Test
    void shouldTakeTheBodyInPiecesAndKeepPlusSignsAsData() {
        expect("AT+QSMTPBODY=1,7,30", "CONNECT");
        host.write("+++");
        host.write("a+++");
        host.expectLines("+QSMTPBODY: 7", "OK");
    }

    @Test
    void shouldKeepWhatArrivedWhenTheInputTimeIsUp() {
        expect("AT+QSMTPBODY=0,100,1", "CONNECT");
        host.write("partial");
        assertThat(host.nextLine(Duration.ofSeconds(3))).isEqualTo("+QSMTPBODY: 7");
        host.expectLines("OK");
        expect("AT", "OK");
    }

    @Test
    void shouldEndTheBodyEarlyOnAnEscapeFramedBySilence() throws InterruptedException {
        expect("AT+QSMTPBODY=0,100,30", "CONNECT");
        host.write("short");
        Thread.sleep(300); // the guard time before +++ is the point of this test
        host.write("+++");
        host.expectLines("+QSMTPBODY: 5", "OK");
    }

    @Test
    void shouldClearContentButNotConfiguration() {
        ok("AT+QSMTPDST=1,1,\"to@example.com\"", "AT+QSMTPSUB=0,\"s\"");
        ok("AT+QSMTPCLR");
        expect("AT+QSMTPDST?", "OK");
        expect("AT+QSMTPSUB?", "+QSMTPSUB: 0,\"\" ~ OK");
    }
}
