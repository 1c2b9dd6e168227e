/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes of one link session, in order, each in one {@code write} and a flush, with a report of when each
 * started and ended, or that one failed. A write that may block (RTS/CTS held by a module asleep or in reset, where
 * jSerialComm waits for the line without limit; a TCP peer that stopped reading) is {@link #submit handed} to the
 * writer thread, so it blocks only that thread: the engine keeps its timers and declares the link lost when the
 * write's deadline passes.
 *
 * <p>A write that cannot block for long (see {@link ModemLink}) is instead {@link #reserve reserved} for the reader
 * thread, which performs it as soon as it has let go of the engine's turn ({@link #writeReserved()}), and then reads
 * the reply itself: no thread wakes up for it. The two never write at once: a write is reserved only when the
 * writer thread has returned from every write handed to it ({@link #idle()}), and the writer thread waits while a
 * reserved write is under way.
 *
 * <p>The thread holds nothing the engine needs: no lock, only its queue and the link's output stream. Stopping it
 * closes nothing; the session closes the link, which ends a blocked write on every transport we know (a closed
 * socket or port fails the write). A write stuck in a native call that ignores the close cannot be ended from Java:
 * the thread then lives, named {@code cellmail-at-writer-<name>}, until the operating system returns from it, and
 * ends at once without touching the link again.
 */
final class LinkWriter {

    private static final Logger LOG = LoggerFactory.getLogger(LinkWriter.class);

    /** Receives the writer thread's reports; implementations hand them to the engine thread and return at once. */
    interface Listener {
        /**
         * @param write the write that finished
         * @param startNanos when the thread began it
         * @param endNanos when the write and its flush returned
         */
        void written(Write write, long startNanos, long endNanos);

        /**
         * @param write the write that failed; later writes are not attempted
         * @param reason the failure, safe to log
         */
        void failed(Write write, String reason);
    }

    /**
     * One write. Made on the engine thread; the writer thread reads only the bytes, everything else belongs to the
     * engine thread.
     */
    static final class Write {
        final byte[] bytes;
        final LongConsumer then;
        EngineLoop.Timer deadline;
        boolean finished;

        /**
         * @param bytes what to write
         * @param then what the engine does once the write finished, on the engine thread, given when it ended
         */
        Write(byte[] bytes, LongConsumer then) {
            this.bytes = bytes;
            this.then = then;
        }
    }

    private final OutputStream out;
    private final String description;
    private final Listener listener;
    private final Thread thread;
    private final LinkedBlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final AtomicReference<Write> reserved = new AtomicReference<>();
    private volatile boolean reservedUnderWay;
    // writes handed to the thread (in the engine's turn), and those it has finished writing (by the thread)
    private long submitted;
    private final AtomicLong writtenByThread = new AtomicLong();
    private volatile boolean writerWaiting;
    private volatile boolean stopping;

    /**
     * @param out the link's output
     * @param description the link, for log lines
     * @param threadName the thread's name
     * @param listener receives the reports
     */
    LinkWriter(OutputStream out, String description, String threadName, Listener listener) {
        this.out = out;
        this.description = description;
        this.listener = listener;
        this.thread = new Thread(this::writeLoop, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Queues a write for the writer thread; never blocks. */
    void submit(Write write) {
        submitted++;
        queue.add(write);
    }

    /**
     * @return true if every write handed over so far has left this object (the thread returned from it), even if its
     *     report has not been handled yet; in the engine's turn. A write reserved now then follows them in order.
     */
    boolean idle() {
        return writtenByThread.get() == submitted && !reservedUnderWay;
    }

    /**
     * Reserves a write for the reader thread, which is running the engine's turn that asks for it; only when this
     * writer is {@link #idle()}.
     */
    void reserve(Write write) {
        reservedUnderWay = true;
        reserved.set(write);
    }

    /**
     * Performs the reserved write, if any, on the calling thread (the reader's, outside the engine's turn), and the
     * writes its report may reserve in turn.
     */
    void writeReserved() {
        Write write;
        while ((write = reserved.getAndSet(null)) != null) {
            long start = System.nanoTime();
            String failure = null;
            if (stopping) {
                failure = "the link is closed";
            } else {
                try {
                    out.write(write.bytes);
                    out.flush();
                } catch (IOException e) {
                    failure = "write failed: " + e.getMessage();
                }
            }
            long end = System.nanoTime();
            reservedUnderWay = false;
            if (writerWaiting) {
                LockSupport.unpark(thread);
            }
            if (stopping) {
                return;
            }
            if (failure != null) {
                listener.failed(write, failure);
                return;
            }
            listener.written(write, start, end);
        }
    }

    /**
     * Stops taking writes and ends the thread once it is not inside one. Call after closing the link, which ends a
     * write in progress; never waits.
     */
    void stop() {
        stopping = true;
        queue.clear();
        reserved.set(null);
        // ends a wait for the next write; a write in a native call does not notice. The writer thread may be the
        // one stopping its session (in the engine's turn, reporting a write): it ends at its next check instead.
        if (Thread.currentThread() != thread) {
            thread.interrupt();
        }
    }

    /** @return true while the thread runs */
    boolean isAlive() {
        return thread.isAlive();
    }

    private void writeLoop() {
        Write write = null;
        try {
            while (!stopping) {
                write = queue.take();
                awaitReservedWrite();
                if (stopping) {
                    break;
                }
                long start = System.nanoTime();
                out.write(write.bytes);
                out.flush();
                long end = System.nanoTime();
                writtenByThread.incrementAndGet();
                if (stopping) {
                    return;
                }
                listener.written(write, start, end);
            }
        } catch (InterruptedException e) {
            // stopped while waiting for the next write
        } catch (IOException e) {
            if (!stopping) {
                listener.failed(write, "write failed: " + e.getMessage());
            }
        } catch (RejectedExecutionException e) {
            LOG.debug("engine stopped; writer of {} ends", description);
        }
        if (stopping) {
            LOG.debug("writer of {} ended", description);
        }
    }

    /** Waits while the reader thread performs a write reserved before the one this thread is about to begin. */
    private void awaitReservedWrite() throws InterruptedException {
        while (reservedUnderWay && !stopping) {
            writerWaiting = true;
            if (reservedUnderWay && !stopping) {
                LockSupport.park(this);
            }
            writerWaiting = false;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
