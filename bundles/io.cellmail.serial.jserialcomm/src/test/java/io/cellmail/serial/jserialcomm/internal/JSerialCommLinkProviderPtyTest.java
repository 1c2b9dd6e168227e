/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.LinkUri;
import io.cellmail.serial.PortSettings.FlowControl;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;

/** The provider against a real pseudo-terminal pair made by socat, with a tiny modem on the far end. */
@EnabledOnOs(OS.LINUX)
class JSerialCommLinkProviderPtyTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final JSerialCommLinkProvider provider = new JSerialCommLinkProvider();
    private final List<SerialLink> links = new ArrayList<>();
    private final ExecutorService readers = Executors.newCachedThreadPool(r -> new Thread(r, "pty-test-reader"));
    private SocatPtyPair pty;
    private TinyModem modem;

    @BeforeEach
    void startPseudoTerminals() throws IOException {
        assumeTrue(SocatPtyPair.socatInstalled(), "socat is not installed at " + SocatPtyPair.SOCAT
                + "; the pseudo-terminal tests need it (apt-get install socat)");
        pty = SocatPtyPair.start(dir, "pty");
        modem = new TinyModem(pty.modem(), "tiny-modem");
    }

    @AfterEach
    void stopEverything() throws Exception {
        links.forEach(SerialLink::close);
        readers.shutdownNow();
        if (pty != null) {
            pty.close();
            assertThat(modem.awaitStop(PROMPTLY.toMillis())).as("tiny modem stopped with socat").isTrue();
            modem.close();
        }
        assertThat(readers.awaitTermination(5, TimeUnit.SECONDS)).as("reader threads stopped").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"?baud=115200", "", "?baud=9600&data=8&parity=none&stop=1&flow=rtscts",
            "?baud=57600&parity=even&stop=2&flow=xonxoff"})
    void shouldExchangeAnAtCommandWithTheModem(String query) throws Exception {
        SerialLink link = open("serial:" + pty.host() + query);

        assertThat(roundTrip(link)).isEqualTo("\r\nOK\r\n");
        assertThat(link.isOpen()).isTrue();
        assertThat(link.uri()).isEqualTo(URI.create("serial:" + pty.host() + query));
    }

    @Test
    void shouldKeepTheSettingsOfTheUri() throws Exception {
        SerialLink link = open("serial:" + pty.host() + "?baud=9600&flow=rtscts");

        assertThat(link.settings().baud()).isEqualTo(9600);
        assertThat(link.settings().flowControl()).isEqualTo(FlowControl.RTS_CTS);
    }

    @Test
    void shouldReportPortBusyForASecondOpenOfTheSamePort() throws Exception {
        open("serial:" + pty.host());

        assertThatThrownBy(() -> open("serial:" + pty.host()))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PORT_BUSY))
                .hasMessageContaining("already open");
    }

    @Test
    void shouldReportNoSuchPortForAMissingDevice() {
        Path missing = dir.resolve("ttyUSB9");

        assertThatThrownBy(() -> open("serial:" + missing))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_PORT))
                .hasMessageContaining(missing.toString());
    }

    @Test
    void shouldResolveAByIdLinkAfreshAtEveryOpen() throws Exception {
        Path byId = Files.createDirectories(dir.resolve("by-id")).resolve("usb-Quectel_M95-if02-port0");
        Files.createSymbolicLink(byId, dir.resolve("ttyUSB2-before-replug"));
        assertThatThrownBy(() -> open("serial:" + byId))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_PORT));

        // The device re-enumerated: udev points the same by-id name at the new node.
        Files.delete(byId);
        Files.createSymbolicLink(byId, pty.host());
        SerialLink link = open("serial:" + byId + "?baud=115200");

        assertThat(roundTrip(link)).isEqualTo("\r\nOK\r\n");
        assertThatThrownBy(() -> open("serial:" + pty.host()))
                .as("the by-id name and the node it points at are one port")
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PORT_BUSY));
    }

    @Test
    void shouldCompleteLostWhenTheModemGoesAway() throws Exception {
        SerialLink link = open("serial:" + pty.host());
        Future<Integer> read = readers.submit(() -> link.input().read());

        pty.close();

        LinkLost lost = link.lost().toCompletableFuture().get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(lost.reason()).containsAnyOf("disconnected", "read failed");
        assertThat(link.isOpen()).isFalse();
        assertThatThrownBy(() -> read.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void shouldUnblockAReaderWithoutCompletingLostWhenClosedAndFreeThePort() throws Exception {
        SerialLink link = open("serial:" + pty.host());
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        Future<Integer> read = readers.submit(() -> {
            readerThread.set(Thread.currentThread());
            return link.input().read();
        });
        await().atMost(PROMPTLY).until(() -> isReadingThePort(readerThread.get()));

        link.close();

        assertThat(read.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(link.lost().toCompletableFuture()).isNotDone();
        assertThat(roundTrip(open("serial:" + pty.host()))).as("the port can be opened again").isEqualTo("\r\nOK\r\n");
    }

    @Test
    void shouldBreakItsLinksAsLostWhenTheProviderStops() throws Exception {
        SerialLink link = open("serial:" + pty.host());

        provider.deactivate();

        assertThat(link.lost().toCompletableFuture().get(PROMPTLY.toSeconds(), TimeUnit.SECONDS).reason())
                .contains("provider stopped");
        assertThat(link.isOpen()).isFalse();
        assertThat(roundTrip(open("serial:" + pty.host()))).as("the port was released").isEqualTo("\r\nOK\r\n");
    }

    private SerialLink open(String uri) throws SerialLinkException {
        SerialLink link = provider.open(URI.create(uri), LinkUri.parse(uri).settings());
        links.add(link);
        return link;
    }

    private String roundTrip(SerialLink link) throws Exception {
        link.output().write("AT\r".getBytes(StandardCharsets.US_ASCII));
        link.output().flush();
        Future<byte[]> answer = readers.submit(() -> link.input().readNBytes(6));
        try {
            return new String(answer.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS), StandardCharsets.US_ASCII);
        } catch (TimeoutException e) {
            answer.cancel(true); // the interrupt ends the read
            throw new AssertionError("the modem did not answer within " + PROMPTLY, e);
        }
    }

    private static boolean isReadingThePort(Thread thread) {
        return thread != null && Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(SerialPortInput.class.getName()));
    }
}
