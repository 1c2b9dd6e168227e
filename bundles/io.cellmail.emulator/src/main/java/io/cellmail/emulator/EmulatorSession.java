/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One host connection to a {@link ModemEmulator}: a thread that reads the host's bytes and the modem's output to
 * the host. The modem's state outlives the session.
 */
@ProviderType
public interface EmulatorSession extends AutoCloseable {

    /**
     * Stops the session: closes both streams given to {@link ModemEmulator#attach} (which unblocks the reader
     * thread) and detaches the modem's output. Idempotent; does not wait for the thread, see
     * {@link #awaitClosed(Duration)}.
     */
    @Override
    void close();

    /** @return true while the session's reader thread runs */
    boolean isRunning();

    /**
     * Waits for the reader thread to end.
     *
     * @param timeout how long to wait at most
     * @return true if the thread has ended
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitClosed(Duration timeout) throws InterruptedException;
}
