/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;

/**
 * A link that tells a test how far the engine's reader got: how many bytes it took, and how many it had taken when
 * it last came back for more. Once the reader comes back after byte {@code n}, bytes up to {@code n} have been
 * handed to the engine thread, ahead of any command a test submits afterwards: the way to make "noise that arrived
 * before the command" deterministic.
 */
final class ReaderProgressLink implements SerialLink {

    private final SerialLink link;
    private final AtomicLong taken = new AtomicLong();
    private volatile long takenWhenReaderCameBack;
    private final InputStream input;

    ReaderProgressLink(SerialLink link) {
        this.link = link;
        this.input = new FilterInputStream(link.input()) {
            @Override
            public int read() throws IOException {
                takenWhenReaderCameBack = taken.get();
                int b = super.read();
                if (b >= 0) {
                    taken.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                takenWhenReaderCameBack = taken.get();
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    taken.addAndGet(n);
                }
                return n;
            }
        };
    }

    /** @return bytes the reader took so far */
    long taken() {
        return taken.get();
    }

    /** @return true once the reader came back for more after taking at least {@code count} bytes */
    boolean readerHandedOver(long count) {
        return takenWhenReaderCameBack >= count;
    }

    @Override
    public URI uri() {
        return link.uri();
    }

    @Override
    public PortSettings settings() {
        return link.settings();
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return link.output();
    }

    @Override
    public boolean isOpen() {
        return link.isOpen();
    }

    @Override
    public CompletionStage<LinkLost> lost() {
        return link.lost();
    }

    @Override
    public void close() {
        link.close();
    }
}
