package io.cellmail.at.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.serial.SerialLink;

/**
 * One opened link and the reader thread that owns its input. The reader hands every chunk it reads, and the
 * loss of the link, to the engine; it never interprets bytes. Closing the session closes the link, which
 * unblocks the reader, and waits for the reader to end.
 */
final class LinkSession {

    private static final Logger LOG = LoggerFactory.getLogger(LinkSession.class);
    private static final long READER_JOIN_MILLIS = 2000;

    /** Receives what the reader sees; implementations hand it to the engine thread and return at once. */
    interface Listener {
        /** @param arrivalNanos when the chunk was read ({@link System#nanoTime()}) */
        void bytes(LinkSession session, byte[] chunk, long arrivalNanos);

        void lost(LinkSession session, String reason);
    }

    private final SerialLink link;
    private final Listener listener;
    private final Thread reader;
    private volatile boolean closing;

    LinkSession(SerialLink link, String readerName, Listener listener) {
        this.link = link;
        this.listener = listener;
        this.reader = new Thread(this::readLoop, readerName);
        this.reader.setDaemon(true);
    }

    SerialLink link() {
        return link;
    }

    void start() {
        reader.start();
        link.lost().thenAccept(loss -> reportLoss(loss.reason()));
    }

    /** Writes and flushes; the caller handles an {@code IOException} as a lost link. */
    void write(byte[] bytes) throws IOException {
        OutputStream out = link.output();
        out.write(bytes);
        out.flush();
    }

    /**
     * @param bytes bytes just written
     * @return how long the line needs to transmit them, from the link's settings
     */
    long drainNanos(int bytes) {
        double perSecond = link.settings().bytesPerSecond();
        return perSecond <= 0 ? 0 : (long) (bytes / perSecond * 1_000_000_000L);
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

    /** Closes the link and waits (bounded) for the reader thread to end. */
    void close() {
        closeLink();
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

    private void readLoop() {
        byte[] buffer = new byte[2048];
        try {
            InputStream in = link.input();
            while (!closing) {
                int n = in.read(buffer);
                if (n < 0) {
                    reportLoss("end of stream");
                    return;
                }
                if (n > 0) {
                    listener.bytes(this, Arrays.copyOf(buffer, n), System.nanoTime());
                }
            }
        } catch (IOException e) {
            reportLoss("read failed: " + e.getMessage());
        } catch (RejectedExecutionException e) {
            LOG.debug("engine stopped; reader of {} ends", link.uri());
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
