/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as an operator runs it: {@code java -jar cellmail-gateway.jar --conf DIR --data DIR}, a
 * separate process with no demo and no SMTP server of its own, applying the operator's configuration files and
 * running until SIGTERM.
 */
class GatewayRunIT {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path work;

    private Process gateway;

    @AfterEach
    void stopTheGateway() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldApplyTheOperatorsConfigurationsWithoutDemoAndStopCleanlyOnSigterm() throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        int fileInstallStyle = freePort();
        int tildeStyle = freePort();
        // Two emulated modems that listen on TCP: reaching them proves that both file name styles were applied.
        Files.writeString(conf.resolve("io.cellmail.emulator-probe-1.cfg"),
                "name=probe-1\nlisten=127.0.0.1:" + fileInstallStyle + "\n");
        Files.writeString(conf.resolve("io.cellmail.emulator~probe2.cfg"),
                "name=probe2\nlisten=127.0.0.1:" + tildeStyle + "\n");
        Path output = work.resolve("gateway.txt");

        gateway = start(output, "--conf", conf.toString(), "--data", work.resolve("data").toString());

        await().atMost(BOUND).pollInterval(Duration.ofMillis(200))
                .until(() -> Files.readString(output).contains("cellmail gateway: running") || !gateway.isAlive());
        String started = Files.readString(output);
        assertThat(gateway.isAlive()).as(started).isTrue();
        assertThat(started).contains("2 configurations from " + conf.toAbsolutePath())
                .doesNotContain("SMTP").doesNotContain("WARNING");
        // The components start on ConfigurationAdmin's events, after the launcher applied the files.
        await("emulator probe-1 (FileInstall name) answers").atMost(BOUND).ignoreExceptions()
                .until(() -> answerToAt(fileInstallStyle).contains("OK"));
        await("emulator probe2 (ConfigAdmin name) answers").atMost(BOUND).ignoreExceptions()
                .until(() -> answerToAt(tildeStyle).contains("OK"));

        gateway.destroy();

        assertThat(gateway.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(Files.readString(output)).doesNotContain("Exception");
        // What the storage holds: the operator's configurations and nothing of the demo's.
        assertThat(storedConfigurations(work.resolve("data"))).as("configurations ConfigurationAdmin was given")
                .anyMatch(pid -> pid.contains("probe-1")).anyMatch(pid -> pid.contains("probe2"))
                .noneMatch(pid -> pid.contains("demo"));
    }

    @Test
    void shouldRunWithoutEmulatedModemNorSmtpServerAndLogToItsFile() throws Exception {
        Path data = work.resolve("data");
        Path logs = work.resolve("logs");
        Path output = work.resolve("stdout.txt");

        gateway = start(output, "--data", data.toString(), "--log-dir", logs.toString());

        Path log = logs.resolve(LogFile.fileName(0));
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> !gateway.isAlive()
                || (Files.exists(log) && Files.readString(log).contains("cellmail gateway: running")));
        assertThat(gateway.isAlive()).as(Files.exists(log) ? Files.readString(log) : "no log").isTrue();
        String running = Files.readString(log);
        // Without --demo: not the demo's configurations (its emulated modem), no loopback SMTP server.
        assertThat(running).contains("0 configurations").doesNotContain("SMTP").doesNotContain("WARNING");
        assertThat(Files.readString(output)).as("standard output").doesNotContain("cellmail gateway");

        gateway.destroy();
        assertThat(gateway.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(storedConfigurations(data)).as("configurations ConfigurationAdmin was given")
                .noneMatch(pid -> pid.contains("cellmail"));
    }

    @Test
    void shouldRefuseAConfigurationDirectoryThatDoesNotExist() throws Exception {
        Path output = work.resolve("missing.txt");

        gateway = start(output, "--conf", work.resolve("nowhere").toString());

        assertThat(gateway.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(gateway.exitValue()).isEqualTo(1);
        assertThat(Files.readString(output)).contains("no configuration directory")
                .contains(work.resolve("nowhere").toString());
    }

    private static Process start(Path output, String... args) throws IOException {
        Path root = Path.of(System.getProperty("cellmail.root", "../..")).toAbsolutePath().normalize();
        Path launcher = root.resolve("features/gateway/target/cellmail-gateway/cellmail-gateway.jar");
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", launcher.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    /** @return what an emulated modem listening on the port answers to {@code AT}, up to its OK */
    private static String answerToAt(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write("AT\r".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[256];
            while (!answer.toString().contains("OK")) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                answer.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            }
            return answer.toString();
        }
    }

    /** @return the files in which Felix ConfigAdmin keeps its configurations in a framework storage */
    private static List<String> storedConfigurations(Path storage) throws IOException {
        try (Stream<Path> files = Files.walk(storage)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".config"))
                    .map(file -> storage.relativize(file).toString()).toList();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
