/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.EngineState;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.serial.LinkUri;

/**
 * A write that really blocks in the kernel: the AT engine over jSerialComm on a socat pseudo-terminal whose modem
 * side stops reading when an upload begins (as a module holding CTS low would). jSerialComm's write then waits
 * without limit; the engine must give the link up, reopen it, and work again once the modem reads again, and its
 * {@code close()} must not hang on the write.
 */
@EnabledOnOs(OS.LINUX)
class StuckSerialWriteTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Far more than the pseudo-terminals and socat buffer (some 30 KB): the write must block. */
    private static final int PAYLOAD_BYTES = 256 * 1024;

    @TempDir
    Path dir;

    private final JSerialCommLinkProvider provider = new JSerialCommLinkProvider();
    private SocatPtyPair pty;
    private PausingModem modem;
    private AtEngine engine;

    @BeforeEach
    void startPseudoTerminals() throws IOException {
        assumeTrue(SocatPtyPair.socatInstalled(), "socat is not installed at " + SocatPtyPair.SOCAT
                + "; the pseudo-terminal tests need it (apt-get install socat)");
        pty = SocatPtyPair.start(dir, "stuck");
        modem = new PausingModem(pty.modem(), "pausing-modem");
    }

    @AfterEach
    void stopEverything() throws IOException {
        if (engine != null) {
            engine.close();
        }
        if (modem != null) {
            modem.resume();
            pty.close();
            modem.close();
        }
    }

    @Test
    void shouldGiveUpAWriteBlockedInTheKernelReopenAndWorkOnceTheModemReadsAgain() throws Exception {
        startEngine();

        AtException stuck = failure(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), payload(),
                UploadOptions.expectResult("+QSMTPBODY:")));
        await("the engine reopens the port").atMost(WAIT).until(() -> engine.counters().reopens() >= 1);
        modem.resume();
        await("initialised again").atMost(WAIT)
                .until(() -> engine.epoch() >= 2 && engine.state() == EngineState.READY);

        assertThat(stuck.kind()).isEqualTo(AtException.Kind.LINK_LOST);
        assertThat(stuck.getMessage()).contains("did not finish within");
        assertThat(engine.send(AtCommand.of("AT+CSQ")).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .isOk()).isTrue();
        // the write stuck in jSerialComm's native code ended when its port was closed
        await("no writer left behind").atMost(WAIT).until(() -> writerThreads().size() == 1);
    }

    @Test
    void shouldCloseAtOnceWhileAWriteIsBlockedInTheKernel() {
        engine = new AtEngine(settings().writeGrace(Duration.ofMinutes(5)).build());
        engine.start();
        await().atMost(WAIT).until(() -> engine.state() == EngineState.READY);

        CompletionStage<UploadResult> upload = engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), payload(),
                UploadOptions.expectResult("+QSMTPBODY:"));
        await("the upload began").atMost(WAIT).until(() -> modem.uploadsStarted() == 1);
        await("the writer is inside jSerialComm").atMost(WAIT).until(StuckSerialWriteTest::writerInNativeWrite);
        assertTimeoutPreemptively(WAIT, engine::close);

        assertThat(AtException.from(catchThrowable(() -> upload.toCompletableFuture().get(5, TimeUnit.SECONDS)))
                .kind()).isEqualTo(AtException.Kind.CLOSED);
        await("every engine thread ended").atMost(WAIT).until(() -> engineThreads().isEmpty());
    }

    private void startEngine() {
        engine = new AtEngine(settings().build());
        engine.start();
        await().atMost(WAIT).until(() -> engine.state() == EngineState.READY);
    }

    private AtEngineSettings.Builder settings() {
        // a pty takes any standard rate; 4 Mbaud keeps the write budget of the payload short (about a second)
        String uri = "serial:" + pty.host() + "?baud=4000000";
        return AtEngineSettings.builder("stuck", () -> provider.open(URI.create(uri), LinkUri.parse(uri).settings()))
                .commandTimeout(Duration.ofSeconds(2))
                .guardTime(Duration.ofMillis(150))
                .probeTimeout(Duration.ofMillis(150))
                .settleTime(Duration.ofMillis(30))
                .trailingOkLinger(Duration.ofMillis(40))
                .bootUrcWindow(Duration.ofMillis(500))
                .reopenBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .writeGrace(Duration.ofMillis(500));
    }

    private static byte[] payload() {
        byte[] payload = new byte[PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 'x');
        return payload;
    }

    private static AtException failure(CompletionStage<?> stage) {
        Throwable thrown = catchThrowable(() -> stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertThat(thrown).as("the stage should have failed").isNotNull();
        return AtException.from(thrown);
    }

    private static boolean writerInNativeWrite() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("cellmail-at-writer-stuck"))
                .flatMap(e -> Arrays.stream(e.getValue()))
                .anyMatch(frame -> frame.getClassName().equals("com.fazecast.jSerialComm.SerialPort")
                        && frame.isNativeMethod());
    }

    private static List<String> writerThreads() {
        return engineThreads().stream().filter(n -> n.startsWith("cellmail-at-writer-")).toList();
    }

    private static List<String> engineThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("cellmail-at-")).toList();
    }
}
