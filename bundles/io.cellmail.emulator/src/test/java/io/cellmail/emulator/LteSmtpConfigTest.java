/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LTE {@code AT+QSMTPCFG}: every key, its query, its range, and every rejection. */
class LteSmtpConfigTest extends LteTestSupport {

    @Test
    void shouldListEveryKeyInTheTestForm() {
        expect("AT+QSMTPCFG=?", """
                +QSMTPCFG: "contextid",(1-16) ~ +QSMTPCFG: "sslctxid",(0-5) ~ +QSMTPCFG: "ssltype",(0-2)
                ~ +QSMTPCFG: "smtpserver","<srvaddr>",<srvport> ~ +QSMTPCFG: "account","<username>","<password>"
                ~ +QSMTPCFG: "sender","<sender_name>","<sender_email>" ~ OK""");
    }

    @Test
    void shouldReportTheChosenDefaults() {
        expect("AT+QSMTPCFG=\"contextid\"", "+QSMTPCFG: \"contextid\",1 ~ OK");
        expect("AT+QSMTPCFG=\"sslctxid\"", "+QSMTPCFG: \"sslctxid\",1 ~ OK");
        expect("AT+QSMTPCFG=\"ssltype\"", "+QSMTPCFG: \"ssltype\",0 ~ OK");
        expect("AT+QSMTPCFG=\"smtpserver\"", "+QSMTPCFG: \"smtpserver\",\"\",25 ~ OK");
        expect("AT+QSMTPCFG=\"account\"", "+QSMTPCFG: \"account\",\"\",\"\" ~ OK");
        expect("AT+QSMTPCFG=\"sender\"", "+QSMTPCFG: \"sender\",\"\",\"\" ~ OK");
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPCFG="contextid",16                          | AT+QSMTPCFG="contextid"  | +QSMTPCFG: "contextid",16
            AT+QSMTPCFG="sslctxid",0                            | AT+QSMTPCFG="sslctxid"   | +QSMTPCFG: "sslctxid",0
            AT+QSMTPCFG="sslctxid",5                            | AT+QSMTPCFG="sslctxid"   | +QSMTPCFG: "sslctxid",5
            AT+QSMTPCFG="ssltype",2                             | AT+QSMTPCFG="ssltype"    | +QSMTPCFG: "ssltype",2
            AT+QSMTPCFG="smtpserver","smtp.example.com",465     | AT+QSMTPCFG="smtpserver" | +QSMTPCFG: "smtpserver","smtp.example.com",465
            AT+QSMTPCFG="account","user@example.com","secret"   | AT+QSMTPCFG="account"    | +QSMTPCFG: "account","user@example.com","secret"
            AT+QSMTPCFG="sender","Gateway 7","user@example.com" | AT+QSMTPCFG="sender"     | +QSMTPCFG: "sender","Gateway 7","user@example.com"
            AT+QSMTPCFG="SSLType",1                             | AT+QSMTPCFG="ssltype"    | +QSMTPCFG: "ssltype",1
            """)
    void shouldSetAndQueryEveryKey(String set, String query, String answer) {
        ok(set);
        expect(query, answer + " ~ OK");
    }

    @ParameterizedTest(name = "{0} -> ERROR")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPCFG?
            AT+QSMTPCFG
            AT+QSMTPCFG="smtptype",1
            AT+QSMTPCFG="smtptype"
            AT+QSMTPCFG=contextid,1
            AT+QSMTPCFG=1,1
            AT+QSMTPCFG="contextid",0
            AT+QSMTPCFG="contextid",17
            AT+QSMTPCFG="contextid","1"
            AT+QSMTPCFG="contextid",1,2
            AT+QSMTPCFG="sslctxid",6
            AT+QSMTPCFG="ssltype",3
            AT+QSMTPCFG="smtpserver","smtp.example.com"
            AT+QSMTPCFG="smtpserver","smtp.example.com",0
            AT+QSMTPCFG="smtpserver","smtp.example.com",65536
            AT+QSMTPCFG="smtpserver","",25
            AT+QSMTPCFG="smtpserver",smtp.example.com,25
            AT+QSMTPCFG="account","user"
            AT+QSMTPCFG="account","user",secret
            AT+QSMTPCFG="sender","Gateway 7"
            AT+QSMTPCFG="sender","a","b","c"
            """)
    void shouldRejectWhatTheModuleRejects(String command) {
        expect(command, "ERROR");
    }

    @Test
    void shouldRejectTextBeyond255Characters() {
        expect("AT+QSMTPCFG=\"account\",\"" + "u".repeat(256) + "\",\"p\"", "ERROR");
        ok("AT+QSMTPCFG=\"account\",\"" + "u".repeat(255) + "\",\"p\"");
    }

    @Test
    void shouldNeverShowTheAccountPasswordInTheTranscript() {
        ok("AT+QSMTPCFG=\"account\",\"user\",\"s3cret\"");
        expect("AT+QSMTPCFG=\"account\"", "+QSMTPCFG: \"account\",\"user\",\"s3cret\" ~ OK");
        assertThat(modem.transcript().lines()).hasSizeGreaterThan(3)
                .noneSatisfy(line -> assertThat(line.text()).contains("s3cret"));
    }

    @Test
    void shouldKeepTheConfigurationAcrossQsmtpclr() {
        ok("AT+QSMTPCFG=\"smtpserver\",\"smtp.example.com\",587", "AT+QSMTPCFG=\"contextid\",2",
                "AT+QSMTPCFG=\"sender\",\"n\",\"a@example.com\"", "AT+QSMTPCLR");
        expect("AT+QSMTPCFG=\"smtpserver\"", "+QSMTPCFG: \"smtpserver\",\"smtp.example.com\",587 ~ OK");
        expect("AT+QSMTPCFG=\"contextid\"", "+QSMTPCFG: \"contextid\",2 ~ OK");
        expect("AT+QSMTPCFG=\"sender\"", "+QSMTPCFG: \"sender\",\"n\",\"a@example.com\" ~ OK");
    }
}
