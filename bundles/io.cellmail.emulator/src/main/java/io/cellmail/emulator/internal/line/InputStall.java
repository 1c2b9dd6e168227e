/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The module's clear-to-send line as the host sees it: while a stall lasts, the module takes no bytes from the
 * line, so what the host writes waits in the line's buffers and a host that writes more than they hold blocks.
 * A stall armed while one lasts extends it to whichever ends later.
 */
public final class InputStall {

    private final LongSupplier nanoClock;
    private long stalledUntil;
    private boolean stalled;
    private boolean released;

    /** @param nanoClock monotonic time in nanoseconds */
    public InputStall(LongSupplier nanoClock) {
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** @param duration how long the module stops reading, from now */
    public synchronized void stallFor(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative stall");
        }
        long until = nanoClock.getAsLong() + duration.toNanos();
        stalledUntil = stalled ? Math.max(stalledUntil, until) : until;
        stalled = true;
        notifyAll();
    }

    /**
     * Returns when the module reads again: at once unless a stall lasts.
     *
     * @return true if a stall held the caller back
     * @throws InterruptedException if interrupted while waiting
     */
    public synchronized boolean awaitClearToSend() throws InterruptedException {
        boolean held = false;
        while (stalled && !released) {
            long left = stalledUntil - nanoClock.getAsLong();
            if (left <= 0) {
                stalled = false;
                return true;
            }
            held = true;
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return held;
    }

    /** Ends every stall for good: the module is switched off and nobody must wait for it. */
    public synchronized void release() {
        released = true;
        notifyAll();
    }
}
