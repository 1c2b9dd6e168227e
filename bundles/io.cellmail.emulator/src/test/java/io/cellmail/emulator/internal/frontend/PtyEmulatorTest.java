/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pseudo-terminal front end with a stand-in modem that echoes; needs socat (apt-get install socat). */
class PtyEmulatorTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    private PtyEmulator pty;

    @AfterEach
    void stopPty() {
        if (pty != null) {
            pty.close();
        }
    }

    @Test
    void shouldCarryBytesBetweenTheHostDeviceAndTheModem() throws Exception {
        pty = PtyEmulator.start(EchoSession.attachable(), directory.resolve("ttyCELL"));

        assertThat(pty.hostPath()).isEqualTo(directory.resolve("ttyCELL"));
        assertThat(Files.isSymbolicLink(pty.hostPath())).isTrue();
        try (FileInputStream in = new FileInputStream(pty.hostPath().toFile());
                FileOutputStream out = new FileOutputStream(pty.hostPath().toFile())) {
            HostReader reader = HostReader.follow(in, "pty-host");
            out.write("AT\r".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            await().atMost(WAIT).until(() -> reader.text().contains("AT\r"));
            assertThat(reader.text()).startsWith("session ");
            pty.close();
            await().atMost(WAIT).until(reader::ended);
        }
    }

    @Test
    void shouldSurviveTheHostClosingAndReopeningTheDevice() throws Exception {
        pty = PtyEmulator.start(EchoSession.attachable(), directory.resolve("ttyCELL"));

        exchange("first\r");
        exchange("second\r");
    }

    @Test
    void shouldRemoveItsLinksWhenClosed() throws Exception {
        pty = PtyEmulator.start(EchoSession.attachable(), directory.resolve("ttyCELL"));

        pty.close();

        assertThat(directory.resolve("ttyCELL")).doesNotExist();
    }

    @Test
    void shouldReplaceAStaleLink() throws Exception {
        Files.createSymbolicLink(directory.resolve("ttyCELL"), Path.of("/dev/pts/does-not-exist"));

        pty = PtyEmulator.start(EchoSession.attachable(), directory.resolve("ttyCELL"));

        assertThat(directory.resolve("ttyCELL").toRealPath().toString()).startsWith("/dev/pts/");
    }

    @Test
    void shouldRefuseToReplaceARegularFile() throws Exception {
        Path file = Files.writeString(directory.resolve("notes.txt"), "keep me");

        assertThatIOException().isThrownBy(() -> PtyEmulator.start(EchoSession.attachable(), file))
                .withMessageContaining("not a symbolic link");
        assertThat(file).hasContent("keep me");
    }

    @Test
    void shouldSayHowToInstallSocatWhenItIsMissing() {
        assertThatIOException()
                .isThrownBy(() -> PtyEmulator.start(EchoSession.attachable(), directory.resolve("ttyCELL"),
                        directory.resolve("no-socat-here").toString(), WAIT))
                .withMessageContaining("socat not found: apt-get install socat");
        assertThat(directory.resolve("ttyCELL")).doesNotExist();
    }

    @Test
    void shouldRefuseAPathSocatWouldMisread() {
        assertThatIOException()
                .isThrownBy(() -> PtyEmulator.start(EchoSession.attachable(), directory.resolve("tty,CELL")))
                .withMessageContaining("socat can't take this path");
    }

    private void exchange(String text) throws IOException {
        HostReader reader;
        try (FileChannel in = FileChannel.open(pty.hostPath(), StandardOpenOption.READ);
                FileOutputStream out = new FileOutputStream(pty.hostPath().toFile())) {
            reader = HostReader.follow(Channels.newInputStream(in), "pty-host");
            out.write(text.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            await().atMost(WAIT).until(() -> reader.text().contains(text));
        }
        // A channel, unlike a file stream, wakes its blocked reader when closed: no stale reader steals the next
        // connection's bytes.
        await().atMost(WAIT).until(reader::ended);
    }
}
