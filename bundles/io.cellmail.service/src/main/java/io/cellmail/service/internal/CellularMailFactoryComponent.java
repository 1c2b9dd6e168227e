/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.nio.file.Path;

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
 * (Kura): that front end shares the composition through this service instead of extending a class of ours. Events
 * of every service it made go to the EventAdmin bound now, or nowhere while there is none.
 */
@Component(service = CellularMailFactory.class)
public final class CellularMailFactoryComponent implements CellularMailFactory {

    private volatile EventAdmin eventAdmin;

    @Override
    public ConfiguredCellularMail create(ModemMailerFactory mailerFactory, String factoryDialect, Path dataArea) {
        return new ConfiguredMailService(mailerFactory, factoryDialect, () -> eventAdmin, dataArea);
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
