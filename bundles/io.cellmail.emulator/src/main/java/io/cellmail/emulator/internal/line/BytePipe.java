/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A bounded one-way byte channel between two threads, used instead of the JDK's piped streams (which break when
 * the writing thread ends). A write of up to the free space lands at once, so a host's single write of
 * {@code abc+++def} reaches the modem as one chunk. Closing the sink ends the stream for the reader once it is
 * drained; closing the source makes every further write fail. Blocked calls wake up on close and on interrupt.
 */
public final class BytePipe {

    private final byte[] buffer;
    private int head;
    private int count;
    private boolean sinkClosed;
    private boolean sourceClosed;
    private final InputStream source = new Source();
    private final OutputStream sink = new Sink();

    public BytePipe(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        buffer = new byte[capacity];
    }

    /** @return the reading end */
    public InputStream source() {
        return source;
    }

    /** @return the writing end */
    public OutputStream sink() {
        return sink;
    }

    /** Closes both ends. */
    public synchronized void close() {
        sinkClosed = true;
        sourceClosed = true;
        notifyAll();
    }

    private synchronized void write(byte[] b, int off, int len) throws IOException {
        int written = 0;
        while (written < len) {
            while (count == buffer.length && !sourceClosed && !sinkClosed) {
                await();
            }
            if (sourceClosed || sinkClosed) {
                throw new IOException("pipe closed");
            }
            int chunk = Math.min(len - written, buffer.length - count);
            for (int i = 0; i < chunk; i++) {
                buffer[(head + count + i) % buffer.length] = b[off + written + i];
            }
            count += chunk;
            written += chunk;
            notifyAll();
        }
    }

    private synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (count == 0 && !sinkClosed && !sourceClosed) {
            await();
        }
        if (sourceClosed || count == 0) {
            return -1;
        }
        int chunk = Math.min(len, count);
        for (int i = 0; i < chunk; i++) {
            b[off + i] = buffer[(head + i) % buffer.length];
        }
        head = (head + chunk) % buffer.length;
        count -= chunk;
        notifyAll();
        return chunk;
    }

    // One wait; both callers call it in a loop over their condition.
    @SuppressWarnings("WaitNotInLoop")
    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private synchronized int available() {
        return sourceClosed ? 0 : count;
    }

    private synchronized void closeSink() {
        sinkClosed = true;
        notifyAll();
    }

    private synchronized void closeSource() {
        sourceClosed = true;
        notifyAll();
    }

    private final class Source extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return BytePipe.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            return BytePipe.this.read(b, off, len);
        }

        @Override
        public int available() {
            return BytePipe.this.available();
        }

        @Override
        public void close() {
            closeSource();
        }
    }

    private final class Sink extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            BytePipe.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            BytePipe.this.write(b, off, len);
        }

        @Override
        public void close() {
            closeSink();
        }
    }
}
