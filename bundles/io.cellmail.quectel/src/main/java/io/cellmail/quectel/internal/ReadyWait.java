/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.google.errorprone.annotations.concurrent.GuardedBy;

import io.cellmail.at.AtChannel;
import io.cellmail.at.EngineState;
import io.cellmail.at.ModemListener;

/**
 * Waits, bounded, until the AT engine is ready for commands, woken by its lifecycle events. Commands sent before
 * would wait in the engine's queue with no bound but the caller's; waiting here first lets a send tell "the modem
 * is not there" from "the modem did not answer". The {@code auto} dialect's short-lived identification engine waits
 * with it too, and pauses between two identifications.
 */
public final class ReadyWait implements ModemListener {

    private final AtChannel channel;
    @GuardedBy("this")
    private boolean released;

    /** @param channel the engine to watch; this listener must be added to it */
    public ReadyWait(AtChannel channel) {
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

    /** Ends every wait now and later, pauses included: the mailer is closing. */
    public synchronized void release() {
        released = true;
        notifyAll();
    }

    /**
     * @param deadline how long to wait at most
     * @param minimumEpoch the first epoch that counts: after the modem rebooted or the link broke, the engine
     *     may still look ready in the old epoch for a moment (it fails the running command before it changes its
     *     state), and work started then would be pinned to a forgotten setup
     * @return true once the engine accepts commands in that epoch or a later one; false if the deadline passed
     *     or the wait was released
     * @throws InterruptedException if the waiting thread is interrupted
     */
    synchronized boolean await(Deadline deadline, long minimumEpoch) throws InterruptedException {
        while (!released && !(isReady(channel.state()) && channel.epoch() >= minimumEpoch)) {
            long nanos = deadline.remainingNanos();
            if (nanos <= 0) {
                return false;
            }
            wait(Math.max(1, nanos / 1_000_000));
        }
        return !released;
    }

    /**
     * @param within how long to wait at most
     * @return true once the engine accepts commands, in any epoch; false if the time passed or the wait was released
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(Duration within) throws InterruptedException {
        return await(Deadline.after(within), 0);
    }

    /**
     * Pauses, e.g. between two identifications; {@link #release()} ends it.
     *
     * @param pause how long
     * @throws InterruptedException if the thread is interrupted
     */
    public synchronized void pause(Duration pause) throws InterruptedException {
        long end = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); !released && left > 0; left = end - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** @return true once released */
    public synchronized boolean released() {
        return released;
    }

    /**
     * @param state an engine state
     * @return true if commands are sent in it (a resynchronisation ends by itself within the same epoch)
     */
    static boolean isReady(EngineState state) {
        return state == EngineState.READY || state == EngineState.RESYNCING;
    }
}
