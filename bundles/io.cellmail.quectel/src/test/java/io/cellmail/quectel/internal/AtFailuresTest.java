/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtException;

class AtFailuresTest {

    @ParameterizedTest(name = "{0} on {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "ERROR | AT+QSMTPSUB=0,\"x\" |  | UNKNOWN",
        "ERROR | AT+QSMTPPUT=100 |  | UNKNOWN",
        "CME_ERROR | AT+QSMTPDST=0 | 3 | UNKNOWN",
        "ERROR | AT+QICSGP=1,\"internet\" |  | NETWORK_ERROR",
        "ERROR | AT+QIFGCNT=0 |  | NETWORK_ERROR",
        "CME_ERROR | AT+CPIN? | 10 | NO_SIM",
        "ERROR | AT+CREG? |  | NOT_REGISTERED",
        "CME_ERROR | AT+CGATT? | 30 | NOT_REGISTERED",
        "ERROR | ATI |  | UNKNOWN",
        "CMS_ERROR | AT+CMGS | 500 | UNKNOWN",
        "TIMEOUT | AT+QSMTPSUB=0,\"x\" |  | MODEM_TIMEOUT",
        "MODEM_REBOOTED | AT+QSMTPBODY=0,11 |  | MODEM_REBOOTED",
        "LINK_LOST | AT+QSMTPBODY=0,11 |  | MODEM_UNAVAILABLE",
        "CLOSED | AT+QSMTPPUT=100 |  | MODEM_UNAVAILABLE",
        "CANCELLED | AT+QSMTPPUT=100 |  | MODEM_UNAVAILABLE",
        "UPLOAD_MISMATCH | AT+QSMTPBODY=0,11 | 12 | UPLOAD_MISMATCH",
        "PROTOCOL | AT+QSMTPSUB=0,\"x\" |  | UNKNOWN",
    })
    void shouldMapEveryKindOfAtFailure(AtException.Kind kind, String command, Integer code, MailErrorCode expected) {
        AtException failure = new AtException(kind, code, command + ": what happened", null);

        MailException mapped = AtFailures.toMailException(failure, command, null);

        assertThat(mapped.code()).isEqualTo(expected);
        assertThat(mapped).hasMessage(command + ": what happened").hasCause(failure);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"+QSMTPBODY:, -13, INVALID_MESSAGE, body", "+QSMTPATT:, -13, ATTACHMENT_NO_MEMORY,",
        "+QSMTPATT:, -9, TIMEOUT,", "+QSMTPBODY:, -3, SMTP_BUSY,", "+QSMTPDST:, -15, INVALID_MESSAGE, recipients"})
    void shouldMapTheNegativeResultOfAnUploadByItsCommand(String prefix, int result, MailErrorCode expected,
            String field) {
        AtException failure = new AtException(AtException.Kind.RESULT_ERROR, result, "upload: " + prefix + result,
                null);

        MailException mapped = AtFailures.toMailException(failure, "AT+QSMTPATT=\"a\",1,11", prefix);

        assertThat(mapped.code()).isEqualTo(expected);
        assertThat(mapped.field()).isEqualTo(java.util.Optional.ofNullable(field));
    }
}
