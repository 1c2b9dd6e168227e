/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import io.cellmail.emulator.EmulatorSession;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import com.google.errorprone.annotations.concurrent.GuardedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the emulated module over TCP, one host connection at a time, like a serial port on a terminal server
 * (ser2net): a new connection replaces the old one, and the module's state outlives both.
 */
public final class TcpEmulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TcpEmulatorServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final Attachable modem;
    private final ServerSocket listener;
    private final Thread acceptor;
    private final Object lock = new Object();
    @GuardedBy("lock")
    private Socket connection;
    @GuardedBy("lock")
    private EmulatorSession session;
    @GuardedBy("lock")
    private boolean closed;

    private TcpEmulatorServer(Attachable modem, ServerSocket listener) {
        this.modem = modem;
        this.listener = listener;
        this.acceptor = new Thread(this::acceptLoop, "cellmail-emulator-tcp-" + listener.getLocalPort());
        acceptor.setDaemon(true);
    }

    /**
     * Binds and starts accepting.
     *
     * @param modem what each accepted connection is attached to
     * @param host the address to listen on, e.g. {@code 127.0.0.1}
     * @param port the port, 0 for a free one (see {@link #port()})
     * @return the running server
     * @throws IOException if the address can't be bound
     */
    public static TcpEmulatorServer start(Attachable modem, String host, int port) throws IOException {
        return start(modem, host, port, 0);
    }

    /**
     * Binds and starts accepting, with a receive buffer of the given size on every connection: a small one makes a
     * module that stops reading (a CTS stall) soon block the host's writes, as on a serial line.
     *
     * @param modem what each accepted connection is attached to
     * @param host the address to listen on, e.g. {@code 127.0.0.1}
     * @param port the port, 0 for a free one (see {@link #port()})
     * @param receiveBuffer the receive buffer in bytes, or 0 for the system's default
     * @return the running server
     * @throws IOException if the address can't be bound
     */
    public static TcpEmulatorServer start(Attachable modem, String host, int port, int receiveBuffer)
            throws IOException {
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(host, "host");
        ServerSocket listener = new ServerSocket();
        try {
            if (receiveBuffer > 0) {
                // set before bind: accepted connections inherit it, and only then can it shrink the TCP window
                listener.setReceiveBufferSize(receiveBuffer);
            }
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(host, port), 1);
        } catch (IOException e) {
            listener.close();
            throw new IOException("cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        TcpEmulatorServer server = new TcpEmulatorServer(modem, listener);
        server.acceptor.start();
        LOG.debug("listening on {}", server.address());
        return server;
    }

    /** @return the bound address */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** @return the bound port, the free one chosen when 0 was asked for */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (true) {
            Socket accepted;
            try {
                accepted = listener.accept();
            } catch (IOException e) {
                if (!isClosed()) {
                    LOG.warn("no longer accepting host connections on {}", address(), e);
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
                session = modem.attach(accepted.getInputStream(), accepted.getOutputStream());
                connection = accepted;
                LOG.debug("host connected from {}", accepted.getRemoteSocketAddress());
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not attach the host connection from {}", accepted.getRemoteSocketAddress(), e);
                closeQuietly(accepted);
            }
        }
    }

    /**
     * Cuts the current host connection, as a pulled cable or a restarted terminal server would; the module lives
     * on, and the next connection is served as usual.
     *
     * @return whether a connection was open (its session running) and is now cut
     */
    public boolean drop() {
        synchronized (lock) {
            boolean open = session != null && session.isRunning();
            endConnection();
            return open;
        }
    }

    /** Ends the current host connection, if any; the module itself lives on. */
    @GuardedBy("lock")
    private void endConnection() {
        if (session != null) {
            session.close();
            awaitQuietly(session);
            session = null;
        }
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    /** Stops accepting and ends the current connection. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(listener);
            endConnection();
        }
        try {
            acceptor.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("stopped listening on {}", listener.getLocalSocketAddress());
    }

    private static void awaitQuietly(EmulatorSession ending) {
        try {
            if (!ending.awaitClosed(STOP_WAIT)) {
                LOG.debug("the previous session did not end within {}", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }
}
