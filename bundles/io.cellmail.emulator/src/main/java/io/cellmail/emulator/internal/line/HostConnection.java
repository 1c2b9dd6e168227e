/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import java.io.OutputStream;

/** What a session talks to: the modem, which receives the host's bytes and writes to the host's stream. */
public interface HostConnection {

    /**
     * A host connected; from now on the modem writes to {@code toHost}.
     *
     * @param hangUp closes the session, for a modem that cuts the connection
     */
    void connected(OutputStream toHost, Runnable hangUp);

    /**
     * Bytes from the host.
     *
     * @param bytes the bytes, owned by the callee from now on
     * @param arrivalNanos when the last of them arrived, on the modem's clock
     */
    void received(byte[] bytes, long arrivalNanos);

    /**
     * Returns when the modem takes bytes from the line again; at once unless it stalls its input (CTS off).
     *
     * @return true if a stall held the bytes back
     * @throws InterruptedException if interrupted while waiting
     */
    boolean awaitClearToSend() throws InterruptedException;

    /** The host connection writing to {@code toHost} is gone. */
    void disconnected(OutputStream toHost);
}
