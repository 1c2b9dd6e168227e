/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The realism knobs: the line rate limits throughput, the command latency delays every answer. */
class LineTimingTest {

    private ModemEmulator modem;
    private HostConsole host;

    @AfterEach
    void stop() throws InterruptedException {
        host.close();
        modem.close();
    }

    @Test
    void shouldNotSendFasterThanTheLineRate() {
        start(EmulatorSettings.builder().baud(9600).bootUrcs(false).build());
        String response = "\r\nQuectel_Ltd\r\n\r\nQuectel_M95\r\n\r\nRevision: M95FAR02A08\r\n\r\nOK\r\n";
        Duration lineTime = Duration.ofMillis(1000L * ("ATI\r".length() + response.length()) / 960);

        long start = System.nanoTime();
        assertThat(host.command("ATI")).endsWith("OK");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(lineTime.minusMillis(10));
    }

    @Test
    void shouldDelayEveryAnswerByTheCommandLatency() {
        start(EmulatorSettings.builder().commandLatency(Duration.ofMillis(150)).bootUrcs(false).build());

        long start = System.nanoTime();
        assertThat(host.command("AT")).containsExactly("AT", "OK");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    private void start(EmulatorSettings settings) {
        modem = new ModemEmulator(settings, new RecordingRelay());
        host = HostConsole.connect(modem);
    }
}
