/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;

/**
 * A {@link SerialLink} that shows every byte crossing it to a {@link Tap}: what the benchmarks count and time.
 * The bytes pass through unchanged; the tap runs on the reading or writing thread, so it must be quick.
 */
public final class TappedLink implements SerialLink {

    /** Sees the bytes of a link; called on the thread that moved them. */
    public interface Tap {
        /**
         * @param bytes the buffer
         * @param offset where the received bytes start
         * @param length how many arrived
         */
        void received(byte[] bytes, int offset, int length);

        /**
         * @param bytes the buffer
         * @param offset where the sent bytes start
         * @param length how many were written
         */
        void sent(byte[] bytes, int offset, int length);
    }

    private final SerialLink link;
    private final InputStream input;
    private final OutputStream output;

    /**
     * @param link the link to watch
     * @param tap what sees its bytes
     */
    public TappedLink(SerialLink link, Tap tap) {
        this.link = Objects.requireNonNull(link, "link");
        Objects.requireNonNull(tap, "tap");
        this.input = new FilterInputStream(link.input()) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    tap.received(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    tap.received(buffer, offset, n);
                }
                return n;
            }
        };
        this.output = new FilterOutputStream(link.output()) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                tap.sent(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                tap.sent(buffer, offset, length);
            }
        };
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
        return output;
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
