/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.OptionalInt;

import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.at.ModemListener;
import io.cellmail.service.spi.ModemHealth;

/**
 * The last known health of the modem, kept from the AT engine's lifecycle events and the last radio queries, so
 * that {@link #snapshot()} answers at once without talking to the modem. Thread-safe.
 */
final class HealthTracker implements ModemListener {

    private volatile io.cellmail.at.EngineState engineState = io.cellmail.at.EngineState.STARTING;
    private volatile boolean sending;
    private volatile boolean closed;
    private volatile Registration registration = Registration.UNKNOWN;
    private volatile OptionalInt signal = OptionalInt.empty();

    @Override
    public void onStateChanged(io.cellmail.at.EngineState state) {
        engineState = state;
    }

    /** @param value whether a send holds the modem now */
    void sending(boolean value) {
        sending = value;
    }

    /** @param status what the radio queries just said */
    void radio(RadioStatus status) {
        registration = status.registration();
        signal = status.signal();
    }

    /** The mailer was closed. */
    void closed() {
        closed = true;
    }

    /** @return the last known health */
    ModemHealth snapshot() {
        return new ModemHealth(state(), registration, signal);
    }

    private ModemState state() {
        if (closed) {
            return ModemState.STOPPED;
        }
        return switch (engineState) {
            case STARTING, SYNCING -> ModemState.STARTING;
            case READY, RESYNCING -> sending ? ModemState.SENDING : ModemState.READY;
            case REOPENING -> ModemState.UNAVAILABLE;
            case CLOSED -> ModemState.STOPPED;
        };
    }
}
