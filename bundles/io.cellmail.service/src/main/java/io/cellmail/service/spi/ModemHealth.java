/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.util.Objects;
import java.util.OptionalInt;

import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;

/**
 * What a {@link ModemMailer} last knew about its modem.
 *
 * @param state how the modem is doing
 * @param registration the last known network registration
 * @param signal the last {@code AT+CSQ} rssi, 0 to 31, empty when unknown
 */
public record ModemHealth(ModemState state, Registration registration, OptionalInt signal) {

    /** Nothing known yet: the modem is being brought up. */
    public static final ModemHealth UNKNOWN = new ModemHealth(ModemState.STARTING, Registration.UNKNOWN,
            OptionalInt.empty());

    public ModemHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
        if (signal.isPresent() && (signal.getAsInt() < 0 || signal.getAsInt() > 31)) {
            throw new IllegalArgumentException("signal must be 0 to 31: " + signal.getAsInt());
        }
    }
}
