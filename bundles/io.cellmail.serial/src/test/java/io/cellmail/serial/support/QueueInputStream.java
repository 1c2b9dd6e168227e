/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A test input that blocks until the test feeds it bytes, an end of stream or a failure; {@link #close()} breaks a
 * blocked read with an IOException, as closing a socket does.
 */
// A test stream fed a few bytes at a time: the byte-by-byte default of read(byte[], int, int) is fast enough.
@SuppressWarnings("InputStreamSlowMultibyteRead")
final class QueueInputStream extends InputStream {

    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final LinkedBlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    void feed(byte[] bytes) {
        for (byte b : bytes) {
            items.add(b & 0xFF);
        }
    }

    void feedEndOfStream() {
        items.add(END);
    }

    void feedFailure(IOException failure) {
        items.add(failure);
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public int read() throws IOException {
        Object item;
        try {
            item = items.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
        if (item == END) {
            return -1;
        }
        if (item == CLOSED) {
            items.add(CLOSED);
            throw new IOException("stream closed");
        }
        if (item instanceof IOException failure) {
            throw failure;
        }
        return (Integer) item;
    }

    @Override
    public int available() {
        return (int) items.stream().filter(Integer.class::isInstance).count();
    }

    @Override
    public void close() {
        closed = true;
        items.add(CLOSED);
    }
}
