/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes {@link ConfiguredCellularMail}s for configuration front ends other than this bundle's own component (the
 * Kura component): the same composition of outbox, dispatcher and dialect, the same validation and the same
 * live-change rules, without the front end extending or copying any of it. Registered as an OSGi service; the
 * events of what it makes go to the EventAdmin it finds.
 */
@ProviderType
public interface CellularMailFactory {

    /**
     * Makes an unconfigured service; it runs once {@link ConfiguredCellularMail#configure configured}.
     *
     * <p>Its driver is the registered {@link io.cellmail.service.spi.ModemMailerFactory} whose
     * {@value io.cellmail.service.spi.ModemMailerFactory#DIALECT_PROPERTY} property is the configured
     * {@code dialect}; while none is registered the service does not run and says why, and it starts when one comes.
     *
     * @param dataArea where the default and relative outbox directories live (the front end's bundle data area),
     *     or null when there is none: then only an absolute {@code outboxDirectory} works
     * @return the service; the caller closes it
     */
    ConfiguredCellularMail create(@Nullable Path dataArea);
}
