/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fazecast.jSerialComm.SerialPort;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtResponse;
import io.cellmail.at.EngineState;
import io.cellmail.at.InfoLine;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.serial.jserialcomm.internal.JSerialCommLinkProvider;

/**
 * The AT engine over a real serial port: jSerialComm opens the host side of a socat pseudo-terminal pair whose
 * other side the emulated module holds.
 */
@EnabledOnOs(OS.LINUX)
class SerialEmulatorScenarioTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    @TempDir
    Path dir;

    private final JSerialCommLinkProvider provider = new JSerialCommLinkProvider();

    @BeforeEach
    void requireSocat() {
        assumeTrue(PtyModem.socatInstalled(), "socat is not installed at " + PtyModem.SOCAT
                + "; the pseudo-terminal tests need it (apt-get install socat)");
    }

    @Test
    void shouldInitialiseAnswerUploadAndWaitForADeferredResultOverASerialPort() throws Exception {
        try (PtyModem bench = PtyModem.start(dir, provider)) {
            AtEngine engine = bench.engine;
            engine.start();
            await("engine ready").atMost(WAIT).until(() -> engine.state() == EngineState.READY);

            AtResponse identity = result(engine.send(AtCommand.of("ATI").expectingAnyInfo()));
            byte[] body = "Pump 3 pressure 7.9 bar +++ check valve V2\r\nsent over a pty".getBytes(StandardCharsets.UTF_8);
            UploadResult upload = result(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), body,
                    UploadOptions.expectResult("+QSMTPBODY:")));
            AtResponse recipient = result(engine.send(AtCommand.of("AT+QSMTPDST=1,1,\"ops@example.com\"")
                    .deferredResult("+QSMTPDST:", Duration.ofSeconds(2))));

            assertThat(identity.infoLines()).extracting(InfoLine::line)
                    .containsExactlyElementsOf(bench.modem.settings().identity());
            assertThat(upload.reportedLength()).isEqualTo(body.length);
            assertThat(recipient.deferredResult()).map(line -> line.intField(0)).hasValue(0);
            assertThat(engine.epoch()).isEqualTo(1);
            assertThat(engine.counters().timeouts()).isZero();
            assertThat(engine.transcript().toString()).contains("opened serial:" + bench.pty.hostPath());
        }
    }

    @Test
    void shouldLeaveNoThreadOrFileHandleAfterALifecycleOverASerialPort() throws Exception {
        SerialPort.getVersion(); // loads the native library first: its one-time handles are not a leak
        lifecycle(); // warm-up: class loading opens jar files for good
        Set<Thread> threadsBefore = cellmailThreads();
        long fdsBefore = openFileHandles();

        lifecycle();

        await("threads of the lifecycle ended").atMost(WAIT)
                .untilAsserted(() -> assertThat(newNames(threadsBefore)).isEmpty());
        await("file handles of the lifecycle closed").atMost(WAIT)
                .untilAsserted(() -> assertThat(openFileHandles()).isEqualTo(fdsBefore));
    }

    private void lifecycle() throws Exception {
        try (PtyModem bench = PtyModem.start(dir, provider)) {
            bench.engine.start();
            await().atMost(WAIT).until(() -> bench.engine.state() == EngineState.READY);
            result(bench.engine.send(AtCommand.of("ATI").expectingAnyInfo()));
            result(bench.engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), new byte[] {'h', 'i'},
                    UploadOptions.expectResult("+QSMTPBODY:")));
        }
    }

    private static <T> T result(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Set<Thread> cellmailThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("cellmail-"))
                .collect(Collectors.toSet());
    }

    private static Set<String> newNames(Set<Thread> before) {
        return cellmailThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .collect(Collectors.toSet());
    }

    private static long openFileHandles() {
        try (Stream<Path> fds = Files.list(OWN_FDS)) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
