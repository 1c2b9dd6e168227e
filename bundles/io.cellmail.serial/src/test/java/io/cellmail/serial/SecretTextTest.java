/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets never survive masking, whatever shape the line has; nothing else is touched. */
class SecretTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            AT+QSMTPPWD="test"                               | AT+QSMTPPWD="****"
            at+qsmtppwd="test"                               | at+qsmtppwd="****"
            AT+QSMTPPWD = "test"                             | AT+QSMTPPWD = "****"
            AT + QSMTPPWD="test"                             | AT + QSMTPPWD="****"
            AT+QSMTPPWD="test";+QSMTPUSER="u"                | AT+QSMTPPWD="****";+QSMTPUSER="u"
            AT+QSMTPUSER="u";+QSMTPPWD="p";+QSMTPNAME="n"    | AT+QSMTPUSER="u";+QSMTPPWD="****";+QSMTPNAME="n"
            AT+QSMTPPWD="te"st"                              | AT+QSMTPPWD="****"
            AT+QSMTPPWD="with, comma "" quote"               | AT+QSMTPPWD="****"
            AT+QSMTPPWD="te;st                               | AT+QSMTPPWD="****"
            AT+QSMTPPWD=test                                 | AT+QSMTPPWD="****"
            >> AT+QSMTPPWD="secret"                          | >> AT+QSMTPPWD="****"
            AT+QSMTPPWD=?                                    | AT+QSMTPPWD=?
            AT+QSMTPPWD?                                     | AT+QSMTPPWD?
            +QSMTPPWD: "****"                                | +QSMTPPWD: "****"
            AT+QICSGP=1,"CMNET","user","test"                | AT+QICSGP=1,"CMNET","user","****"
            AT+QICSGP=1,"CM,NET","us,er","test"              | AT+QICSGP=1,"CM,NET","us,er","****"
            AT+QICSGP=1, "apn", "user", "secret"             | AT+QICSGP=1, "apn", "user", "****"
            AT+QICSGP=1,"CMNET"                              | AT+QICSGP=1,"CMNET"
            AT+QICSGP=1,"CMNET";+QSMTPPWD="test"             | AT+QICSGP=1,"CMNET";+QSMTPPWD="****"
            AT+QICSGP=1,1,"internet","user","secret",1       | AT+QICSGP=1,1,"internet","user","****"
            AT+QICSGP=1,1,"internet","user","secret"         | AT+QICSGP=1,1,"internet","user","****"
            +QICSGP: 1,"internet","user","secret",1          | +QICSGP: 1,"internet","user","****"
            AT+QICSGP=1                                      | AT+QICSGP=1
            AT+QSMTPCFG="account","alarm","secret"           | AT+QSMTPCFG="account","alarm","****"
            +QSMTPCFG: "account","alarm","secret"            | +QSMTPCFG: "account","alarm","****"
            AT+QSMTPCFG="smtpserver","mail.example.com",465  | AT+QSMTPCFG="smtpserver","mail.example.com",465
            AT+QSMTPCFG="account"                            | AT+QSMTPCFG="account"
            AT+CPIN="4711"                                   | AT+CPIN="****"
            AT+CPIN="12345678","4711"                        | AT+CPIN="****"
            AT+CPIN?                                         | AT+CPIN?
            +CPIN: SIM PIN                                   | +CPIN: SIM PIN
            +CPIN: READY                                     | +CPIN: READY
            AT+QSMTPUSER="test"                              | AT+QSMTPUSER="test"
            << +QSMTPPUT: 0                                  | << +QSMTPPUT: 0
            OK                                               | OK
            """)
    void shouldMaskEveryPasswordAndNothingElse(String line, String masked) {
        assertThat(SecretText.mask(line)).isEqualTo(masked);
    }

    @Test
    void shouldKeepTheLineEndAfterACleanlyQuotedSecret() {
        assertThat(SecretText.mask("AT+QSMTPPWD=\"test\"\r")).isEqualTo("AT+QSMTPPWD=\"****\"\r");
        assertThat(SecretText.mask("AT+CPIN=\"4711\"\r\n")).isEqualTo("AT+CPIN=\"****\"\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT+QSMTPPWD=\"hunter2\"", "AT+QICSGP=1,\"apn\",\"u\",\"hunter2\"",
        "ATE0;+QSMTPPWD=\"hunter2\"", "AT + QSMTPPWD=\"hunter2\"", "AT+\tQSMTPPWD=\"hunter2\"",
        "AT+QSMTPSUB=0,\"+\";+cpin=\"hunter2\"", "AT+CPIN=\"hunter2\"",
        "AT+CPIN=\"12345678\",\"hunter2\"", "AT+QICSGP=1,1,\"apn\",\"u\",\"hunter2\",2",
        "at+qsmtpcfg = \"ACCOUNT\" , \"u\" , \"hunter2\"", "AT+QSMTPPWD=\"x\";+QSMTPPWD=\"hunter2\""})
    void shouldNeverLetThePasswordThrough(String line) {
        assertThat(SecretText.mask(line)).doesNotContain("hunter2").contains(SecretText.MASK);
    }
}
