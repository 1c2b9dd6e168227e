/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

class ResultCodesTest {

    @Test
    void shouldMapEveryCodeOfChapter3ToItsMailErrorCode() {
        Arrays.stream(MailErrorCode.values()).filter(MailErrorCode::isModemCode).forEach(code -> {
            assertThat(ResultCodes.codeOf(Results.PUT, code.code())).as(code.describe()).isEqualTo(code);
            assertThat(ResultCodes.codeOf(Results.ATTACHMENT, code.code())).as(code.describe()).isEqualTo(code);
        });
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "+QSMTPPUT:,   -4,   DNS_FAILURE",
        "+QSMTPPUT:,   -5,   NETWORK_ERROR",
        "+QSMTPPUT:,   -8,   CONTEXT_DEACTIVATED",
        "+QSMTPPUT:,   -9,   TIMEOUT",
        "+QSMTPPUT:,   -10,  NO_RECIPIENT",
        "+QSMTPPUT:,   -535, AUTHENTICATION_FAILED",
        "+QSMTPPUT:,   -550, SMTP_550",
        "+QSMTPPUT:,   -2,   UNKNOWN",
        "+QSMTPPUT:,   -999, UNKNOWN",
        "+QSMTPBODY:,  -13,  INVALID_MESSAGE",
        "+QSMTPBODY:,  -9,   TIMEOUT",
        "+QSMTPBODY:,  -3,   SMTP_BUSY",
        "+QSMTPATT:,   -13,  ATTACHMENT_NO_MEMORY",
        "+QSMTPATT:,   -14,  ATTACHMENT_SAVE_FAILED",
        "+QSMTPDST:,   -15,  INVALID_MESSAGE",
        "+QSMTPDST:,   -3,   SMTP_BUSY",
        "+QSMTPDATT:,  -15,  INVALID_PARAMETER",
        "+QSMTPDATT:,  -3,   SMTP_BUSY",
    })
    void shouldMapEachCommandsResults(String prefix, int result, MailErrorCode expected) {
        assertThat(ResultCodes.codeOf(prefix, result)).isEqualTo(expected);
    }

    @Test
    void shouldSayWhichCommandGotWhichResultAndWhatItMeans() {
        MailException failure = ResultCodes.failure("AT+QSMTPPUT", Results.PUT, -535);

        assertThat(failure.code()).isEqualTo(MailErrorCode.AUTHENTICATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("AT+QSMTPPUT: +QSMTPPUT: -535 (Authentication failed)");
        assertThat(ResultCodes.failure("AT+QSMTPPUT", Results.PUT, -2).getMessage())
                .contains("not a code of the manual");
    }
}
