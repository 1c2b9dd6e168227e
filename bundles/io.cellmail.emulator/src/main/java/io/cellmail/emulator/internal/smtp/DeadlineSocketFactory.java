/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.SocketFactory;

/**
 * Makes sockets that end the whole SMTP transaction at one deadline, as {@code AT+QSMTPPUT=<timeout>} bounds the
 * whole send: before every read the socket timeout shrinks to the time left, and a read or write after the
 * deadline fails with {@link SocketTimeoutException}. Per-operation timeouts alone would let a server that
 * answers slowly but steadily run on forever.
 *
 * <p>Angus Mail takes it through {@code mail.smtp.socketFactory}, asks for an unconnected socket and connects it
 * itself with the connection timeout.
 */
final class DeadlineSocketFactory extends SocketFactory {

    private final long deadlineNanos;

    /** @param budget the time the whole transaction may take, from now */
    DeadlineSocketFactory(Duration budget) {
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
    }

    @Override
    public Socket createSocket() {
        return new DeadlineSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw unconnectedOnly();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw unconnectedOnly();
    }

    private static IOException unconnectedOnly() {
        // Angus Mail only calls createSocket(); anything else would bypass its connection timeout.
        return new IOException("only unconnected sockets are made here");
    }

    /** @return milliseconds left, at least 1 */
    private int millisLeft() throws SocketTimeoutException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("SMTP send deadline passed");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Duration.ofNanos(left).toMillis()));
    }

    private final class DeadlineSocket extends Socket {

        private InputStream input;
        private OutputStream output;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new DeadlineInput(super.getInputStream());
            }
            return input;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new DeadlineOutput(super.getOutputStream());
            }
            return output;
        }

        private void shrinkTimeout() throws IOException {
            int left = millisLeft();
            if (getSoTimeout() == 0 || getSoTimeout() > left) {
                setSoTimeout(left);
            }
        }

        private final class DeadlineInput extends FilterInputStream {

            DeadlineInput(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                shrinkTimeout();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                shrinkTimeout();
                return super.read(b, off, len);
            }
        }

        private final class DeadlineOutput extends FilterOutputStream {

            DeadlineOutput(OutputStream out) {
                super(out);
            }

            @Override
            public void write(int b) throws IOException {
                millisLeft();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                millisLeft();
                out.write(b, off, len);
            }
        }
    }
}
