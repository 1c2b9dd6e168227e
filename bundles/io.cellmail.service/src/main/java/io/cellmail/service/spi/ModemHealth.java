/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;

/**
 * What a {@link ModemMailer} last knew about its modem.
 *
 * @param state how the modem is doing
 * @param registration the last known network registration
 * @param signal the last {@code AT+CSQ} rssi, 0 to 31, empty when unknown
 * @param module the module the mailer found and the dialect it speaks to it, one line for operators, or why mail
 *     cannot go through it (e.g. {@code BG95-M3 (...): no SMTP client}); empty when the mailer does not tell
 *     (since 3.1; the mail service shows it as {@link io.cellmail.api.ServiceStatus#module()})
 */
public record ModemHealth(ModemState state, Registration registration, OptionalInt signal, Optional<String> module) {

    /** Nothing known yet: the modem is being brought up. */
    public static final ModemHealth UNKNOWN = new ModemHealth(ModemState.STARTING, Registration.UNKNOWN,
            OptionalInt.empty());

    public ModemHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(module, "module");
        if (signal.isPresent() && (signal.getAsInt() < 0 || signal.getAsInt() > 31)) {
            throw new IllegalArgumentException("signal must be 0 to 31: " + signal.getAsInt());
        }
    }

    /**
     * Health without a module line, as before 3.1.
     *
     * @param state how the modem is doing
     * @param registration the last known network registration
     * @param signal the last rssi, 0 to 31, empty when unknown
     */
    public ModemHealth(ModemState state, Registration registration, OptionalInt signal) {
        this(state, registration, signal, Optional.empty());
    }

    /**
     * @param line the module line
     * @return this health with that module line
     */
    public ModemHealth withModule(String line) {
        return new ModemHealth(state, registration, signal, Optional.of(line));
    }
}
