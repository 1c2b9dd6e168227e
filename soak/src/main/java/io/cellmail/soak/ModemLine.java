/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.cellmail.emulator.EmulatorSession;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.internal.frontend.Attachable;
import io.cellmail.emulator.internal.frontend.TcpEmulatorServer;

/**
 * The serial line as the gateway reaches it: a TCP port on {@code 127.0.0.1} (as ser2net serves a UART), attached to
 * the emulated module currently plugged in. The emulator's own TCP front end carries it (one host connection at a
 * time; a new one replaces the old; {@link #drop()} cuts it); this class adds what the soak needs on top: a log of
 * when a host was connected, and another module plugged in between gateway runs. The receive buffer is small so
 * that a module that stops reading (CTS stall) soon blocks the host's writes, as on a serial line.
 */
final class ModemLine implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 8 * 1024;
    /** How long a watcher waits for a session's end before it looks whether the line was closed meanwhile. */
    private static final Duration WATCH_STEP = Duration.ofMinutes(1);

    /**
     * When a host was connected.
     *
     * @param from when the connection was accepted
     * @param to when it ended, empty while it lasts
     */
    record Connection(Instant from, Optional<Instant> to) {
        boolean covers(Instant instant) {
            return !instant.isBefore(from) && to.map(end -> !instant.isAfter(end)).orElse(true);
        }
    }

    private final PluggedModule plugged;
    private final TcpEmulatorServer server;

    private ModemLine(PluggedModule plugged, TcpEmulatorServer server) {
        this.plugged = plugged;
        this.server = server;
    }

    /**
     * @param module the module plugged in first
     * @return the line, listening on a free loopback port
     * @throws IOException when it cannot listen
     */
    static ModemLine start(ModemEmulator module) throws IOException {
        PluggedModule plugged = new PluggedModule(Objects.requireNonNull(module, "module"));
        return new ModemLine(plugged, TcpEmulatorServer.start(plugged, "127.0.0.1", 0, RECEIVE_BUFFER));
    }

    /** @return the port the gateway connects to ({@code tcp://127.0.0.1:<port>}) */
    int port() {
        return server.port();
    }

    /** @return the module plugged in now */
    ModemEmulator module() {
        return plugged.module();
    }

    /**
     * Plugs in another module; the current connection, if any, ends.
     *
     * @param next the module
     */
    void plugIn(ModemEmulator next) {
        Objects.requireNonNull(next, "next");
        server.drop();
        plugged.plugIn(next);
    }

    /** @return whether a connection was open and is now cut */
    boolean drop() {
        return server.drop();
    }

    /** @return every connection so far, oldest first */
    List<Connection> connections() {
        return plugged.connections();
    }

    /**
     * @param instant a moment
     * @return whether a host was connected then
     */
    boolean connectedAt(Instant instant) {
        return connections().stream().anyMatch(connection -> connection.covers(instant));
    }

    @Override
    public void close() {
        plugged.close();
        server.close();
    }

    /** What a host connection is attached to: the module plugged in now; keeps the log of connections. */
    private static final class PluggedModule implements Attachable {

        private final Object lock = new Object();
        private final List<Connection> connections = new ArrayList<>();
        private ModemEmulator module;
        private boolean closed;

        PluggedModule(ModemEmulator module) {
            this.module = module;
        }

        ModemEmulator module() {
            synchronized (lock) {
                return module;
            }
        }

        void plugIn(ModemEmulator next) {
            synchronized (lock) {
                module = next;
            }
        }

        List<Connection> connections() {
            synchronized (lock) {
                return List.copyOf(connections);
            }
        }

        void close() {
            synchronized (lock) {
                closed = true;
            }
        }

        @Override
        public EmulatorSession attach(InputStream fromHost, OutputStream toHost) {
            synchronized (lock) {
                EmulatorSession session = module.attach(fromHost, toHost);
                connections.add(new Connection(Instant.now(), Optional.empty()));
                watch(session, connections.size() - 1);
                return session;
            }
        }

        /** Notes the end of a connection, whoever ends it: the host, the module, a drop or the next connection. */
        private void watch(EmulatorSession session, int index) {
            Thread watcher = new Thread(() -> {
                try {
                    while (!session.awaitClosed(WATCH_STEP)) {
                        synchronized (lock) {
                            if (closed) {
                                return;
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                synchronized (lock) {
                    Connection connection = connections.get(index);
                    if (connection.to().isEmpty()) {
                        connections.set(index, new Connection(connection.from(), Optional.of(Instant.now())));
                    }
                }
            }, "cellmail-soak-line-watch-" + index);
            watcher.setDaemon(true);
            watcher.start();
        }
    }
}
