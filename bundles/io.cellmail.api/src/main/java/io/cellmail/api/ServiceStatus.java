/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A snapshot of a mail service and its modem.
 *
 * @param name the service's configured name ({@value CellularMailService#NAME_PROPERTY})
 * @param modem how the service sees its modem
 * @param registration the last known network registration
 * @param signal the last {@code AT+CSQ} rssi, 0 to 31, empty when unknown (99)
 * @param queueDepth messages in the outbox not yet in a final state
 * @param lastError the code of the last failure, if any
 * @param warnings what works but puts the mail at risk and wants an operator's attention, in words for people, e.g.
 *     TLS to the SMTP server without verifying it; empty when there is nothing to warn of (since 1.2)
 */
public record ServiceStatus(
        String name,
        ModemState modem,
        Registration registration,
        OptionalInt signal,
        int queueDepth,
        Optional<MailErrorCode> lastError,
        List<String> warnings) {

    public ServiceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(lastError, "lastError");
        warnings = List.copyOf(warnings);
    }

    /**
     * A status without warnings, as before there were any.
     *
     * @param name the service's configured name
     * @param modem how the service sees its modem
     * @param registration the last known network registration
     * @param signal the last {@code AT+CSQ} rssi, empty when unknown
     * @param queueDepth messages in the outbox not yet in a final state
     * @param lastError the code of the last failure, if any
     */
    public ServiceStatus(String name, ModemState modem, Registration registration, OptionalInt signal, int queueDepth,
            Optional<MailErrorCode> lastError) {
        this(name, modem, registration, signal, queueDepth, lastError, List.of());
    }
}
