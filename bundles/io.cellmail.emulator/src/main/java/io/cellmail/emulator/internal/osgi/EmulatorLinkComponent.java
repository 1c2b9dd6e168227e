/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.osgi;

import java.net.URI;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.serial.PortSettings;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;
import io.cellmail.serial.SerialLinkProvider;

/**
 * The {@code emulator:} link provider as a service, so the serial link registry opens {@code emulator:<name>} like
 * any port; emulator components of this bundle register their modules with it. Immediate: the scheme is there as
 * soon as the bundle starts, before anyone asks for a link.
 */
@Component(immediate = true, service = { SerialLinkProvider.class, EmulatorRegistry.class },
        property = SerialLinkProvider.SCHEME_PROPERTY + "=" + EmulatorLinks.SCHEME)
public final class EmulatorLinkComponent implements SerialLinkProvider, EmulatorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorLinkComponent.class);

    private final EmulatorLinks links = new EmulatorLinks();

    @Override
    public String scheme() {
        return links.scheme();
    }

    @Override
    public SerialLink open(URI uri, PortSettings settings) throws SerialLinkException {
        return links.open(uri, settings);
    }

    @Override
    public void register(String name, ModemEmulator modem) {
        links.register(name, modem);
        LOG.debug("Emulator reachable as emulator:{}", name);
    }

    @Override
    public void unregister(String name) {
        links.unregister(name);
        LOG.debug("Emulator emulator:{} no longer reachable", name);
    }
}
