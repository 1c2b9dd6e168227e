/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.emulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cellmail.cli.internal.CliRun;
import io.cellmail.cli.internal.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmulateCommandTest {

    private static final Pattern LISTENING = Pattern.compile(Pattern.quote(EmulateCommand.LISTENING) + "(\\S+)");

    @Test
    void shouldServeTheModemOverTcpUntilStopped() {
        try (CliRun emulator = CliRun.start("emulate", "--listen", "127.0.0.1:0")) {
            String where = awaitListening(emulator);

            CliRun.Result result = CliRun.run("ATI\nAT+CSQ\n", "at", "tcp://" + where);

            assertThat(result.exit()).isZero();
            assertThat(result.out()).contains("Quectel_M95").contains("+CSQ: 20,0\nOK\n");
        }
    }

    @Test
    void shouldExitNormallyWhenStopped() {
        CliRun emulator = CliRun.start("emulate", "--listen", "127.0.0.1:0");
        awaitListening(emulator);

        emulator.close();

        assertThat(emulator.awaitExit().exit()).isZero();
    }

    @Test
    void shouldArmTheFaultsGivenOnItsCommandLine() {
        try (CliRun emulator = CliRun.start("emulate", "--listen", "127.0.0.1:0", "--fault", "mute-on=AT+CSQ")) {
            String where = awaitListening(emulator);

            CliRun.Result result = CliRun.run("AT+CSQ\nAT+CSQ\n", "at", "tcp://" + where, "--timeout", "1s");

            assertThat(result.out()).contains("AT+CSQ\n-- no answer in time")
                    .contains("AT+CSQ\n+CSQ: 20,0\nOK\n");
        }
    }

    @Test
    void shouldServeTheModemOnAPseudoTerminalForSerialLinks(@TempDir Path dir) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/socat")), "socat is needed for the pty front end");
        Path tty = dir.resolve("ttyEMU");
        try (CliRun emulator = CliRun.start("emulate", "--pty", tty.toString())) {
            assertThat(awaitListening(emulator)).isEqualTo(tty.toString());

            CliRun.Result result = CliRun.run("AT+CSQ\n", "at", "serial:" + tty + "?baud=115200");

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).contains("+CSQ: 20,0\nOK\n");
        }
    }

    @Test
    void shouldAnswerAWrongCommandLineWithItsUsage() {
        CliRun.Result result = CliRun.run("", "emulate", "--smtp", "127.0.0.1:2525");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("give exactly one of --listen HOST:PORT and --pty PATH")
                .contains("Usage: cellmail emulate (--listen HOST:PORT | --pty PATH)");
    }

    @Test
    void shouldRefuseAFaultItDoesNotKnow() {
        CliRun.Result result = CliRun.run("", "emulate", "--listen", "127.0.0.1:0", "--fault", "meteor-strike");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("bad --fault: unknown fault: meteor-strike");
    }

    @Test
    void shouldFailWhenThePortIsTaken() throws IOException {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            CliRun.Result result = CliRun.run("", "emulate", "--listen", "127.0.0.1:" + taken.getLocalPort());

            assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
            assertThat(result.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private static String awaitListening(CliRun emulator) {
        await().atMost(Duration.ofSeconds(20)).until(() -> LISTENING.matcher(emulator.out()).find());
        Matcher m = LISTENING.matcher(emulator.out());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
