/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.serial.SerialLink;

/**
 * One opened link, the reader thread that owns its input, the {@link LinkWriter} that owns its output, and what
 * the engine knows of its {@link LinkTiming timing}. The reader hands every chunk it reads, and the loss of the
 * link, to the engine; it never interprets bytes. After each chunk it performs the write the engine may have
 * {@link #reserve reserved} for it while handling that chunk (the next command, usually). Closing the session closes
 * the link, which unblocks the reader and a write in progress, stops the writer without waiting for it, and waits
 * (bounded) for the reader to end.
 */
final class LinkSession {

    private static final Logger LOG = LoggerFactory.getLogger(LinkSession.class);
    private static final long READER_JOIN_MILLIS = 2000;
    /** The most chunks whose news the reader holds back while input keeps coming. */
    private static final int MAX_CHUNKS_HELD = 16;

    /** Receives what the reader and the writer see; implementations never wait for the engine. */
    interface Listener {
        /** @param arrivalNanos when the chunk was read ({@link System#nanoTime()}) */
        void bytes(LinkSession session, byte[] chunk, long arrivalNanos);

        void lost(LinkSession session, String reason);

        /** A write finished; see {@link LinkWriter.Listener#written}. */
        void written(LinkSession session, LinkWriter.Write write, long startNanos, long endNanos);

        /** A write failed; see {@link LinkWriter.Listener#failed}. */
        void writeFailed(LinkSession session, LinkWriter.Write write, String reason);
    }

    private final SerialLink link;
    private final Listener listener;
    private final Thread reader;
    private final LinkWriter writer;
    private final LinkTiming timing;
    private final Notifier news;
    private volatile boolean closing;

    /**
     * @param link the opened link
     * @param engineName the engine's name, for the thread names
     * @param writeGraceNanos what a write may take beyond its budgeted line time
     * @param knownJitterNanos how much the link's delay varies, if the settings say; -1 to measure it
     * @param listener receives what the reader and the writer see
     * @param news where the engine tells callers and listeners what it decided; what it decides while the reader
     *     handles a chunk is held back while more input waits (see {@link #readLoop()})
     */
    LinkSession(SerialLink link, String engineName, long writeGraceNanos, long knownJitterNanos, Listener listener,
            Notifier news) {
        this.link = link;
        this.listener = listener;
        this.news = news;
        this.reader = new Thread(this::readLoop, "cellmail-at-reader-" + engineName);
        this.reader.setDaemon(true);
        this.writer = new LinkWriter(link.output(), link.uri().toString(), "cellmail-at-writer-" + engineName,
                new LinkWriter.Listener() {
                    @Override
                    public void written(LinkWriter.Write write, long startNanos, long endNanos) {
                        listener.written(LinkSession.this, write, startNanos, endNanos);
                    }

                    @Override
                    public void failed(LinkWriter.Write write, String reason) {
                        // a write ended by closing the link is no loss (see reportLoss)
                        if (!closing) {
                            listener.writeFailed(LinkSession.this, write, reason);
                        }
                    }
                });
        this.timing = new LinkTiming(link.settings().bytesPerSecond(), writeGraceNanos, knownJitterNanos,
                System.nanoTime());
    }

    SerialLink link() {
        return link;
    }

    /** @return the link's timing; engine thread only */
    LinkTiming timing() {
        return timing;
    }

    void start() {
        reader.start();
        writer.start();
        link.lost().thenAccept(loss -> reportLoss(loss.reason()));
    }

    /**
     * Hands a write to the writer thread; never blocks. Its end is reported to the listener.
     *
     * @param write the write
     */
    void write(LinkWriter.Write write) {
        writer.submit(write);
    }

    /**
     * Leaves a write to the reader thread, which performs it once it has let go of the engine's turn; its end is
     * reported to the listener. Only on the reader thread (see {@link #isReaderThread()}) and when every write
     * handed over before has been written ({@link #writesDoneSoon()}), whether or not its end was reported yet.
     *
     * @param write the write
     */
    void reserve(LinkWriter.Write write) {
        writer.reserve(write);
    }

    /**
     * Waits, by spinning, up to {@link EngineLoop#SPIN_NANOS} for the writer thread to return from every write
     * handed to it; in the engine's turn, on the reader, which has already read the reply to the last of them.
     *
     * @return true if every write made so far has been written, reported or not
     */
    boolean writesDoneSoon() {
        return writer.idle() || EngineLoop.spinUntil(writer::idle);
    }

    /** @return true on this session's reader thread */
    boolean isReaderThread() {
        return Thread.currentThread() == reader;
    }

    /** @return true while the writer thread runs; a write stuck in a native call keeps it alive after close */
    boolean writerAlive() {
        return writer.isAlive();
    }

    /** Closes the link without waiting; safe from any thread. */
    void closeLink() {
        closing = true;
        try {
            link.close();
        } catch (RuntimeException e) {
            LOG.debug("closing {} failed", link.uri(), e);
        }
    }

    /** Closes the link, stops the writer and waits (bounded) for the reader thread to end. */
    void close() {
        closeLink();
        writer.stop();
        if (Thread.currentThread() == reader) {
            return;
        }
        try {
            reader.join(READER_JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            LOG.warn("reader of {} did not end after the link was closed; interrupting it", link.uri());
            reader.interrupt();
        }
    }

    /**
     * Reads until the link is closed or lost. What the engine decides while the reader handles a chunk (a caller's
     * result, a URC) goes to the notification thread once the reader is about to wait for input (nothing is
     * waiting to be read) or has handled {@link #MAX_CHUNKS_HELD} chunks: replies that arrive back to back wake
     * that thread once, not once each. Another thread's news sends it on at once, in order.
     */
    private void readLoop() {
        byte[] buffer = new byte[2048];
        news.holdBack();
        int chunksHeld = 0;
        try {
            InputStream in = link.input();
            while (!closing) {
                // the link is asked only when something is held: available() is a system call on a serial port
                if (!news.hasNews()) {
                    chunksHeld = 0;
                } else if (chunksHeld >= MAX_CHUNKS_HELD || nothingWaiting(in)) {
                    news.release();
                    chunksHeld = 0;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    reportLoss("end of stream");
                    return;
                }
                if (n > 0) {
                    listener.bytes(this, Arrays.copyOf(buffer, n), System.nanoTime());
                    writer.writeReserved();
                    chunksHeld++;
                }
            }
        } catch (IOException e) {
            reportLoss("read failed: " + e.getMessage());
        } catch (RejectedExecutionException e) {
            LOG.debug("engine stopped; reader of {} ends", link.uri());
        } finally {
            news.release();
        }
    }

    private static boolean nothingWaiting(InputStream in) {
        try {
            return in.available() <= 0;
        } catch (IOException e) {
            return true;
        }
    }

    private void reportLoss(String reason) {
        if (closing) {
            return;
        }
        try {
            listener.lost(this, reason);
        } catch (RejectedExecutionException e) {
            LOG.debug("engine stopped; loss of {} not reported", link.uri());
        }
    }
}
