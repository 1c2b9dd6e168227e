/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.support;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;

/**
 * A {@link SerialLink} over an input/output stream pair and a release action, with the loss and close rules every
 * provider needs.
 *
 * <ul>
 * <li>End of stream or an {@link IOException} on the input while the caller has not closed the link completes
 * {@link #lost()} (the exception is still thrown to the reader). An {@link InterruptedIOException}, such as a
 * read timeout, is passed on without declaring a loss.</li>
 * <li>{@link #close()} runs the release action once, and {@link #lost()} never completes because of it. The
 * release action must unblock a reader blocked in the input (closing a socket or a port does); that reader then
 * sees end of stream, and every later read does too. Writes after close fail.</li>
 * <li>{@link #reportLost(String, Throwable)} lets the provider declare a loss it learns about on its own, e.g.
 * a device-disconnect event.</li>
 * </ul>
 * Closing {@link #input()} or {@link #output()} closes the link.
 */
public final class StreamSerialLink implements SerialLink {

    private static final Logger LOG = LoggerFactory.getLogger(StreamSerialLink.class);

    private final URI uri;
    private final PortSettings settings;
    private final InputStream input;
    private final OutputStream output;
    private final Closeable release;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CompletableFuture<LinkLost> lost = new CompletableFuture<>();
    // Handed out instead of the future itself so that no caller can complete it.
    private final CompletionStage<LinkLost> lostView = lost.minimalCompletionStage();

    /**
     * @param uri the URI the link was opened with
     * @param settings the settings the link was opened with
     * @param in the bytes from the modem; read only through {@link #input()}
     * @param out the bytes to the modem; written only through {@link #output()}
     * @param release closes the underlying socket, port or channel and so unblocks a blocked reader; run at most
     *     once, by the first {@link #close()}
     */
    public StreamSerialLink(URI uri, PortSettings settings, InputStream in, OutputStream out, Closeable release) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.input = new LinkInput(Objects.requireNonNull(in, "in"));
        this.output = new LinkOutput(Objects.requireNonNull(out, "out"));
        this.release = Objects.requireNonNull(release, "release");
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public PortSettings settings() {
        return settings;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public boolean isOpen() {
        return !closed.get() && !lost.isDone();
    }

    @Override
    public CompletionStage<LinkLost> lost() {
        return lostView;
    }

    /**
     * Declares the link lost, unless the caller already closed it or a loss was already declared.
     *
     * @param reason a short reason, safe to log
     * @param cause the failure that revealed the loss, or null
     * @return true if this call completed {@link #lost()}
     */
    public boolean reportLost(String reason, @Nullable Throwable cause) {
        Objects.requireNonNull(reason, "reason");
        if (closed.get()) {
            return false;
        }
        boolean first = lost.complete(new LinkLost(reason, cause));
        if (first) {
            LOG.debug("Link {} lost: {}", uri, reason);
        }
        return first;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("Closing link {}", uri);
        try {
            release.close();
        } catch (IOException | RuntimeException e) {
            // The caller wants the link gone; a failing release changes nothing it could act on.
            LOG.debug("Releasing link {} failed", uri, e);
        }
    }

    @Override
    public String toString() {
        return "StreamSerialLink[" + uri + (closed.get() ? ", closed" : lost.isDone() ? ", lost" : ", open") + "]";
    }

    private int endOfStream() {
        reportLost("end of stream", null);
        return -1;
    }

    private int readFailed(IOException e) throws IOException {
        if (closed.get()) {
            return -1; // the release action broke the read on purpose
        }
        if (!(e instanceof InterruptedIOException)) {
            reportLost("read failed: " + e.getMessage(), e);
        }
        throw e;
    }

    private final class LinkInput extends InputStream {

        private final InputStream in;

        LinkInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (closed.get()) {
                return -1;
            }
            try {
                int b = in.read();
                return b >= 0 ? b : closed.get() ? -1 : endOfStream();
            } catch (IOException e) {
                return readFailed(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (closed.get()) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            try {
                int n = in.read(buffer, offset, length);
                return n >= 0 ? n : closed.get() ? -1 : endOfStream();
            } catch (IOException e) {
                return readFailed(e);
            }
        }

        @Override
        public int available() throws IOException {
            return closed.get() ? 0 : in.available();
        }

        @Override
        public void close() {
            StreamSerialLink.this.close();
        }
    }

    private final class LinkOutput extends OutputStream {

        private final OutputStream out;

        LinkOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            ensureOpen();
            out.write(b);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            ensureOpen();
            out.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            ensureOpen();
            out.flush();
        }

        @Override
        public void close() {
            StreamSerialLink.this.close();
        }

        private void ensureOpen() throws IOException {
            if (closed.get()) {
                throw new IOException("link " + uri + " is closed");
            }
        }
    }
}
