/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import java.util.Objects;
import java.util.function.UnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineFactory;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.quectel.internal.MailerMaker;
import io.cellmail.quectel.internal.MailerTimings;
import io.cellmail.serial.SerialLinks;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * Creates the mailers of the Quectel GSM SMTP dialect: registered with {@code dialect=}{@value QuectelDialect#NAME},
 * it needs the {@link SerialLinks} registry to reach the modem and an {@link AtEngineFactory} for each mailer's
 * engine. Without OSGi (tests, command-line tools) construct it with a registry.
 *
 * <pre>{@code
 * ModemMailerFactory factory = new QuectelMailerFactory(new SerialLinkRegistry(List.of(provider)));
 * try (ModemMailer mailer = factory.create(MailerSettings.builder("serial:/dev/ttyUSB2", "smtp.example.com",
 *         "gateway@example.com").apn("internet", "", "").build())) {
 *     mailer.send(message, new SenderIdentity("gateway@example.com", ""), Duration.ofMinutes(5));
 * }
 * }</pre>
 */
@Component(service = ModemMailerFactory.class,
        property = ModemMailerFactory.DIALECT_PROPERTY + "=" + QuectelDialect.NAME)
public final class QuectelMailerFactory implements ModemMailerFactory {

    private final MailerMaker mailers;

    /**
     * @param serialLinks opens the modem's link by its URI
     * @param engines creates each mailer's AT engine
     */
    @Activate
    public QuectelMailerFactory(@Reference(name = "serialLinks") SerialLinks serialLinks,
            @Reference(name = "engines") AtEngineFactory engines) {
        this(new MailerMaker(MailerMaker.Dialect.GSM, serialLinks, engines, UnaryOperator.identity(),
                MailerTimings.DEFAULT));
    }

    /** @param serialLinks opens the modem's link by its URI; engines are created directly */
    public QuectelMailerFactory(SerialLinks serialLinks) {
        this(MailerMaker.of(MailerMaker.Dialect.GSM, serialLinks));
    }

    /**
     * For tests that need a faster engine (shorter probe, settle and linger times) and shorter waits than a
     * real UART wants.
     *
     * @param serialLinks opens the modem's link
     * @param engineTuning changes the engine settings made from the mailer settings
     * @param timings the mailers' waits
     */
    QuectelMailerFactory(SerialLinks serialLinks, UnaryOperator<AtEngineSettings.Builder> engineTuning,
            MailerTimings timings) {
        this(new MailerMaker(MailerMaker.Dialect.GSM, serialLinks, AtEngine::new, engineTuning, timings));
    }

    private QuectelMailerFactory(MailerMaker mailers) {
        this.mailers = Objects.requireNonNull(mailers, "mailers");
    }

    /**
     * Checks the settings and creates a mailer whose engine starts opening the link in the background.
     *
     * @param settings how to reach the modem, the network and the SMTP server
     * @return the mailer; the caller closes it
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} naming the setting the module cannot take
     *     ({@code smtpSecurity} for TLS, which the GSM module has not), before any AT traffic
     */
    @Override
    public ModemMailer create(MailerSettings settings) {
        return mailers.create(settings);
    }
}
