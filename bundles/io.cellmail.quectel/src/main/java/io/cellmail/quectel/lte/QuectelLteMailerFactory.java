/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

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
 * Creates the mailers of the Quectel LTE SMTP(S) dialect (EC2x, EG9x, EG2x-G, EM05, AG35, UC20): registered with
 * {@code dialect=}{@value QuectelLteDialect#NAME}, it needs the {@link SerialLinks} registry to reach the modem and
 * an {@link AtEngineFactory} for each mailer's engine. Without OSGi (tests, command-line tools) construct it with a
 * registry. Its mailers are those of {@link io.cellmail.quectel.QuectelMailerFactory} with another mail transaction:
 * the same modem lock, epochs, radio checks, health, probe and transcript.
 *
 * <pre>{@code
 * ModemMailerFactory factory = new QuectelLteMailerFactory(new SerialLinkRegistry(List.of(provider)));
 * try (ModemMailer mailer = factory.create(MailerSettings.builder("serial:/dev/ttyUSB2", "smtp.example.com",
 *         "gateway@example.com").smtp("smtp.example.com", 465).apn("internet", "", "")
 *         .tls(new MailerSettings.Tls(SmtpSecurity.IMPLICIT_TLS, true, caPem, 1)).build())) {
 *     mailer.send(message, new SenderIdentity("gateway@example.com", ""), Duration.ofMinutes(5));
 * }
 * }</pre>
 */
@Component(service = ModemMailerFactory.class,
        property = ModemMailerFactory.DIALECT_PROPERTY + "=" + QuectelLteDialect.NAME)
public final class QuectelLteMailerFactory implements ModemMailerFactory {

    private final MailerMaker mailers;

    /**
     * @param serialLinks opens the modem's link by its URI
     * @param engines creates each mailer's AT engine
     */
    @Activate
    public QuectelLteMailerFactory(@Reference(name = "serialLinks") SerialLinks serialLinks,
            @Reference(name = "engines") AtEngineFactory engines) {
        this(new MailerMaker(MailerMaker.Dialect.LTE, serialLinks, engines, UnaryOperator.identity(),
                MailerTimings.DEFAULT));
    }

    /** @param serialLinks opens the modem's link by its URI; engines are created directly */
    public QuectelLteMailerFactory(SerialLinks serialLinks) {
        this(MailerMaker.of(MailerMaker.Dialect.LTE, serialLinks));
    }

    /**
     * For tests that need a faster engine (shorter probe, settle and linger times) and shorter waits than a
     * real UART wants.
     *
     * @param serialLinks opens the modem's link
     * @param engineTuning changes the engine settings made from the mailer settings
     * @param timings the mailers' waits
     */
    QuectelLteMailerFactory(SerialLinks serialLinks, UnaryOperator<AtEngineSettings.Builder> engineTuning,
            MailerTimings timings) {
        this(new MailerMaker(MailerMaker.Dialect.LTE, serialLinks, AtEngine::new, engineTuning, timings));
    }

    private QuectelLteMailerFactory(MailerMaker mailers) {
        this.mailers = Objects.requireNonNull(mailers, "mailers");
    }

    /**
     * Checks the settings and creates a mailer whose engine starts opening the link in the background.
     *
     * @param settings how to reach the modem, the network and the SMTP server
     * @return the mailer; the caller closes it
     * @throws MailException {@link MailErrorCode#INVALID_PARAMETER} naming the setting the module cannot take
     *     (e.g. {@code caCertificate} that is not PEM), before any AT traffic
     */
    @Override
    public ModemMailer create(MailerSettings settings) {
        return mailers.create(settings);
    }
}
