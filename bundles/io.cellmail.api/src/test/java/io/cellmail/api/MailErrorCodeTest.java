/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailErrorCodeTest {

    /** Chapter 3 "Summary of Error Codes" of the GSM SMTP AT manual, every row. */
    private static final Set<Integer> CHAPTER_3 = Set.of(-1, -3, -4, -5, -6, -7, -8, -9, -10, -11, -12, -13, -14,
            -15, -421, -450, -451, -452, -500, -501, -502, -503, -504, -521, -530, -535, -550, -551, -552, -553,
            -554);

    @Test
    void shouldCoverEveryCodeOfChapter3AndNoOtherModemCode() {
        Set<Integer> modemCodes = Arrays.stream(MailErrorCode.values())
                .filter(MailErrorCode::isModemCode)
                .map(MailErrorCode::code)
                .collect(Collectors.toSet());

        assertThat(modemCodes).isEqualTo(CHAPTER_3);
    }

    @Test
    void shouldGiveEveryCodeAUniqueNumber() {
        assertThat(Arrays.stream(MailErrorCode.values()).map(MailErrorCode::code).distinct())
                .hasSize(MailErrorCode.values().length);
    }

    @ParameterizedTest(name = "{0} is transient")
    @ValueSource(ints = {-3, -4, -5, -7, -8, -9, -421, -450, -451, -452, 1004, 1005})
    void shouldRetryBusyNetworkTimeoutAndTemporarySmtpReplies(int code) {
        assertThat(MailErrorCode.of(code)).hasValueSatisfying(c -> assertThat(c.isTransient()).isTrue());
    }

    @ParameterizedTest(name = "{0} is permanent")
    @ValueSource(ints = {-6, -10, -15, -500, -501, -530, -535, -550, -553, -554, 1000, 1001, 1002, 1003})
    void shouldEndAtOnceOnPermanentFailures(int code) {
        assertThat(MailErrorCode.of(code)).hasValueSatisfying(c -> assertThat(c.isTransient()).isFalse());
    }

    @ParameterizedTest
    @CsvSource({"-535, AUTHENTICATION_FAILED", "-4, DNS_FAILURE", "-550, SMTP_550", "1001, QUEUE_FULL"})
    void shouldFindCodesByNumber(int number, MailErrorCode expected) {
        assertThat(MailErrorCode.of(number)).contains(expected);
    }

    @Test
    void shouldBoundTheRetriesOfAnUnknownModemResultAndKeepATlsFailureWaitingForAnOperator() {
        assertThat(MailErrorCode.UNKNOWN_MODEM_RESULT.isTransient()).isTrue();
        assertThat(MailErrorCode.UNKNOWN_MODEM_RESULT.attemptLimit()).hasValue(3);
        assertThat(MailErrorCode.TLS_FAILURE.isTransient()).isTrue();
        assertThat(MailErrorCode.TLS_FAILURE.attemptLimit()).isEmpty();
        assertThat(MailErrorCode.of(1017)).hasValue(MailErrorCode.TLS_FAILURE);
    }

    @Test
    void shouldFindNothingForAnUnknownNumber() {
        assertThat(MailErrorCode.of(-2)).isEmpty();
    }

    @Test
    void shouldBoundTheRetriesOfAnUploadMismatchButNotOfOrdinaryTransientFailures() {
        assertThat(MailErrorCode.UPLOAD_MISMATCH.isTransient()).isTrue();
        assertThat(MailErrorCode.UPLOAD_MISMATCH.attemptLimit()).hasValue(3);
        assertThat(MailErrorCode.NETWORK_ERROR.attemptLimit()).isEmpty();
        assertThat(Arrays.stream(MailErrorCode.values()).filter(c -> c.attemptLimit().isPresent()))
                .as("a limit only means something for a transient code").allMatch(MailErrorCode::isTransient);
    }

    @Test
    void shouldKeepMailWaitingForAnOperatorRatherThanFailItForASimOrSettingProblem() {
        assertThat(List.of(MailErrorCode.SIM_PIN_REQUIRED, MailErrorCode.SIM_PIN_REJECTED, MailErrorCode.SIM_BLOCKED,
                MailErrorCode.SETTING_REJECTED)).extracting(MailErrorCode::code).containsExactly(1011, 1012, 1013,
                        1014);
        assertThat(List.of(MailErrorCode.SIM_PIN_REQUIRED, MailErrorCode.SIM_PIN_REJECTED, MailErrorCode.SIM_BLOCKED,
                MailErrorCode.SETTING_REJECTED)).allMatch(MailErrorCode::isTransient)
                .allMatch(c -> c.attemptLimit().isEmpty());
    }

    @Test
    void shouldEndARefusedOrUnsupportedSmsAtOnceAndRetryNetworkTrouble() {
        assertThat(List.of(MailErrorCode.SMS_NOT_SUPPORTED, MailErrorCode.SMS_REFUSED, MailErrorCode.SMS_FAILED))
                .extracting(MailErrorCode::code).containsExactly(1100, 1101, 1102);
        assertThat(MailErrorCode.SMS_NOT_SUPPORTED.isTransient()).isFalse();
        assertThat(MailErrorCode.SMS_REFUSED.isTransient()).isFalse();
        assertThat(MailErrorCode.SMS_FAILED.isTransient()).isTrue();
        assertThat(MailErrorCode.SMS_FAILED.attemptLimit()).isEmpty();
    }

    @Test
    void shouldDescribeWithNumberAndMeaning() {
        assertThat(MailErrorCode.AUTHENTICATION_FAILED.describe()).isEqualTo("-535 Authentication failed");
    }
}
