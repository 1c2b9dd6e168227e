/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class TcpKeepaliveTest {

    @Test
    void shouldSwitchOnKeepaliveWithItsIdleTimeIntervalAndCount() throws IOException {
        TcpKeepalive keepalive = new TcpKeepalive(Duration.ofSeconds(17), Duration.ofSeconds(4), 5);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket socket = new Socket()) {
            socket.connect(server.getLocalSocketAddress());

            boolean timed = keepalive.apply(socket);

            assertThat(socket.getKeepAlive()).isTrue();
            assumeTrue(timed, "this platform offers no keepalive timing options");
            assertThat(socket.getOption(option(socket, "TCP_KEEPIDLE"))).isEqualTo(17);
            assertThat(socket.getOption(option(socket, "TCP_KEEPINTERVAL"))).isEqualTo(4);
            assertThat(socket.getOption(option(socket, "TCP_KEEPCOUNT"))).isEqualTo(5);
        }
    }

    @Test
    void shouldNoticeADeadPeerOfAnIdleLinkWithinAboutAMinuteByDefault() {
        TcpKeepalive keepalive = TcpKeepalive.DEFAULT;

        Duration worstCase = keepalive.idle().plus(keepalive.interval().multipliedBy(keepalive.count()));

        assertThat(worstCase).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldRejectTimesTheSocketCannotTake() {
        assertThatThrownBy(() -> new TcpKeepalive(Duration.ofMillis(500), Duration.ofSeconds(1), 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TcpKeepalive(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings("unchecked")
    private static SocketOption<Integer> option(Socket socket, String name) {
        return (SocketOption<Integer>) socket.supportedOptions().stream().filter(o -> o.name().equals(name))
                .findFirst().orElseThrow();
    }
}
