/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.io.InputStream;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's end of an in-JVM connection made by {@link ModemEmulator#connect()}: what a serial port would give.
 * The streams are bounded in-memory channels safe to use from any threads (one reader, one writer at a time).
 */
@ProviderType
public interface HostSide extends AutoCloseable {

    /** @return the bytes the modem sends; end of stream once the connection is closed and drained */
    InputStream input();

    /** @return the bytes to the modem; writes fail with an {@code IOException} once the connection is closed */
    OutputStream output();

    /** @return the modem side of this connection */
    EmulatorSession session();

    /** Closes the connection (both directions) and ends the session; idempotent. */
    @Override
    void close();
}
