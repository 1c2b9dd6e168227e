/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;
import java.util.function.UnaryOperator;

import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineFactory;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.serial.SerialLinks;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;

/**
 * What the factories of both dialects do to create a mailer: check the settings for the dialect, build the AT
 * engine, start the mailer. Outlives its mailers: a configuration change replaces a mailer, a SIM PIN the SIM
 * refused stays refused ({@link RejectedPins}).
 */
public final class MailerMaker {

    /** A dialect's checks of the settings and its mailer. */
    public enum Dialect {
        /** The GSM SMTP manual V1.00. */
        GSM,
        /** The LTE SMTP(S) dialect. */
        LTE
    }

    private final Dialect dialect;
    private final SerialLinks serialLinks;
    private final AtEngineFactory engines;
    private final UnaryOperator<AtEngineSettings.Builder> engineTuning;
    private final MailerTimings timings;
    private final RejectedPins rejectedPins = new RejectedPins();

    /**
     * @param dialect the dialect of the mailers
     * @param serialLinks opens the modem's link by its URI
     * @param engines creates each mailer's AT engine
     * @param engineTuning changes the engine settings made from the mailer settings (tests: shorter waits)
     * @param timings the mailers' waits
     */
    public MailerMaker(Dialect dialect, SerialLinks serialLinks, AtEngineFactory engines,
            UnaryOperator<AtEngineSettings.Builder> engineTuning, MailerTimings timings) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.serialLinks = Objects.requireNonNull(serialLinks, "serialLinks");
        this.engines = Objects.requireNonNull(engines, "engines");
        this.engineTuning = Objects.requireNonNull(engineTuning, "engineTuning");
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    /**
     * @param serialLinks opens the modem's link by its URI; engines are created directly, with the settings as made
     * @param dialect the dialect of the mailers
     * @return a maker for real modules
     */
    public static MailerMaker of(Dialect dialect, SerialLinks serialLinks) {
        return new MailerMaker(dialect, serialLinks, AtEngine::new, UnaryOperator.identity(), MailerTimings.DEFAULT);
    }

    /**
     * Checks the settings and creates a mailer whose engine starts opening the link in the background.
     *
     * @param settings how to reach the modem, the network and the SMTP server
     * @return the started mailer; the caller closes it
     */
    public ModemMailer create(MailerSettings settings) {
        MailerSetup setup = switch (dialect) {
            case GSM -> MailerSetup.of(settings);
            case LTE -> MailerSetup.lte(settings);
        };
        AtEngineSettings engine = engineTuning.apply(setup.engineSettings(serialLinks)).build();
        QuectelMailer mailer = switch (dialect) {
            case GSM -> QuectelMailer.gsm(setup, engines.create(engine), timings, rejectedPins);
            case LTE -> QuectelMailer.lte(setup, engines.create(engine), timings, rejectedPins);
        };
        mailer.start();
        return mailer;
    }
}
