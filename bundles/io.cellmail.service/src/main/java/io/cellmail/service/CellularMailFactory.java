/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.service.spi.ModemMailerFactory;

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
     * @param mailerFactory the dialect's factory that the configuration's {@code mailerFactory.target} selected
     * @param factoryDialect the dialect the factory registered with, checked against the configured
     *     {@code dialect}; null when unknown
     * @param dataArea where the default and relative outbox directories live (the front end's bundle data area),
     *     or null when there is none: then only an absolute {@code outboxDirectory} works
     * @return the service; the caller closes it
     */
    ConfiguredCellularMail create(ModemMailerFactory mailerFactory, @Nullable String factoryDialect,
            @Nullable Path dataArea);
}
