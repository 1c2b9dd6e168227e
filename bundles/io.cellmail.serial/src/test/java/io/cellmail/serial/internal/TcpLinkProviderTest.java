/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;

class TcpLinkProviderTest {

    private final TcpLinkProvider provider = new TcpLinkProvider(Duration.ofSeconds(2));
    private ServerSocket server;
    private SerialLink link;
    private Socket peer;
    private Thread reader;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setSoTimeout(5_000); // bounds accept() if a test forgets to connect
    }

    @AfterEach
    void closeEverything() throws IOException, InterruptedException {
        if (link != null) {
            link.close();
        }
        if (peer != null) {
            peer.close();
        }
        server.close();
        if (reader != null) {
            reader.join(5_000);
            assertThat(reader.isAlive()).as("reader thread stopped").isFalse();
        }
    }

    @Test
    void shouldExchangeBytesBothWays() throws IOException {
        openAndAccept();

        link.output().write("AT\r".getBytes(StandardCharsets.US_ASCII));
        link.output().flush();
        assertThat(readExactly(peer.getInputStream(), 3)).isEqualTo("AT\r");

        peer.getOutputStream().write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readExactly(link.input(), 6)).isEqualTo("\r\nOK\r\n");
        assertThat(link.isOpen()).isTrue();
        assertThat(link.uri()).isEqualTo(uri(""));
    }

    @Test
    void shouldCompleteLostWhenThePeerCloses() throws Exception {
        openAndAccept();
        CompletableFuture<Integer> read = readInBackground();

        peer.close();

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
        LinkLost lost = link.lost().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(lost.reason()).isEqualTo("end of stream");
        assertThat(link.isOpen()).isFalse();
    }

    @Test
    void shouldUnblockABlockedReaderAndNotCompleteLostWhenTheCallerCloses() throws Exception {
        openAndAccept();
        CompletableFuture<Integer> read = readInBackground();

        link.close();

        assertThat(read.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
        assertThat(link.lost().toCompletableFuture()).isNotDone();
        assertThat(link.isOpen()).isFalse();
        assertThat(peer.getInputStream().read()).as("the peer sees the connection end").isEqualTo(-1);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void shouldHaveTheKernelProbeAnIdleConnectionAfterTheKeepaliveIdleTime() throws Exception {
        openAndAccept();

        // the kernel's view of the connection: on Linux, timer 2 is the keepalive timer, due in clock ticks
        String connection = kernelTcpEntry(peer.getPort(), server.getLocalPort());
        String[] timer = connection.trim().split("\\s+")[5].split(":");
        assertThat(timer[0]).as("keepalive timer running").isEqualTo("02");
        long dueInTicks = Long.parseLong(timer[1], 16);
        assertThat(dueInTicks).as("first probe after the 30 s idle time, not the system's two hours")
                .isPositive().isLessThanOrEqualTo(TcpKeepalive.DEFAULT.idle().toSeconds() * USER_HZ);
    }

    @Test
    void shouldKeepTheSettingsOfTheUri() throws Exception {
        PortSettings settings = PortSettings.parse("baud=9600&flow=rtscts");
        link = provider.open(uri("?baud=9600&flow=rtscts"), settings);
        peer = server.accept();

        assertThat(link.settings()).isEqualTo(settings);
    }

    @Test
    void shouldReportNoSuchPortWhenNothingListens() throws IOException {
        int port = server.getLocalPort();
        server.close();

        assertThatThrownBy(() -> provider.open(URI.create("tcp://127.0.0.1:" + port), PortSettings.DEFAULT))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_PORT))
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageContaining("ser2net");
    }

    @Test
    void shouldReportNoSuchPortForAnUnknownHost() {
        // RFC 6761: .invalid never resolves.
        assertThatThrownBy(() -> provider.open(URI.create("tcp://modem.invalid:7000"), PortSettings.DEFAULT))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NO_SUCH_PORT))
                .hasMessageContaining("unknown host")
                .hasMessageContaining("modem.invalid:7000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp://127.0.0.1", "tcp:127.0.0.1:7000", "tcp://:7000", "serial:/dev/ttyS0"})
    void shouldRejectAUriWithoutHostAndPort(String uri) {
        assertThatThrownBy(() -> provider.open(URI.create(uri), PortSettings.DEFAULT))
                .isInstanceOfSatisfying(SerialLinkException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_URI))
                .hasMessageContaining("tcp://127.0.0.1:7000");
    }

    @Test
    void shouldServeTheTcpScheme() {
        assertThat(provider.scheme()).isEqualTo("tcp");
    }

    /** Clock ticks per second in /proc (USER_HZ), 100 on every Linux architecture in use. */
    private static final long USER_HZ = 100;

    /** @return the line of /proc/net/tcp or tcp6 for the connection from the local port to the remote port */
    private static String kernelTcpEntry(int localPort, int remotePort) throws IOException {
        String ports = String.format(":%04X .*:%04X ", localPort, remotePort);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                if (Pattern.compile(ports).matcher(line).find()) {
                    return line;
                }
            }
        }
        throw new AssertionError("no kernel entry for the connection from port " + localPort);
    }

    private void openAndAccept() throws IOException {
        link = provider.open(uri(""), PortSettings.DEFAULT);
        peer = server.accept();
    }

    private URI uri(String query) {
        return URI.create("tcp://127.0.0.1:" + server.getLocalPort() + query);
    }

    private CompletableFuture<Integer> readInBackground() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        reader = new Thread(() -> {
            try {
                result.complete(link.input().read());
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        }, "tcp-link-reader");
        reader.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> isBlockedInSocketRead(reader));
        return result;
    }

    private static boolean isBlockedInSocketRead(Thread thread) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().startsWith("sun.nio.ch.")
                        || frame.getClassName().startsWith("java.net.Socket"));
    }

    private static String readExactly(InputStream in, int count) throws IOException {
        byte[] bytes = in.readNBytes(count);
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
