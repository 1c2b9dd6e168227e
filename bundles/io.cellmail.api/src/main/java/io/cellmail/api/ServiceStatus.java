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
 * @param module the module found on the port and the dialect spoken to it, one line for operators (e.g.
 *     {@code EG25 (Quectel EG25 Revision: EG25GGBR07A08M2G), dialect quectel-lte, found by auto}), or why mail
 *     cannot go through it; empty when the dialect does not tell (since 1.2)
 */
public record ServiceStatus(
        String name,
        ModemState modem,
        Registration registration,
        OptionalInt signal,
        int queueDepth,
        Optional<MailErrorCode> lastError,
        List<String> warnings,
        Optional<String> module) {

    public ServiceStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(registration, "registration");
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(lastError, "lastError");
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(module, "module");
    }

    /**
     * A status without warnings and without a module line, as before 1.2.
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
        this(name, modem, registration, signal, queueDepth, lastError, List.of(), Optional.empty());
    }
}
