/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;
import java.util.OptionalInt;

import io.cellmail.api.Registration;

/**
 * What the radio queries said: SIM, network registration, GPRS attachment and signal.
 *
 * @param sim the SIM state, e.g. {@code READY}, {@code SIM PIN}, {@code NOT INSERTED}
 * @param registration the registration; when the SIM is not ready its state ({@link Registration#NO_SIM},
 *     {@link Registration#SIM_PIN_REQUIRED}, {@link Registration#SIM_PIN_REJECTED}, {@link Registration#SIM_BLOCKED})
 * @param attached whether the modem is attached to GPRS
 * @param signal the rssi 0 to 31, empty when unknown
 */
record RadioStatus(String sim, Registration registration, boolean attached, OptionalInt signal) {

    /** The SIM state that means the SIM can be used. */
    static final String SIM_READY = "READY";

    RadioStatus {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
    }

    /** @return true when the SIM is ready */
    boolean simReady() {
        return SIM_READY.equals(sim);
    }

    /** @return true when mail can go out: SIM ready, registered at home or roaming, attached to GPRS */
    boolean canSend() {
        return simReady() && registration.isRegistered() && attached;
    }
}
