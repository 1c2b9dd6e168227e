/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineFactory;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.quectel.auto.internal.AutoMailer;
import io.cellmail.quectel.auto.internal.AutoTimings;
import io.cellmail.quectel.auto.internal.DialectFactories;
import io.cellmail.quectel.internal.MailerSetup;
import io.cellmail.serial.SerialLinks;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * Creates the mailers of the {@code auto} dialect: registered with {@code dialect=}{@value AutoDialect#NAME}, each
 * mailer asks the module on its link what it is, on a short-lived AT engine in the background, and then hands every
 * call to a mailer of the module's dialect, made by that dialect's factory: the GSM SMTP client of the M-series
 * ({@code quectel-gsm}) or the LTE one ({@code quectel-lte}). A module without an SMTP client (a BG95) is a final
 * state whose mail fails with {@link MailErrorCode#NO_SMTP_CLIENT}. Under OSGi the dialects' factories are the
 * {@link ModemMailerFactory} services with another {@code dialect}; without OSGi, hand them in.
 *
 * <pre>{@code
 * SerialLinks links = new SerialLinkRegistry(List.of(provider));
 * ModemMailerFactory auto = new AutoMailerFactory(links, AtEngine::new,
 *         Map.of(QuectelDialect.NAME, new QuectelMailerFactory(links)));
 * try (ModemMailer mailer = auto.create(settings)) {
 *     mailer.send(message, sender, Duration.ofMinutes(5)); // waits for the identification within the deadline
 * }
 * }</pre>
 */
@Component(service = ModemMailerFactory.class,
        property = ModemMailerFactory.DIALECT_PROPERTY + "=" + AutoDialect.NAME)
public final class AutoMailerFactory implements ModemMailerFactory {

    private final SerialLinks serialLinks;
    private final AtEngineFactory engines;
    private final DialectFactories dialects;
    private final UnaryOperator<AtEngineSettings.Builder> engineTuning;
    private final AutoTimings timings;

    /**
     * @param serialLinks opens the modem's link by its URI
     * @param engines creates the identification's AT engines
     */
    @Activate
    public AutoMailerFactory(@Reference(name = "serialLinks") SerialLinks serialLinks,
            @Reference(name = "engines") AtEngineFactory engines) {
        this(serialLinks, engines, new DialectFactories(), UnaryOperator.identity(), AutoTimings.DEFAULT);
    }

    /**
     * Without OSGi. Three parameters on purpose: Declarative Services picks a constructor by its number of
     * parameters and takes a {@code Map} for the component's properties, so a second two-parameter constructor
     * would be chosen in place of the {@link Activate} one.
     *
     * @param serialLinks opens the modem's link by its URI
     * @param engines creates the identification's AT engines, e.g. {@code AtEngine::new}
     * @param dialects the factories a module is handed to, by dialect name ({@code quectel-gsm},
     *     {@code quectel-lte})
     */
    public AutoMailerFactory(SerialLinks serialLinks, AtEngineFactory engines,
            Map<String, ModemMailerFactory> dialects) {
        this(serialLinks, engines, new DialectFactories(dialects), UnaryOperator.identity(), AutoTimings.DEFAULT);
    }

    /**
     * For tests that need a faster engine and shorter waits than a real module wants.
     *
     * @param serialLinks opens the modem's link
     * @param dialects the factories by dialect name
     * @param engineTuning changes the identification engine's settings
     * @param timings the identification's waits
     */
    AutoMailerFactory(SerialLinks serialLinks, Map<String, ModemMailerFactory> dialects,
            UnaryOperator<AtEngineSettings.Builder> engineTuning, AutoTimings timings) {
        this(serialLinks, AtEngine::new, new DialectFactories(dialects), engineTuning, timings);
    }

    private AutoMailerFactory(SerialLinks serialLinks, AtEngineFactory engines, DialectFactories dialects,
            UnaryOperator<AtEngineSettings.Builder> engineTuning, AutoTimings timings) {
        this.serialLinks = Objects.requireNonNull(serialLinks, "serialLinks");
        this.engines = Objects.requireNonNull(engines, "engines");
        this.dialects = Objects.requireNonNull(dialects, "dialects");
        this.engineTuning = Objects.requireNonNull(engineTuning, "engineTuning");
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    /**
     * A dialect's factory came (any but this one).
     *
     * @param factory the factory
     * @param properties its service properties, {@value ModemMailerFactory#DIALECT_PROPERTY} among them
     */
    @Reference(name = "dialects", service = ModemMailerFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(!(" + DIALECT_PROPERTY + "=" + AutoDialect.NAME + "))")
    void addDialect(ModemMailerFactory factory, Map<String, Object> properties) {
        Object dialect = properties.get(DIALECT_PROPERTY);
        if (dialect instanceof String name) {
            dialects.add(name, factory);
        }
    }

    /**
     * @param factory the factory that is gone
     * @param properties its service properties
     */
    void removeDialect(ModemMailerFactory factory, Map<String, Object> properties) {
        Object dialect = properties.get(DIALECT_PROPERTY);
        if (dialect instanceof String name) {
            dialects.remove(name, factory);
        }
    }

    /**
     * Creates a mailer whose identification starts in the background; never blocks.
     *
     * @param settings how to reach the modem, the network and the SMTP server; the dialect's factory checks them
     *     against its own limits once the module is known
     * @return the mailer; the caller closes it
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} naming {@code linkUri} when the link URI cannot
     *     be read
     */
    @Override
    public ModemMailer create(MailerSettings settings) {
        MailerSetup setup = MailerSetup.ofLink(settings);
        AutoMailer mailer = new AutoMailer(settings, setup.engineName(),
                () -> engines.create(engineTuning.apply(setup.engineSettings(serialLinks)).build()), dialects,
                timings);
        mailer.start();
        return mailer;
    }
}
