/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import io.cellmail.cli.internal.CliRun;
import io.cellmail.cli.internal.ExitCode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtTerminalCommandTest {

    private static final String SECRET = "hunter2";

    @Test
    void shouldPrintEachCommandWithItsWholeReply() {
        CliRun.Result result = CliRun.run("ATI\nAT+CSQ\nAT+CREG?\n", "at", "emulator:at1");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("ATI\nQuectel_Ltd\nQuectel_M95\nRevision: M95FAR02A08\nOK\n")
                .contains("AT+CSQ\n+CSQ: 20,0\nOK\n")
                .contains("AT+CREG?\n+CREG: 0,1\nOK\n");
    }

    @Test
    void shouldPrintBootUrcsAsTheyCome() {
        CliRun.Result result = CliRun.run("AT\n", "at", "emulator:at2");

        assertThat(result.out()).contains("RDY", "+CPIN: READY", "Call Ready");
    }

    @Test
    void shouldMaskPasswordsInWhatItEchoesAndLogs(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("session.log");
        String input = "AT+QSMTPPWD=\"" + SECRET + "\"\nAT+QICSGP=1,\"CMNET\",\"user\",\"" + SECRET + "\"\nAT+QSMTPPWD?\n";

        CliRun.Result result = CliRun.run(input, "at", "emulator:at3", "--log", log.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).doesNotContain(SECRET)
                .contains("AT+QSMTPPWD=\"****\"\nOK\n")
                .contains("AT+QICSGP=1,\"CMNET\",\"user\",\"****\"\nOK\n");
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(logged).doesNotContain(SECRET).contains(">> AT+QSMTPPWD=\"****\"").contains("<< OK");
    }

    @Test
    void shouldMaskThePasswordTheModemEchoesInRawMode() {
        // After boot the module echoes every command: raw mode shows that echo, masked.
        CliRun.Result result = CliRun.run("AT+QSMTPPWD=\"" + SECRET + "\"\n", "at", "emulator:at4", "--raw");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).doesNotContain(SECRET).contains("AT+QSMTPPWD=\"****\"\nOK\n");
    }

    @Test
    void shouldShowEverythingTheModemSendsInRawMode() {
        CliRun.Result result = CliRun.run("ATE0\nAT+CSQ\n", "at", "emulator:at5", "--raw");

        assertThat(result.out()).contains("RDY\n").contains("ATE0\nOK\n").contains("+CSQ: 20,0\nOK\n");
    }

    @Test
    void shouldUploadTheLinesUpToPlusPlusPlusAsPayload() {
        CliRun.Result result = CliRun.run("AT+QSMTPBODY=1,100\nhello\nworld\n+++\n", "at", "emulator:at6");

        // "hello" CR LF "world": 12 bytes
        assertThat(result.out()).contains("AT+QSMTPBODY=1,100\nhello\nworld\n+++\n+QSMTPBODY:12\n");
    }

    @Test
    void shouldWaitForADeferredResultAndExplainANegativeOne() {
        String input = String.join("\n", "AT+QSMTPSRV=\"127.0.0.1\",25", "AT+QSMTPADDR=\"alarm@plant.example\"",
                "AT+QSMTPDST=1,1,\"ops@plant.example\"", "AT+QSMTPPUT=100", "");

        CliRun.Result result = CliRun.run(input, "at", "emulator:at7", "--fault", "auth-failure");

        assertThat(result.out()).contains("+QSMTPDST:0\n")
                .contains("AT+QSMTPPUT=100\nOK\n+QSMTPPUT:-535\n-- -535 Authentication failed\n");
    }

    @Test
    void shouldSkipCommentsAndSayWhyALineIsNotSent() {
        CliRun.Result result = CliRun.run("# a comment\n\nhello\nAT\n", "at", "emulator:at8");

        assertThat(result.out()).doesNotContain("a comment")
                .contains("-- not sent (an AT command starts with AT): hello\n")
                .contains("AT\nOK\n");
    }

    @Test
    void shouldTakeTheLinkFromTheEnvironmentWhenNotGiven() {
        CliRun.Result result = CliRun.run("AT+CSQ\n", Map.of("CELLMAIL_LINK", "emulator:at9"), "at");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("+CSQ: 20,0");
    }

    @Test
    void shouldFailWhenTheLinkCannotBeOpened() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun.Result result = CliRun.run("AT\n", "at", "tcp://127.0.0.1:" + closedPort);

        assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).startsWith("cellmail at: cannot open tcp://127.0.0.1:" + closedPort);
    }

    @Test
    void shouldFailForNowWhenTheModemDoesNotAnswer() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(silent));

            CliRun.Result result = CliRun.run("AT\n", "at", "tcp://127.0.0.1:" + silent.getLocalPort(),
                    "--timeout", "1s");

            assertThat(result.exit()).isEqualTo(ExitCode.TEMPORARY_FAILURE);
            assertThat(result.err()).contains("did not answer AT within 1.0s");
            accepted.join().close();
        }
    }

    @Test
    void shouldAnswerAMissingLinkWithUsage() {
        CliRun.Result result = CliRun.run("", "at");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("which modem?").contains("Usage: cellmail at LINK");
    }

    @Test
    void shouldRefuseEmulatorOptionsForARealLink() {
        CliRun.Result result = CliRun.run("", "at", "tcp://127.0.0.1:1", "--fault", "reboot");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--smtp, --fault and --personality are for emulator: links only");
    }

    @Test
    void shouldTalkToTheEmulatedModuleThePersonalityNames() {
        CliRun.Result result = CliRun.run("AT+CGMM\nAT+QSMTPCFG=?\n", "at", "emulator:at11", "--personality", "bg95");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).contains("BG95-M3").contains("ERROR");
    }

    @Test
    void shouldRefuseABadFaultSpec() {
        CliRun.Result result = CliRun.run("", "at", "emulator:at10", "--fault", "meteor-strike");

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--fault");
    }

    private static Socket accept(ServerSocket server) {
        try {
            return server.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
