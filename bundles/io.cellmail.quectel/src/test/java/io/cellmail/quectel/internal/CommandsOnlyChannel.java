/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.at.AtChannel;
import io.cellmail.at.AtCounters;
import io.cellmail.at.EngineState;
import io.cellmail.at.ModemListener;
import io.cellmail.at.Transcript;
import io.cellmail.at.UrcListener;

/**
 * The base of a unit test's scripted AT channel, which answers {@link #send} and {@link #upload} only: the engine
 * is ready in epoch 1, and whatever else a driver asks of it (listeners, counters, transcript, a reset) fails the
 * test, since the class under test should not need it.
 */
public abstract class CommandsOnlyChannel implements AtChannel {

    @Override
    public void modemReset(String reason) {
        throw notScripted();
    }

    @Override
    public void addUrcListener(UrcListener listener) {
        throw notScripted();
    }

    @Override
    public void removeUrcListener(UrcListener listener) {
        throw notScripted();
    }

    @Override
    public void addModemListener(ModemListener listener) {
        throw notScripted();
    }

    @Override
    public void removeModemListener(ModemListener listener) {
        throw notScripted();
    }

    @Override
    public EngineState state() {
        return EngineState.READY;
    }

    @Override
    public long epoch() {
        return 1;
    }

    @Override
    public AtCounters counters() {
        throw notScripted();
    }

    @Override
    public Transcript transcript() {
        throw notScripted();
    }

    private static UnsupportedOperationException notScripted() {
        return new UnsupportedOperationException("a scripted channel answers commands and uploads only");
    }
}
