/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.cellmail.serial.LinkLost;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;

/**
 * The line between the engine and a modem, as a test wants it: every link the engine opens through
 * {@link #around(LinkOpener)} goes through it. The line can have a rate (reported in the link's settings), drain
 * like a UART (a write returns only after its bytes' line time), carry the host's bytes late (network latency) or
 * stop taking bytes altogether (CTS held low, a peer that stopped reading), optionally even ignoring a close. It
 * records when every write started and ended, and which thread made it.
 */
final class ControlledLine implements AutoCloseable {

    /** One write to the line, and the thread that made it. */
    // A record of one write for the assertions, which look at the bytes themselves.
    @SuppressWarnings("ArrayRecordComponent")
    record Write(long startNanos, long endNanos, byte[] bytes, String thread) {
        String text() {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private final ScheduledExecutorService carrier = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "controlled-line");
        t.setDaemon(true);
        return t;
    });
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private volatile PortSettings settings = PortSettings.DEFAULT;
    private volatile boolean drainsLikeAUart;
    private volatile Duration latency = Duration.ZERO;
    private boolean stalled;
    private boolean stallIgnoresClose;
    private int writersBlocked;

    /** @return an opener whose links go through this line */
    LinkOpener around(LinkOpener opener) {
        return () -> new Link(opener.open());
    }

    /** Reports these settings for every link (the engine takes its line rate from them). */
    ControlledLine settings(PortSettings value) {
        this.settings = value;
        return this;
    }

    /** A write returns only once its bytes have had their line time, as a UART's blocking write does. */
    ControlledLine drainingLikeAUart() {
        this.drainsLikeAUart = true;
        return this;
    }

    /** The modem receives the host's bytes this late; writes return at once. */
    ControlledLine latency(Duration value) {
        this.latency = value;
        return this;
    }

    /**
     * From now on a write blocks until {@link #release()}.
     *
     * @param ignoringClose false: closing the link ends a blocked write, as with a socket or a port; true: the write
     *     stays blocked even then, like a native call that never returns
     */
    synchronized void stall(boolean ignoringClose) {
        stalled = true;
        stallIgnoresClose = ignoringClose;
    }

    /** The line takes bytes again. */
    synchronized void release() {
        stalled = false;
        notifyAll();
    }

    /** @return how many writes are blocked in the line right now */
    synchronized int writersBlocked() {
        return writersBlocked;
    }

    /** @return every write that went through, in order */
    List<Write> writes() {
        return List.copyOf(writes);
    }

    @Override
    public void close() {
        release();
        carrier.shutdownNow();
    }

    private synchronized void awaitFlowing(Link link) throws IOException {
        writersBlocked++;
        boolean interrupted = false;
        try {
            while (stalled && (stallIgnoresClose || link.open)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    if (!stallIgnoresClose) {
                        throw new InterruptedIOException("interrupted in a stalled write");
                    }
                    // a native write does not notice an interrupt either
                    interrupted = true;
                }
            }
        } finally {
            writersBlocked--;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (!link.open) {
            throw new IOException("link closed during a stalled write");
        }
    }

    private synchronized void closed() {
        notifyAll();
    }

    private long lineNanos(int bytes) {
        return (long) (bytes / settings.bytesPerSecond() * 1_000_000_000L);
    }

    private final class Link implements SerialLink {
        private final SerialLink link;
        private volatile boolean open = true;
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                long start = System.nanoTime();
                byte[] bytes = Arrays.copyOfRange(buffer, offset, offset + length);
                awaitFlowing(Link.this);
                Duration delay = latency;
                if (delay.isZero()) {
                    link.output().write(bytes);
                } else {
                    var unused = carrier.schedule(() -> forward(bytes), delay.toNanos(), TimeUnit.NANOSECONDS);
                }
                if (drainsLikeAUart) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(start + lineNanos(length) - System.nanoTime());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while draining");
                    }
                }
                writes.add(new Write(start, System.nanoTime(), bytes, Thread.currentThread().getName()));
            }
        };

        Link(SerialLink link) {
            this.link = link;
        }

        private void forward(byte[] bytes) {
            try {
                link.output().write(bytes);
            } catch (IOException e) {
                // the link closed while the bytes were under way: they are lost, as on a real line
            }
        }

        @Override
        public URI uri() {
            return link.uri();
        }

        @Override
        public PortSettings settings() {
            return settings;
        }

        @Override
        public InputStream input() {
            return link.input();
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public boolean isOpen() {
            return open && link.isOpen();
        }

        @Override
        public CompletionStage<LinkLost> lost() {
            return link.lost();
        }

        @Override
        public void close() {
            open = false;
            closed();
            link.close();
        }
    }
}
