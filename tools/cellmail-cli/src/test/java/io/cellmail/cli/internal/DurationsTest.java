/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} = {1} ms")
    @CsvSource({"500ms, 500", "30s, 30000", "1.5s, 1500", "5m, 300000", "1h, 3600000", "PT2S, 2000", "pt0.25s, 250",
        " 10s , 10000"})
    void shouldReadTheDurationsPeopleType(String text, long millis) throws Exception {
        assertThat(Durations.parsePositive(text, "--timeout")).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "ten seconds", "-5s", "0s", "PT-1S", "5 s"})
    void shouldRejectWhatIsNotAPositiveDurationNamingTheOption(String text) {
        assertThatThrownBy(() -> Durations.parsePositive(text, "--timeout"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--timeout needs a");
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "0s, 0", "2s, 2000"})
    void shouldAcceptZeroWhereZeroMeansNone(String text, long millis) throws Exception {
        assertThat(Durations.parseNonNegative(text, "--wait")).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} ms shows as {1}")
    @CsvSource({"850, 850ms", "4230, 4.2s", "59999, 60.0s", "150000, 2m30s", "120000, 2m"})
    void shouldFormatDurationsForPeople(long millis, String shown) {
        assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(shown);
    }
}
