/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngine;
import io.cellmail.at.EngineState;
import io.cellmail.at.LinkOpener;
import io.cellmail.at.UploadOptions;
import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.internal.frontend.TcpEmulatorServer;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.internal.SerialLinkRegistry;
import io.cellmail.serial.internal.TcpLinkProvider;

/**
 * A whole engine + link + emulator lifecycle leaves no {@code cellmail-} thread and no file handle behind, over
 * {@code emulator:} and over {@code tcp:}. Each lifecycle runs once to warm up (class loading opens jar files for
 * good), then once measured.
 */
@EnabledOnOs(OS.LINUX)
class LinkResourcesScenarioTest {

    private static final Path OWN_FDS = Path.of("/proc/self/fd");
    private static final Duration WAIT = ScenarioSupport.WAIT;

    /** One full lifecycle over some transport: start everything, use it, close everything. */
    @FunctionalInterface
    private interface Lifecycle {
        void run() throws Exception;
    }

    @Test
    void shouldLeaveNoThreadOrFileHandleAfterALifecycleOverAnEmulatorLink() throws Exception {
        assertNothingLeftBehind(() -> {
            EmulatorLinks links = new EmulatorLinks();
            try (ModemEmulator modem = ModemEmulator.create(ScenarioSupport.emulatorSettings().build())) {
                links.register("leak", modem);
                useEngine(() -> links.open(URI.create("emulator:leak"), PortSettings.DEFAULT));
            }
        });
    }

    @Test
    void shouldLeaveNoThreadOrFileHandleAfterALifecycleOverTcp() throws Exception {
        SerialLinkRegistry registry = new SerialLinkRegistry(List.of(new TcpLinkProvider()));
        assertNothingLeftBehind(() -> {
            try (ModemEmulator modem = ModemEmulator.create(ScenarioSupport.emulatorSettings().build());
                    TcpEmulatorServer server = TcpEmulatorServer.start(modem::attach, "127.0.0.1", 0)) {
                useEngine(() -> registry.open("tcp://127.0.0.1:" + server.port()));
            }
        });
    }

    /** Starts an engine, waits for READY, runs a command and an upload, closes the engine. */
    static void useEngine(LinkOpener opener) throws Exception {
        AtEngine engine = new AtEngine(ScenarioSupport.engineSettings("leak", opener).build());
        try {
            engine.start();
            await().atMost(WAIT).until(() -> engine.state() == EngineState.READY);
            ScenarioSupport.result(engine.send(ScenarioSupport.ATI));
            ScenarioSupport.result(engine.upload(AtCommand.of("AT+QSMTPBODY=1,100"), new byte[] {'h', 'i'},
                    UploadOptions.expectResult("+QSMTPBODY:")));
        } finally {
            engine.close();
        }
    }

    private static void assertNothingLeftBehind(Lifecycle lifecycle) throws Exception {
        lifecycle.run();
        Set<Thread> threadsBefore = cellmailThreads();
        long fdsBefore = openFileHandles();

        lifecycle.run();

        await("threads of the lifecycle ended").atMost(WAIT)
                .untilAsserted(() -> assertThat(newNames(threadsBefore)).isEmpty());
        await("file handles of the lifecycle closed").atMost(WAIT)
                .untilAsserted(() -> assertThat(openFileHandles()).isEqualTo(fdsBefore));
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
