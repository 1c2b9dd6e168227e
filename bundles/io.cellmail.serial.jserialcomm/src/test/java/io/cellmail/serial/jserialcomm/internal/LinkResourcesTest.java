/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fazecast.jSerialComm.SerialPort;

import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;

/** Opening and closing a link must leave no thread (ours or jSerialComm's event thread) and no file handle behind. */
@EnabledOnOs(OS.LINUX)
class LinkResourcesTest {

    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    @TempDir
    Path dir;

    @Test
    void shouldLeaveNoThreadOrFileHandleOpenAfterClose() throws Exception {
        assumeTrue(SocatPtyPair.socatInstalled(), "socat is not installed at " + SocatPtyPair.SOCAT
                + "; the pseudo-terminal tests need it (apt-get install socat)");
        SerialPort.getVersion(); // loads the native library first: its one-time handles are not a leak
        JSerialCommLinkProvider provider = new JSerialCommLinkProvider();
        try (SocatPtyPair pty = SocatPtyPair.start(dir, "leak"); TinyModem modem = new TinyModem(pty.modem(), "tiny-modem")) {
            ExecutorService reader = Executors.newSingleThreadExecutor(r -> new Thread(r, "leak-test-reader"));
            Set<Thread> threadsBefore = liveThreads();
            long fdsBefore = openFileHandles();

            for (int i = 0; i < 3; i++) {
                SerialLink link = provider.open(URI.create("serial:" + pty.host()), PortSettings.DEFAULT);
                link.output().write("AT\r".getBytes(StandardCharsets.US_ASCII));
                byte[] answer = reader.submit(() -> link.input().readNBytes(6)).get(5, TimeUnit.SECONDS);
                assertThat(new String(answer, StandardCharsets.US_ASCII)).isEqualTo("\r\nOK\r\n");
                link.close();
            }
            reader.shutdown();
            assertThat(reader.awaitTermination(5, TimeUnit.SECONDS)).isTrue();

            await("threads started by opening links have ended").atMost(Duration.ofSeconds(5))
                    .until(() -> newThreadNames(threadsBefore).isEmpty());
            await("file handles opened for links are closed").atMost(Duration.ofSeconds(5))
                    .until(() -> openFileHandles() == fdsBefore);
            assertThat(HeldPorts.isHeld(pty.host().toRealPath())).isFalse();

            pty.close();
            assertThat(modem.awaitStop(5_000)).isTrue();
        }
    }

    private static Set<Thread> liveThreads() {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    private static Set<String> newThreadNames(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> !name.startsWith("awaitility")) // the poller of this very await
                .collect(Collectors.toSet());
    }

    private static long openFileHandles() throws IOException {
        try (Stream<Path> fds = Files.list(OWN_FDS)) {
            return fds.count();
        }
    }
}
