/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spec 2.2.6: {@code AT+QSMTPDST}, its deferred result and the 20-recipient limit. */
class RecipientCommandsTest extends ModemTestSupport {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPDST=?                           | +QSMTPDST: (0,1),(1-3),"ADDRESS" ~ OK
            AT+QSMTPDST?                            | OK
            AT+QSMTPDST=1,1,"a@example.com"         | OK ~ +QSMTPDST:0
            AT+QSMTPDST=1,2,"colin.hu@quectel.com"  | OK ~ +QSMTPDST:0
            AT+QSMTPDST=1,3,"a@example.com"         | OK ~ +QSMTPDST:0
            AT+QSMTPDST=0                           | OK ~ +QSMTPDST:0
            AT+QSMTPDST=0,2                         | OK ~ +QSMTPDST:0
            AT+QSMTPDST=0,2,"absent@example.com"    | OK ~ +QSMTPDST:-15
            AT+QSMTPDST=1,4,"a@example.com"         | ERROR
            AT+QSMTPDST=1,0,"a@example.com"         | ERROR
            AT+QSMTPDST=2,1,"a@example.com"         | ERROR
            AT+QSMTPDST=1,1                         | ERROR
            AT+QSMTPDST=1                           | ERROR
            AT+QSMTPDST=1,1,a@example.com           | ERROR
            AT+QSMTPDST=1,1,""                      | ERROR
            AT+QSMTPDST=1,1,"a"b"                   | ERROR
            AT+QSMTPDST=0,,"a@example.com"          | ERROR
            AT+QSMTPDST=1,1,"a@example.com",1       | ERROR
            AT+QSMTPDST=                            | ERROR
            AT+QSMTPDST                             | ERROR
            """)
    void shouldAnswerEveryFormAsTheSpecSays(String command, String answer) {
        expect(command, answer);
    }

    @Test
    void shouldListRecipientsWithTheirTypeInTheOrderAdded() {
        expect("AT+QSMTPDST=1,2,\"colin.hu@quectel.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST=1,1,\"to@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST=1,3,\"bcc@example.com\"", "OK ~ +QSMTPDST:0");

        expect("AT+QSMTPDST?", "+QSMTPDST: 2,\"colin.hu@quectel.com\" ~ +QSMTPDST: 1,\"to@example.com\""
                + " ~ +QSMTPDST: 3,\"bcc@example.com\" ~ OK");
    }

    @Test
    void shouldDeleteByAddressOnlyWithinTheGivenType() {
        expect("AT+QSMTPDST=1,2,\"colin.hu@quectel.com\"", "OK ~ +QSMTPDST:0");

        expect("AT+QSMTPDST=0,1,\"colin.hu@quectel.com\"", "OK ~ +QSMTPDST:-15");
        expect("AT+QSMTPDST=0,2,\"colin.hu@quectel.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST?", "OK");
    }

    @Test
    void shouldDeleteAllRecipientsOfATypeOrAll() {
        expect("AT+QSMTPDST=1,1,\"a@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST=1,2,\"b@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST=1,2,\"c@example.com\"", "OK ~ +QSMTPDST:0");

        expect("AT+QSMTPDST=0,2", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST?", "+QSMTPDST: 1,\"a@example.com\" ~ OK");
        expect("AT+QSMTPDST=0", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST?", "OK");
    }

    @Test
    void shouldRefuseA21stRecipientWithMinus15() {
        for (int i = 1; i <= 20; i++) {
            expect("AT+QSMTPDST=1,1,\"r" + i + "@example.com\"", "OK ~ +QSMTPDST:0");
        }

        expect("AT+QSMTPDST=1,2,\"r21@example.com\"", "OK ~ +QSMTPDST:-15");
        expect("AT+QSMTPDST=0,1,\"r20@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPDST=1,2,\"r21@example.com\"", "OK ~ +QSMTPDST:0");
    }
}
