/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Host connections: one at a time, the module's state outliving them, threads stopped on close. */
class SessionTest {

    private final ModemEmulator modem = new ModemEmulator(EmulatorSettings.defaults(), new RecordingRelay());

    @AfterEach
    void stop() {
        modem.close();
    }

    @Test
    void shouldKeepTheModulesStateAcrossConnectionsWithoutBootingAgain() throws InterruptedException {
        try (HostConsole first = HostConsole.connectQuiet(modem)) {
            assertThat(first.command("AT+QSMTPUSER=\"quectel\"")).containsExactly("OK");
        }

        try (HostConsole second = HostConsole.connect(modem)) {
            assertThat(second.command("AT+QSMTPUSER?")).as("echo still off, no boot URCs")
                    .containsExactly("+QSMTPUSER: \"quectel\"", "OK");
        }
    }

    @Test
    void shouldCloseThePreviousSessionWhenAnotherHostAttaches() throws InterruptedException {
        try (HostConsole first = HostConsole.connectQuiet(modem); HostConsole second = HostConsole.connect(modem)) {
            assertThat(first.awaitEndOfStream(HostConsole.WAIT)).isTrue();
            assertThat(first.host().session().awaitClosed(HostConsole.WAIT)).isTrue();
            assertThat(first.host().session().isRunning()).isFalse();

            assertThat(second.command("AT")).containsExactly("OK");
            assertThat(second.host().session().isRunning()).isTrue();
        }
    }

    @Test
    void shouldEndTheSessionWhenTheHostClosesItsStream() throws InterruptedException {
        EmulatorSession session = modem.attach(new ByteArrayInputStream("AT+CSQ\r".getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayOutputStream());

        assertThat(session.awaitClosed(HostConsole.WAIT)).isTrue();
        assertThat(session.isRunning()).isFalse();
        await().atMost(HostConsole.WAIT).until(() -> modem.transcript().commands().contains("AT+CSQ"));
    }

    @Test
    void shouldCloseASessionIdempotently() throws Exception {
        HostSide host = modem.connect();

        host.session().close();
        host.session().close();

        assertThat(host.session().awaitClosed(HostConsole.WAIT)).isTrue();
        byte[] rest = assertTimeoutPreemptively(HostConsole.WAIT, () -> host.input().readAllBytes(),
                "the host's stream must end");
        assertThat("\r\nRDY\r\n\r\n+CFUN: 1\r\n\r\n+CPIN: READY\r\n\r\nCall Ready\r\n")
                .as("only what was sent before the close").startsWith(new String(rest, StandardCharsets.ISO_8859_1));
        host.close();
    }

    @Test
    void shouldStopEveryThreadAndRefuseHostsOnceClosed() {
        HostSide host = modem.connect();

        modem.close();
        modem.close();

        assertThatThrownBy(modem::connect).isInstanceOf(IllegalStateException.class);
        await().atMost(HostConsole.WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("cellmail-emulator-") && thread.isAlive()));
        host.close();
    }

    @Test
    void shouldNotBootBeforeAHostConnects() throws InterruptedException {
        assertThat(modem.transcript().lines()).isEmpty();
        try (HostConsole host = HostConsole.connect(modem)) {
            host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "Call Ready");
        }
    }

    @Test
    void shouldOfferTheDefaultsOfAPlainModule() {
        assertThat(modem.settings()).isEqualTo(EmulatorSettings.defaults());
        assertThat(modem.settings().guardTime()).isEqualTo(Duration.ofSeconds(1));
    }
}
