/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

import io.cellmail.emulator.EmulatorSession;
import io.cellmail.emulator.HostSide;

/** The host's ends of two {@link BytePipe}s whose other ends a session of the emulator holds. */
public final class InMemoryHostSide implements HostSide {

    /** Room in each direction: a few seconds of a 115200 baud line. */
    public static final int CAPACITY = 64 * 1024;

    private final BytePipe toModem;
    private final BytePipe toHost;
    private final EmulatorSession session;

    /**
     * @param toModem the pipe the host writes into
     * @param toHost the pipe the host reads from
     * @param session the session holding the other ends
     */
    public InMemoryHostSide(BytePipe toModem, BytePipe toHost, EmulatorSession session) {
        this.toModem = Objects.requireNonNull(toModem, "toModem");
        this.toHost = Objects.requireNonNull(toHost, "toHost");
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public InputStream input() {
        return toHost.source();
    }

    @Override
    public OutputStream output() {
        return toModem.sink();
    }

    @Override
    public EmulatorSession session() {
        return session;
    }

    @Override
    public void close() {
        toModem.close();
        toHost.close();
        session.close();
    }
}
