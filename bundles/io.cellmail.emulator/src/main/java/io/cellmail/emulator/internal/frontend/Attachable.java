/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import io.cellmail.emulator.EmulatorSession;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What a front end hands each host connection to; in practice {@code ModemEmulator::attach}. Keeps the front ends
 * free of how the modem is made, and lets their tests attach a stand-in.
 */
@FunctionalInterface
public interface Attachable {

    /**
     * @param fromHost the bytes the host sends
     * @param toHost where the modem's bytes go
     * @return the session that serves this connection until it is closed or replaced
     */
    EmulatorSession attach(InputStream fromHost, OutputStream toHost);
}
