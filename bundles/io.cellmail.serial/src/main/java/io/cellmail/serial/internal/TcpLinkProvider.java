/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkException.Reason;
import io.cellmail.serial.SerialLinkProvider;
import io.cellmail.serial.support.StreamSerialLink;

/**
 * The {@code tcp://host:port} provider: a modem behind ser2net, a terminal server or the emulator's TCP listener.
 * The port settings are recorded but not applied; the far end owns the UART, and the URI's {@code baud} should name
 * its rate, the only line rate the host can know (the AT engine takes the line time of what it writes from it).
 * Connections use TCP keepalive ({@link TcpKeepalive#DEFAULT}), so a bridge that died while the link was idle is
 * noticed as a lost link.
 */
@Component(service = SerialLinkProvider.class, property = SerialLinkProvider.SCHEME_PROPERTY + "=" + TcpLinkProvider.SCHEME)
public final class TcpLinkProvider implements SerialLinkProvider {

    static final String SCHEME = "tcp";
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(TcpLinkProvider.class);

    private final Duration connectTimeout;
    private final TcpKeepalive keepalive;

    /** For Declarative Services and for use without OSGi: connects with a 5 s timeout, with keepalive. */
    public TcpLinkProvider() {
        this(DEFAULT_CONNECT_TIMEOUT);
    }

    TcpLinkProvider(Duration connectTimeout) {
        this(connectTimeout, TcpKeepalive.DEFAULT);
    }

    TcpLinkProvider(Duration connectTimeout, TcpKeepalive keepalive) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.keepalive = Objects.requireNonNull(keepalive, "keepalive");
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public SerialLink open(URI uri, PortSettings settings) throws SerialLinkException {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(settings, "settings");
        String host = uri.getHost();
        int port = uri.getPort();
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || host == null || port < 1) {
            throw new SerialLinkException(Reason.INVALID_URI,
                    "a tcp link URI needs a host and a port, e.g. tcp://127.0.0.1:7000; got " + uri);
        }
        String where = host + ":" + port;
        Socket socket = new Socket();
        try {
            // AT commands are short lines that the modem must see at once, not after Nagle's delay.
            socket.setTcpNoDelay(true);
            keepalive.apply(socket);
            socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
            LOG.debug("Connected {} to {}", uri, socket.getRemoteSocketAddress());
            return new StreamSerialLink(uri, settings, socket.getInputStream(), socket.getOutputStream(), socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw failure(where, e);
        } catch (RuntimeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private SerialLinkException failure(String where, IOException e) {
        if (e instanceof UnknownHostException) {
            return new SerialLinkException(Reason.NO_SUCH_PORT, "unknown host in tcp link " + where, e);
        }
        if (e instanceof ConnectException) {
            return new SerialLinkException(Reason.NO_SUCH_PORT, "nothing accepts connections at " + where
                    + " (is ser2net or the emulator running there?): " + e.getMessage(), e);
        }
        if (e instanceof SocketTimeoutException) {
            return new SerialLinkException(Reason.IO_ERROR,
                    "no answer from " + where + " within " + connectTimeout.toMillis() + " ms", e);
        }
        return new SerialLinkException(Reason.IO_ERROR, "cannot connect to " + where + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("Closing a socket that failed to connect failed", e);
        }
    }
}
