/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.EmulatorSession;

/**
 * One host connection: a thread reads the host's bytes at the line rate, stamps their arrival and hands them to
 * the modem. Ends when the host closes its stream, on an I/O error, or on {@link #close()}.
 */
public final class SessionRunner implements EmulatorSession {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final HostConnection modem;
    private final InputStream fromHost;
    private final OutputStream toHost;
    private final LineRate inputRate;
    private final LongSupplier nanoClock;
    private final Thread thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch ended = new CountDownLatch(1);
    /** Session thread only. */
    private boolean canTellWaiting = true;

    public SessionRunner(HostConnection modem, InputStream fromHost, OutputStream toHost, LineRate inputRate,
            LongSupplier nanoClock) {
        this.modem = Objects.requireNonNull(modem, "modem");
        this.fromHost = Objects.requireNonNull(fromHost, "fromHost");
        this.toHost = Objects.requireNonNull(toHost, "toHost");
        this.inputRate = Objects.requireNonNull(inputRate, "inputRate");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.thread = new Thread(this::run, "cellmail-emulator-session-" + NUMBER.incrementAndGet());
        thread.setDaemon(true);
    }

    /** Connects to the modem and starts reading. */
    public void start() {
        modem.connected(toHost, this::close);
        thread.start();
        LOG.debug("session {} started", thread.getName());
    }

    private void run() {
        byte[] buffer = new byte[inputRate.chunkSize()];
        try {
            int n;
            // whether the bytes of the next read were already waiting before the line was free of these
            boolean queued = false;
            while ((n = fromHost.read(buffer, 0, buffer.length)) >= 0) {
                if (n > 0) {
                    // Bytes read while the modem stalls its input wait here, as in a UART FIFO nobody empties.
                    boolean held = modem.awaitClearToSend();
                    boolean backToBack = queued && !held;
                    queued = moreWaiting();
                    inputRate.pace(n, backToBack);
                    modem.received(Arrays.copyOf(buffer, n), nanoClock.getAsLong());
                }
            }
        } catch (IOException e) {
            LOG.debug("session {} lost its host: {}", thread.getName(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
            ended.countDown();
            LOG.debug("session {} ended", thread.getName());
        }
    }

    /**
     * @return true if more of the host's bytes are waiting already; false if not, or if the stream cannot tell (a
     *     pseudo-terminal's channel fails to: it cannot seek), and then it is not asked again
     */
    private boolean moreWaiting() {
        if (!canTellWaiting) {
            return false;
        }
        try {
            return fromHost.available() > 0;
        } catch (IOException e) {
            LOG.debug("session {} cannot see waiting bytes ({}); their line time starts when they are read",
                    thread.getName(), e.toString());
            canTellWaiting = false;
            return false;
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeQuietly(fromHost);
            closeQuietly(toHost);
            modem.disconnected(toHost);
        }
    }

    @Override
    public boolean isRunning() {
        return ended.getCount() > 0 && thread.isAlive();
    }

    @Override
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            LOG.debug("closing a host stream failed: {}", e.toString());
        }
    }
}
