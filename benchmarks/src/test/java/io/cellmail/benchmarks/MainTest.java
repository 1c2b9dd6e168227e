/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "everything", "--latency", "all --bogus"})
    void shouldPrintTheUsageAndExitWith2ForBadArguments(String line) throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        int status = Main.run(line.isEmpty() ? new String[0] : line.split(" "), new PrintStream(console, true,
                StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("usage: java -jar benchmarks.jar");
    }

    @ParameterizedTest
    @CsvSource({"20ms, PT0.02S", "1.5s, PT1.5S", "2m, PT2M", "PT0.1S, PT0.1S"})
    void shouldReadDurationsTheWayTheOtherCellmailToolsDo(String text, String expected) {
        assertThat(Main.parseDuration(text)).isEqualTo(Duration.parse(expected));
    }
}
