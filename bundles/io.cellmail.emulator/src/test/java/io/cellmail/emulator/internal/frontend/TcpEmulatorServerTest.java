/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP front end with a stand-in modem that echoes: connection handling only. */
class TcpEmulatorServerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private TcpEmulatorServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldListenOnAFreePortWhenAskedForPortZero() throws IOException {
        server = TcpEmulatorServer.start(EchoSession.attachable(), "127.0.0.1", 0);

        assertThat(server.port()).isPositive();
        assertThat(server.address().getAddress()).isEqualTo(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
    }

    @Test
    void shouldCarryBytesBothWays() throws Exception {
        server = TcpEmulatorServer.start(EchoSession.attachable(), "127.0.0.1", 0);

        try (Socket host = connect()) {
            HostReader reader = HostReader.follow(host.getInputStream(), "host");
            send(host.getOutputStream(), "AT\r");

            await().atMost(WAIT).until(() -> reader.text().endsWith("AT\r"));
        }
    }

    @Test
    void shouldReplaceTheOldConnectionWithANewOne() throws Exception {
        server = TcpEmulatorServer.start(EchoSession.attachable(), "127.0.0.1", 0);

        try (Socket first = connect()) {
            HostReader firstReader = HostReader.follow(first.getInputStream(), "first");
            await().atMost(WAIT).until(() -> firstReader.text().startsWith("session "));

            try (Socket second = connect()) {
                HostReader secondReader = HostReader.follow(second.getInputStream(), "second");

                await().atMost(WAIT).until(firstReader::ended);
                send(second.getOutputStream(), "ATI\r");
                await().atMost(WAIT).until(() -> secondReader.text().endsWith("ATI\r"));
                assertThat(secondReader.text()).startsWith("session ").doesNotStartWith(firstReader.text());
            }
        }
    }

    @Test
    void shouldCutTheConnectionOnDropAndServeTheNextOne() throws Exception {
        server = TcpEmulatorServer.start(EchoSession.attachable(), "127.0.0.1", 0, 8 * 1024);

        try (Socket first = connect()) {
            HostReader firstReader = HostReader.follow(first.getInputStream(), "first");
            await().atMost(WAIT).until(() -> firstReader.text().startsWith("session "));

            assertThat(server.drop()).isTrue();

            await().atMost(WAIT).until(firstReader::ended);
            assertThat(server.drop()).as("nothing left to cut").isFalse();
            try (Socket second = connect()) {
                HostReader secondReader = HostReader.follow(second.getInputStream(), "second");
                send(second.getOutputStream(), "ATI\r");
                await().atMost(WAIT).until(() -> secondReader.text().endsWith("ATI\r"));
            }
        }
    }

    @Test
    void shouldRefuseConnectionsOnceClosed() throws Exception {
        server = TcpEmulatorServer.start(EchoSession.attachable(), "127.0.0.1", 0);
        int port = server.port();
        Socket host = connect();
        HostReader reader = HostReader.follow(host.getInputStream(), "host");

        server.close();

        await().atMost(WAIT).until(reader::ended);
        host.close();
        assertThatIOException().isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    }

    @Test
    void shouldExplainWhyItCannotListen() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatIOException()
                    .isThrownBy(() -> TcpEmulatorServer.start(EchoSession.attachable(), "127.0.0.1",
                            taken.getLocalPort()))
                    .withMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        socket.setSoTimeout((int) WAIT.toMillis());
        return socket;
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
