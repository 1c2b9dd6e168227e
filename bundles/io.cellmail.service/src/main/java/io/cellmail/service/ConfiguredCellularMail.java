/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.ModemState;

/**
 * One modem's {@link CellularMailService} as a configuration front end runs it, made by {@link CellularMailFactory}.
 * The front end hands it every configuration it gets and registers itself as {@link CellularMailService} and
 * {@link CellularMailAdmin}, answering both with this object.
 *
 * <ul>
 * <li>{@link #configure} never throws: a configuration that cannot work stops the service, which then refuses mail
 * with {@link MailErrorCode#SERVICE_STOPPED} naming every problem, reports {@link ModemState#UNAVAILABLE} and logs
 * one warning. Mail already accepted stays on disk.</li>
 * <li>When only the modem's, network's or SMTP server's settings change, the dialect's mailer is replaced under the
 * running service: queued mail and open stages stay, and a send cut short is retried at once. When the service's
 * own settings change (name, outbox, retries, expiry, bounds), the service is closed and reopened on its outbox:
 * mail on disk stays, open stages fail with {@link MailErrorCode#SERVICE_STOPPED} and events report outcomes.</li>
 * <li>Nothing here talks to the modem, so every method is safe on a configuration thread such as SCR's.</li>
 * </ul>
 *
 * Thread-safe.
 */
@ProviderType
public interface ConfiguredCellularMail extends CellularMailService, CellularMailAdmin, AutoCloseable {

    /**
     * Makes the service follow this configuration: starts it, replaces its mailer, or replaces the service.
     *
     * @param configuration the configuration, types converted by Declarative Services
     * @param properties the same configuration as it was given (ConfigAdmin's or Kura's properties): a flag written
     *     as text other than {@code true} or {@code false}, which Declarative Services would quietly read as
     *     {@code false}, is refused from here
     * @param secrets its passwords and PIN in clear
     */
    void configure(CellularMailConfiguration configuration, Map<String, ?> properties, CellularMailSecrets secrets);

    /** Stops the service, its mailer and every thread it started. A later {@code configure} starts it again. */
    @Override
    void close();
}
