package io.cellmail.quectel.internal;

import io.cellmail.at.AtChannel;
import io.cellmail.at.ModemListener;
import io.cellmail.at.ModemState;

/**
 * Waits, bounded, until the AT engine is ready for commands, woken by its lifecycle events. Commands sent before
 * would wait in the engine's queue with no bound but the caller's; waiting here first lets a send tell "the modem
 * is not there" from "the modem did not answer".
 */
final class ReadyWait implements ModemListener {

    private final AtChannel channel;
    private boolean released;

    /** @param channel the engine to watch */
    ReadyWait(AtChannel channel) {
        this.channel = channel;
    }

    @Override
    public synchronized void onStateChanged(ModemState state) {
        notifyAll();
    }

    /** Ends every wait now and later: the mailer is closing. */
    synchronized void release() {
        released = true;
        notifyAll();
    }

    /**
     * @param deadline how long to wait at most
     * @return true once the engine accepts commands; false if the deadline passed or the wait was released
     * @throws InterruptedException if the waiting thread is interrupted
     */
    synchronized boolean await(Deadline deadline) throws InterruptedException {
        while (!released && !isReady(channel.state())) {
            long millis = Math.max(1, deadline.remainingNanos() / 1_000_000);
            if (deadline.remainingNanos() <= 0) {
                return false;
            }
            wait(millis);
        }
        return !released;
    }

    /**
     * @param state an engine state
     * @return true if commands are sent in it (a resynchronisation ends by itself within the same epoch)
     */
    static boolean isReady(ModemState state) {
        return state == ModemState.READY || state == ModemState.RESYNCING;
    }
}
