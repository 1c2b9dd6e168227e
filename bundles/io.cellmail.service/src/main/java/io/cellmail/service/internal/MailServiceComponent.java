/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.CellularMailService;
import io.cellmail.service.CellularMailAdmin;
import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * A mail service configured through ConfigAdmin: one factory configuration
 * ({@value CellularMailConfiguration#FACTORY_PID}) per modem, handed to {@link #activate} and {@link #modified} as a
 * {@link CellularMailConfiguration} with its types converted by Declarative Services; its driver is the bound
 * {@link ModemMailerFactory} of the configured dialect ({@link MailerFactories}). It registers
 * {@link CellularMailService} and {@link CellularMailAdmin} with the configuration's properties, so
 * {@value CellularMailService#NAME_PROPERTY} is a service property and the passwords (private properties) are not.
 * It is the {@link ConfiguredMailService} it runs, with the Declarative Services lifecycle added (the Kura component,
 * in another bundle, gets its own through {@link io.cellmail.service.CellularMailFactory} and delegates to it):
 * what the service does with a configuration, valid or not, is {@link ConfiguredMailService}'s job, and this
 * component never fails for a configuration.
 *
 * <p>Immediate: a configured service reads its outbox and sends whether or not any bundle uses it. A delayed
 * component would leave mail accepted before a power cut unsent until some bundle asked for the service, and
 * would be deactivated, stalling its queue, when the last user let it go.
 */
@Component(name = CellularMailConfiguration.FACTORY_PID,
        service = { CellularMailService.class, CellularMailAdmin.class },
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = CellularMailConfiguration.class, factory = true)
public final class MailServiceComponent extends ConfiguredMailService {

    private static final Logger LOG = LoggerFactory.getLogger(MailServiceComponent.class);

    /** The EventAdmin bound now, or null; the service reads it at every event. */
    private final AtomicReference<EventAdmin> eventAdmin;
    /** The drivers bound now; the service takes the one of its configured dialect. */
    private final MailerFactories mailerFactories;

    /**
     * For Declarative Services.
     *
     * @param context the bundle's context, for its data area
     */
    @Activate
    public MailServiceComponent(BundleContext context) {
        this(dataAreaOf(context));
    }

    /**
     * For tests and use without OSGi: no driver until one is {@link #bindMailerFactory bound}, events go nowhere until
     * an EventAdmin is bound.
     *
     * @param dataArea where default outboxes live, or null
     */
    MailServiceComponent(Path dataArea) {
        this(new MailerFactories(), dataArea, new AtomicReference<>());
    }

    private MailServiceComponent(MailerFactories mailerFactories, Path dataArea,
            AtomicReference<EventAdmin> eventAdmin) {
        super(mailerFactories, eventAdmin::get, dataArea);
        this.mailerFactories = mailerFactories;
        this.eventAdmin = eventAdmin;
    }

    @Activate
    void activate(CellularMailConfiguration configuration, Map<String, Object> properties) {
        LOG.debug("Activating mail service {}", configuration.cellmail_name());
        configure(configuration, properties, CellularMailSecrets.of(configuration));
    }

    @Modified
    void modified(CellularMailConfiguration configuration, Map<String, Object> properties) {
        LOG.debug("Configuration of mail service {} changed", configuration.cellmail_name());
        configure(configuration, properties, CellularMailSecrets.of(configuration));
    }

    @Deactivate
    void deactivate() {
        close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin admin) {
        eventAdmin.set(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        eventAdmin.compareAndSet(admin, null);
    }

    /**
     * Every driver is bound, whatever its dialect: the service takes the one its {@code dialect} setting names, so
     * that this one setting chooses it (a target filter would be a second setting that must agree).
     *
     * @param factory a driver that came
     * @param properties its service properties, {@value ModemMailerFactory#DIALECT_PROPERTY} among them
     */
    @Reference(name = "mailerFactories", service = ModemMailerFactory.class,
            cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMailerFactory(ModemMailerFactory factory, Map<String, Object> properties) {
        mailerFactories.add(factory, properties);
    }

    /** @param factory a driver that went; a service sending through it stops using it */
    void unbindMailerFactory(ModemMailerFactory factory) {
        mailerFactories.remove(factory);
    }

    /**
     * @param context a bundle's context
     * @return the bundle's data area, where default outboxes live, or null when the framework has none
     */
    static Path dataAreaOf(BundleContext context) {
        File area = context.getDataFile("");
        return area == null ? null : area.toPath();
    }
}
