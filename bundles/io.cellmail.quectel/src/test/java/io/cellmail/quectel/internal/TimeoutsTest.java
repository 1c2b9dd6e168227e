/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeoutsTest {

    @ParameterizedTest(name = "{0} bytes -> {1} s")
    @CsvSource({
        "0,        100",   // a small alarm: the module's minimum
        "30000,    100",   // 60 s setup + 30 s of data: still the minimum
        "112640,   173",   // 10 KB body and 100 KB attachments: 60 + 113
        "99999999, 48000", // never above what the module takes
    })
    void shouldSizeThePutTimeoutFromThePayloadAloneNotTheAttemptsDeadline(long bytes, int expected) {
        assertThat(Timeouts.putSeconds(bytes)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PUT timeout {0} s -> wait {1} s")
    @CsvSource({"100, 130", "173, 203", "48000, 48030"})
    void shouldWaitForThePutResultAsLongAsTheModuleMayTakePlusTheMargin(int putSeconds, long waitSeconds) {
        assertThat(MailerTimings.DEFAULT.putResultWait(putSeconds)).isEqualTo(Duration.ofSeconds(waitSeconds));
    }

    @ParameterizedTest(name = "{0} bytes at {1} B/s, guard {2} ms -> {3} s")
    @CsvSource({
        "0,      11520, 1100, 8",      // two guard times and the slack
        "10240,  11520, 1100, 9",      // 0.9 s on the line
        "102400, 960,   1100, 114",    // 100 KB at 9600 baud: 106.7 s on the line
        "10240,  1000000, 50, 6",
    })
    void shouldSizeTheInputTimeoutFromTheLineTime(int bytes, double bytesPerSecond, long guardMillis, int expected) {
        assertThat(Timeouts.inputSeconds(bytes, bytesPerSecond, Duration.ofMillis(guardMillis))).isEqualTo(expected);
    }
}
