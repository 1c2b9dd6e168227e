package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeoutsTest {

    @ParameterizedTest(name = "{0} bytes, {1} s left -> {2} s")
    @CsvSource({
        "0,       300,     100",   // a small alarm: the module's minimum
        "30000,   300,     100",   // 60 s setup + 30 s of data: still the minimum
        "112640,  300,     173",   // 10 KB body and 100 KB attachments: 60 + 113
        "112640,  150,     150",   // the attempt's deadline comes first
        "112640,  50,      100",   // never below what the module takes
        "112640,  100000,  173",   // a long deadline does not stretch it
        "99999999, 100000, 48000", // never above what the module takes
    })
    void shouldSizeThePutTimeoutFromThePayloadAndTheTimeLeft(long bytes, long leftSeconds, int expected) {
        assertThat(Timeouts.putSeconds(bytes, Duration.ofSeconds(leftSeconds))).isEqualTo(expected);
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
