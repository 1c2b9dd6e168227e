/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import java.util.function.LongSupplier;

/**
 * Paces bytes to a serial line rate (bytes per second = baud / 10). Work is done in chunks of about 10 ms of line
 * time, so a slow line still delivers a continuous stream rather than bursts with gaps that could look like the
 * guard silence of a {@code +++} escape.
 */
public final class LineRate {

    /** Sleeps for a number of nanoseconds; a seam for tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int bytesPerSecond;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private long lineFreeAt;

    /**
     * @param bytesPerSecond 0 for an unlimited line
     * @param nanoClock monotonic time in nanoseconds
     * @param sleeper how to wait
     */
    public LineRate(int bytesPerSecond, LongSupplier nanoClock, Sleeper sleeper) {
        this.bytesPerSecond = bytesPerSecond;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** @return an unlimited line */
    public static LineRate unlimited() {
        return new LineRate(0, System::nanoTime, nanos -> { });
    }

    /** @return true if no pacing happens */
    public boolean isUnlimited() {
        return bytesPerSecond == 0;
    }

    /** @return how many bytes to move at a time: about 10 ms of line time, at least one byte */
    public int chunkSize() {
        return isUnlimited() ? 4096 : Math.max(1, bytesPerSecond / 100);
    }

    /**
     * Waits until {@code bytes} more bytes have had time to cross the line, counted from now or from when the line
     * became free of the bytes before them, whichever is later.
     *
     * @param bytes bytes just moved
     * @throws InterruptedException if interrupted while waiting
     */
    public void pace(int bytes) throws InterruptedException {
        pace(bytes, false);
    }

    /**
     * Waits until {@code bytes} more bytes have had time to cross the line. Bytes that were already waiting while
     * the line still carried the ones before them ({@code queued}) follow those back to back, as from a UART's FIFO:
     * their line time starts when the line became free, not when this thread got round to them. Counted from the
     * later of the two instead, every late wake-up of the pacing thread (a sleep overshoots by tens of microseconds
     * on an idle machine, by milliseconds on a loaded one) would stretch the line: a 10 KB upload in chunks of
     * 10 ms took up to 70 ms more than its line time at 115 200 baud.
     *
     * @param bytes bytes just moved
     * @param queued true if they were waiting before the line became free of the bytes before them
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized void pace(int bytes, boolean queued) throws InterruptedException {
        if (isUnlimited()) {
            return;
        }
        long now = nanoClock.getAsLong();
        lineFreeAt = (queued ? lineFreeAt : Math.max(lineFreeAt, now)) + bytes * NANOS_PER_SECOND / bytesPerSecond;
        long wait = lineFreeAt - now;
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }
}
