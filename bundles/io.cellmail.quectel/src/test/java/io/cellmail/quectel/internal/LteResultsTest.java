/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.InfoLine;
import io.cellmail.at.Urc;

/**
 * The LTE result {@code +QSMTPPUT: <err>,<protocol_error>}: the SMTP reply decides when there is one, the
 * {@code <err>} table otherwise, an {@code <err>} nobody knows is bounded; the module's file checksum; late
 * results credited with both numbers.
 */
class LteResultsTest {

    @ParameterizedTest(name = "{0},{1} -> {2}")
    @CsvSource({
        "661, 535, AUTHENTICATION_FAILED",
        "661, 550, SMTP_550",
        "661, 421, SMTP_421",
        "661, 0,   SEND_FAILED",
        "661, 299, SEND_FAILED",
        "654, 0,   DNS_FAILURE",
        "655, 0,   NETWORK_ERROR",
        "658, 0,   CONTEXT_DEACTIVATED",
        "666, 0,   TLS_FAILURE",
        "651, 0,   UNKNOWN",
        "999, 0,   UNKNOWN_MODEM_RESULT",
        "652, 0,   UNKNOWN_MODEM_RESULT",
    })
    void shouldReadTheSmtpReplyFirstThenTheErrTable(int error, int protocolError, MailErrorCode code) {
        assertThat(LteResults.codeOf(new PutResult(error, protocolError))).isEqualTo(code);
    }

    @Test
    void shouldNameBothNumbersOfAnUnknownResult() {
        MailException failure = LteResults.failure("AT+QSMTPPUT=100", new PutResult(777, 0));

        assertThat(failure.code()).isEqualTo(MailErrorCode.UNKNOWN_MODEM_RESULT);
        assertThat(failure.getMessage()).contains("+QSMTPPUT: 777,0");
    }

    @Test
    void shouldReadBothDialectsResultLines() throws Exception {
        assertThat(PutResult.of(new InfoLine("+QSMTPPUT: 0,0", "+QSMTPPUT:")).success()).isTrue();
        assertThat(PutResult.of(new InfoLine("+QSMTPPUT: 661,550", "+QSMTPPUT:")))
                .isEqualTo(new PutResult(661, 550));
        assertThat(PutResult.of(new InfoLine("+QSMTPPUT: -9", "+QSMTPPUT:"))).isEqualTo(new PutResult(-9, 0));
    }

    @Test
    void shouldCreditALateLteResultWithBothNumbers() {
        AtomicLong epoch = new AtomicLong(1);
        PutLedger ledger = new PutLedger(epoch::get);
        ledger.unanswered("m1", 1);

        ledger.onUrc(new Urc("+QSMTPPUT:", "+QSMTPPUT: 661,552"));

        assertThat(ledger.takeSettled("m1")).hasValue(new PutResult(661, 552));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "'',       0000",
        "A,        4100",
        "AB,       4142",
        "ABC,      0242",
        "ABCD,     0206",
        "hello!,   6b28",
    })
    void shouldComputeTheModulesChecksumOverBytePairsWithAnOddLastByteHigh(String content, String checksum) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);

        assertThat(FileUpload.checksum(bytes)).isEqualTo(Integer.parseInt(checksum, 16));
    }
}
