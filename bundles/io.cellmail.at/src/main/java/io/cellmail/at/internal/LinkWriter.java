package io.cellmail.at.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer thread of one link session. The engine hands it writes and goes on; the thread writes them in order,
 * each in one {@code write} and a flush, and reports when each started and ended, or that one failed. A write that
 * blocks (RTS/CTS held by a module asleep or in reset, where jSerialComm waits for the line without limit; a TCP
 * peer that stopped reading) therefore blocks only this thread: the engine keeps its timers and declares the link
 * lost when the write's deadline passes.
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
        ScheduledFuture<?> deadline;
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

    /** Queues a write; never blocks. */
    void submit(Write write) {
        queue.add(write);
    }

    /**
     * Stops taking writes and ends the thread once it is not inside one. Call after closing the link, which ends a
     * write in progress; never waits.
     */
    void stop() {
        stopping = true;
        queue.clear();
        // ends a wait for the next write; a write in a native call does not notice
        thread.interrupt();
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
                long start = System.nanoTime();
                out.write(write.bytes);
                out.flush();
                long end = System.nanoTime();
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
}
