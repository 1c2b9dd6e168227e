/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import io.cellmail.api.Registration;

/**
 * What the modem says about itself right now, for diagnostics (e.g. a console command): the answers to
 * {@code ATI}, {@code AT+CPIN?}, {@code AT+CREG?}, {@code AT+CSQ} and {@code AT+CGATT?}.
 *
 * @param identity the lines {@code ATI} printed (manufacturer, model, revision), in order
 * @param sim the SIM state as {@code AT+CPIN?} reported it, e.g. {@code READY}, {@code SIM PIN}, or
 *     {@code NOT INSERTED} when the modem answered with an error (CME 10)
 * @param registration the network registration of {@code AT+CREG?}; {@link Registration#NO_SIM} when the SIM is
 *     not ready
 * @param signal the rssi of {@code AT+CSQ}, 0 to 31, empty when unknown (99)
 * @param attached whether {@code AT+CGATT?} reported the modem attached to GPRS
 */
public record ModemProbe(List<String> identity, String sim, Registration registration, OptionalInt signal,
        boolean attached) {

    public ModemProbe {
        identity = List.copyOf(identity);
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
        if (signal.isPresent() && (signal.getAsInt() < 0 || signal.getAsInt() > 31)) {
            throw new IllegalArgumentException("signal must be 0 to 31: " + signal.getAsInt());
        }
    }
}
