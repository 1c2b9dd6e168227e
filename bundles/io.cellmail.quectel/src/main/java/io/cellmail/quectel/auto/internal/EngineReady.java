/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.errorprone.annotations.concurrent.GuardedBy;

import io.cellmail.at.AtChannel;
import io.cellmail.at.EngineState;
import io.cellmail.at.ModemListener;

/**
 * Waits, bounded, until an AT engine accepts commands, woken by its lifecycle events; {@link #release()} ends
 * every wait at once. The engine itself opens the port, synchronises with the module and, while the module stays
 * silent or the port is missing, tries again with its backoff: a module that is still booting is found when it
 * answers.
 */
final class EngineReady implements ModemListener {

    private final AtChannel channel;
    @GuardedBy("this")
    private boolean released;

    /** @param channel the engine to watch; this listener must be added to it */
    EngineReady(AtChannel channel) {
        this.channel = channel;
    }

    @Override
    public synchronized void onStateChanged(EngineState state) {
        notifyAll();
    }

    @Override
    public synchronized void onReady(long epoch) {
        notifyAll();
    }

    /** Ends every wait, now and later. */
    synchronized void release() {
        released = true;
        notifyAll();
    }

    /**
     * @param within how long to wait at most
     * @return true once the engine accepts commands; false when the time passed or the wait was released
     * @throws InterruptedException if the thread is interrupted
     */
    synchronized boolean await(Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!released && !ready(channel.state())) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return !released;
    }

    /**
     * Pauses between two identifications; {@link #release()} ends it.
     *
     * @param pause how long
     * @throws InterruptedException if the thread is interrupted
     */
    synchronized void pause(Duration pause) throws InterruptedException {
        long end = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); !released && left > 0; left = end - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** @return true once released */
    synchronized boolean released() {
        return released;
    }

    private static boolean ready(EngineState state) {
        // a resynchronisation ends by itself within the same epoch
        return state == EngineState.READY || state == EngineState.RESYNCING;
    }
}
