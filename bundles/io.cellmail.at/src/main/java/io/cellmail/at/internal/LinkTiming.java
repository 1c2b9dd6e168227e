/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

/**
 * What the engine knows about the timing of one open link: when the line will really be free of what was written,
 * how long a write may take before the link counts as stuck, and how long a round trip to the modem takes. One per
 * link session, on the engine thread only; all times are {@link System#nanoTime()} values.
 *
 * <p><b>Line free.</b> Each write occupies the line for its bytes at the link's rate, from when it started or from
 * when the line was free of the previous write, whichever is later. A blocking write (a UART that drains before it
 * returns) usually returns when that time has passed, and a buffered one (TCP, the in-JVM emulator) long before;
 * either way the engine waits only for what is left of it, so the line time is never waited twice.
 *
 * <p><b>Round trip.</b> The time from the end of writing one of the engine's own short commands ({@code AT} probes,
 * the initialisation, the idle check) to the arrival of its final result: the link's latency plus the module's
 * turnaround. Kept like TCP keeps its retransmission timer (RFC 6298): a smoothed mean and mean deviation, and an
 * allowance of mean + 4 deviations, which the engine adds to every deadline of a reply. On a local UART the
 * allowance is a few milliseconds; on a serial bridge over a network it is what the network really costs,
 * whatever baud rate the link URI claims. The guard times around {@code +++} get only the variation
 * ({@link #jitterNanos()}): a constant delay moves both sides of the gap.
 */
final class LinkTiming {

    /** A write may take this many times its line time (flow control pauses a busy module) plus the grace. */
    static final int WRITE_BUDGET_FACTOR = 2;

    private final double bytesPerSecond;
    private final long writeGraceNanos;
    // the variation the settings give, or -1 to measure it
    private final long knownJitterNanos;
    private long lineFreeNanos;
    private long writeDeadlineNanos;
    private long smoothedRoundTripNanos = -1;
    private long roundTripDeviationNanos;
    private int roundTrips;

    /**
     * @param bytesPerSecond the link's line rate in bytes per second; zero or less for a link without one
     * @param writeGraceNanos what a write may take beyond its budgeted line time
     * @param knownJitterNanos how much the link's delay varies, if known; -1 to measure it
     * @param nowNanos the time the link was opened
     */
    LinkTiming(double bytesPerSecond, long writeGraceNanos, long knownJitterNanos, long nowNanos) {
        this.bytesPerSecond = bytesPerSecond;
        this.writeGraceNanos = writeGraceNanos;
        this.knownJitterNanos = knownJitterNanos;
        this.lineFreeNanos = nowNanos;
        this.writeDeadlineNanos = nowNanos;
    }

    /** @return how long the line needs to transmit this many bytes at the link's rate */
    long lineNanos(int bytes) {
        return bytesPerSecond <= 0 ? 0 : (long) (bytes / bytesPerSecond * 1_000_000_000L);
    }

    /**
     * A write was handed to the writer thread. Until it is reported done, the line is expected busy as if it
     * started now (or when the line is free of earlier writes), and its deadline follows those of earlier writes.
     *
     * @param bytes its size
     * @param nowNanos now
     * @return the time by which it must have finished, or the link is stuck
     */
    long handedOver(int bytes, long nowNanos) {
        lineFreeNanos = Math.max(lineFreeNanos, nowNanos) + lineNanos(bytes);
        writeDeadlineNanos = Math.max(writeDeadlineNanos, nowNanos) + WRITE_BUDGET_FACTOR * lineNanos(bytes)
                + writeGraceNanos;
        return writeDeadlineNanos;
    }

    /**
     * A write finished: the line is busy until its bytes have gone out from when it really started.
     *
     * @param bytes its size
     * @param startNanos when the writer thread began it
     */
    void written(int bytes, long startNanos) {
        lineFreeNanos = Math.max(lineFreeNanos, startNanos + lineNanos(bytes));
    }

    /** @return when the line will be free of everything written so far */
    long lineFreeNanos() {
        return lineFreeNanos;
    }

    /**
     * @param nowNanos now
     * @return how much of the line time of what was written is still to come; 0 when the line is free
     */
    long busyNanos(long nowNanos) {
        return Math.max(0, lineFreeNanos - nowNanos);
    }

    /**
     * A round trip was measured.
     *
     * @param nanos from the end of the command's write to the arrival of its final result
     */
    void roundTrip(long nanos) {
        long sample = Math.max(0, nanos);
        if (smoothedRoundTripNanos < 0) {
            smoothedRoundTripNanos = sample;
            roundTripDeviationNanos = sample / 2;
        } else {
            roundTripDeviationNanos = (3 * roundTripDeviationNanos + Math.abs(smoothedRoundTripNanos - sample)) / 4;
            smoothedRoundTripNanos = (7 * smoothedRoundTripNanos + sample) / 8;
        }
        roundTrips++;
    }

    /** @return the number of round trips measured on this link */
    int roundTrips() {
        return roundTrips;
    }

    /** @return the smoothed round trip, 0 before the first measurement */
    long smoothedRoundTripNanos() {
        return Math.max(0, smoothedRoundTripNanos);
    }

    /**
     * @return how much the round trip varies: the known variation if the settings give one, else four mean
     *     deviations, 0 before the first measurement. The guard times around {@code +++} get this, not the whole
     *     round trip: a constant delay shifts the end of the payload and the {@code +++} alike, so the modem sees the
     *     gap the host made; only a delay that varies can shrink it.
     */
    long jitterNanos() {
        if (knownJitterNanos >= 0) {
            return knownJitterNanos;
        }
        return smoothedRoundTripNanos < 0 ? 0 : 4 * roundTripDeviationNanos;
    }

    /**
     * @return what the link itself may add to any wait for the modem: smoothed round trip plus its variation
     *     ({@link #jitterNanos()}); 0 before the first measurement
     */
    long allowanceNanos() {
        return smoothedRoundTripNanos < 0 ? 0 : smoothedRoundTripNanos + jitterNanos();
    }
}
