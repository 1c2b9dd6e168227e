/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.EmulatorSession;
import io.cellmail.emulator.ModemEmulator;

/**
 * The serial line as the gateway reaches it: a TCP port on {@code 127.0.0.1} (as ser2net serves a UART), attached to
 * the emulated module currently plugged in. One host connection at a time; a new one replaces the old. It keeps a
 * log of when a host was connected, can drop the connection (a cut link), and can plug in another module between
 * gateway runs. The receive buffer is small so that a module that stops reading (CTS stall) soon blocks the host's
 * writes, as on a serial line.
 */
final class ModemLine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemLine.class);
    private static final int RECEIVE_BUFFER = 8 * 1024;
    private static final Duration SESSION_END_WAIT = Duration.ofSeconds(5);

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

    private final ServerSocket listener;
    private final Thread acceptor;
    private final Object lock = new Object();
    private final List<Connection> connections = new ArrayList<>();
    private ModemEmulator module;
    private Socket socket;
    private EmulatorSession session;
    private int current = -1;
    private boolean closed;

    private ModemLine(ServerSocket listener, ModemEmulator module) {
        this.listener = listener;
        this.module = module;
        this.acceptor = new Thread(this::acceptLoop, "cellmail-soak-line-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * @param module the module plugged in first
     * @return the line, listening on a free loopback port
     * @throws IOException when it cannot listen
     */
    static ModemLine start(ModemEmulator module) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReceiveBufferSize(RECEIVE_BUFFER);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
        ModemLine line = new ModemLine(listener, Objects.requireNonNull(module, "module"));
        line.acceptor.start();
        return line;
    }

    /** @return the port the gateway connects to ({@code tcp://127.0.0.1:<port>}) */
    int port() {
        return listener.getLocalPort();
    }

    /** @return the module plugged in now */
    ModemEmulator module() {
        synchronized (lock) {
            return module;
        }
    }

    /**
     * Plugs in another module; the current connection, if any, ends.
     *
     * @param next the module
     */
    void plugIn(ModemEmulator next) {
        synchronized (lock) {
            endConnection();
            module = Objects.requireNonNull(next, "next");
        }
    }

    /** @return whether a connection was open and is now cut */
    boolean drop() {
        synchronized (lock) {
            boolean open = socket != null;
            endConnection();
            return open;
        }
    }

    /** @return every connection so far, oldest first */
    List<Connection> connections() {
        synchronized (lock) {
            return List.copyOf(connections);
        }
    }

    /**
     * @param instant a moment
     * @return whether a host was connected then
     */
    boolean connectedAt(Instant instant) {
        return connections().stream().anyMatch(connection -> connection.covers(instant));
    }

    private void acceptLoop() {
        while (true) {
            Socket accepted;
            try {
                accepted = listener.accept();
            } catch (IOException e) {
                if (!isClosed()) {
                    LOG.warn("the soak's modem line stopped accepting", e);
                }
                return;
            }
            attach(accepted);
        }
    }

    private void attach(Socket accepted) {
        synchronized (lock) {
            endConnection();
            if (closed) {
                closeQuietly(accepted);
                return;
            }
            try {
                accepted.setTcpNoDelay(true);
                EmulatorSession attached = module.attach(accepted.getInputStream(), accepted.getOutputStream());
                socket = accepted;
                session = attached;
                connections.add(new Connection(java.time.Instant.now(), Optional.empty()));
                current = connections.size() - 1;
                watch(attached, current);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not attach a host connection", e);
                closeQuietly(accepted);
            }
        }
    }

    /** Notes the end of a connection that the host (or the module) ends. */
    private void watch(EmulatorSession attached, int index) {
        Thread watcher = new Thread(() -> {
            try {
                while (!attached.awaitClosed(Duration.ofMinutes(1))) {
                    if (isClosed()) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (lock) {
                ended(index);
                if (session == attached) {
                    closeQuietly(socket);
                    socket = null;
                    session = null;
                }
            }
        }, "cellmail-soak-line-watch-" + index);
        watcher.setDaemon(true);
        watcher.start();
    }

    private void endConnection() {
        if (session != null) {
            session.close();
            try {
                session.awaitClosed(SESSION_END_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            session = null;
        }
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
        }
        ended(current);
    }

    private void ended(int index) {
        if (index >= 0 && connections.get(index).to().isEmpty()) {
            connections.set(index, new Connection(connections.get(index).from(), Optional.of(Instant.now())));
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            closeQuietly(listener);
            endConnection();
        }
        try {
            acceptor.join(SESSION_END_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }
}
