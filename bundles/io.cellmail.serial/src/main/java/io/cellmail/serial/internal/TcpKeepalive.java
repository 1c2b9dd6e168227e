/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP keepalive for a link to a serial bridge: without it a bridge that died or a network path that broke while
 * the link was idle goes unnoticed until the next command times out, and the host keeps a half-open connection.
 * With it the operating system probes an idle connection and fails the next read once the peer stays silent, so
 * the AT engine reopens the link at once.
 *
 * <p>{@code SO_KEEPALIVE} is standard; the idle time, probe interval and probe count are set where the JDK offers
 * them ({@code jdk.net.ExtendedSocketOptions} on Linux and macOS), found by name among the socket's supported
 * options, so this bundle imports no {@code jdk.net} package and works unchanged where they are missing (the
 * system defaults then apply: on Linux two hours of idle time, which is why the explicit values matter).
 *
 * @param idle silence after which the first probe goes out
 * @param interval time between unanswered probes
 * @param count unanswered probes after which the connection counts as dead
 */
record TcpKeepalive(Duration idle, Duration interval, int count) {

    /** A dead peer of an idle link is noticed within about a minute: 30 s of silence, then 3 probes 10 s apart. */
    static final TcpKeepalive DEFAULT = new TcpKeepalive(Duration.ofSeconds(30), Duration.ofSeconds(10), 3);

    private static final Logger LOG = LoggerFactory.getLogger(TcpKeepalive.class);

    TcpKeepalive {
        Objects.requireNonNull(idle, "idle");
        Objects.requireNonNull(interval, "interval");
        if (idle.toSeconds() < 1 || interval.toSeconds() < 1 || count < 1) {
            throw new IllegalArgumentException("keepalive idle and interval need at least 1 s, count at least 1");
        }
    }

    /**
     * Switches keepalive on for the socket, with this idle time, interval and count where the platform allows.
     *
     * @param socket a socket, connected or not
     * @return true if the idle time, interval and count were set too, false if only {@code SO_KEEPALIVE} was
     * @throws IOException if the socket refuses {@code SO_KEEPALIVE}
     */
    boolean apply(Socket socket) throws IOException {
        socket.setKeepAlive(true);
        Optional<SocketOption<Integer>> idleOption = option(socket, "TCP_KEEPIDLE");
        Optional<SocketOption<Integer>> intervalOption = option(socket, "TCP_KEEPINTERVAL");
        Optional<SocketOption<Integer>> countOption = option(socket, "TCP_KEEPCOUNT");
        if (idleOption.isEmpty() || intervalOption.isEmpty() || countOption.isEmpty()) {
            LOG.debug("This platform sets no keepalive timing; the system's defaults apply");
            return false;
        }
        socket.setOption(idleOption.get(), Math.toIntExact(idle.toSeconds()));
        socket.setOption(intervalOption.get(), Math.toIntExact(interval.toSeconds()));
        socket.setOption(countOption.get(), count);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Optional<SocketOption<Integer>> option(Socket socket, String name) {
        return socket.supportedOptions().stream()
                .filter(o -> o.name().equals(name) && o.type() == Integer.class)
                .map(o -> (SocketOption<Integer>) o)
                .findFirst();
    }
}
