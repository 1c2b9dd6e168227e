/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import io.cellmail.service.CellularMailFactory;
import io.cellmail.service.ConfiguredCellularMail;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * Makes the same {@link ConfiguredMailService} this bundle's own component runs, for a front end in another bundle
 * (Kura): that front end shares the composition through this service instead of extending a class of ours, and
 * its services choose their driver by their {@code dialect} setting from the drivers bound here. Events
 * of every service it made go to the EventAdmin bound now, or nowhere while there is none.
 */
@Component(service = CellularMailFactory.class)
public final class CellularMailFactoryComponent implements CellularMailFactory {

    private volatile EventAdmin eventAdmin;
    /** The drivers bound now, shared by every service made here: each takes the one of its configured dialect. */
    private final MailerFactories mailerFactories = new MailerFactories();

    @Override
    public ConfiguredCellularMail create(Path dataArea) {
        return new ConfiguredMailService(mailerFactories, () -> eventAdmin, dataArea);
    }

    /**
     * Every driver is bound, whatever its dialect, as the plain component binds them (see
     * {@link MailServiceComponent#bindMailerFactory}).
     *
     * @param factory a driver that came
     * @param properties its service properties
     */
    @Reference(name = "mailerFactories", service = ModemMailerFactory.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void bindMailerFactory(ModemMailerFactory factory, Map<String, Object> properties) {
        mailerFactories.add(factory, properties);
    }

    /** @param factory a driver that went; a service sending through it stops using it */
    public void unbindMailerFactory(ModemMailerFactory factory) {
        mailerFactories.remove(factory);
    }

    /** @param admin where events go from now on */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    public void bindEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
    }

    /** @param admin an EventAdmin that went away; events go nowhere until another is bound */
    public void unbindEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }
}
