/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.cellmail.at.AtEngine;
import io.cellmail.quectel.QuectelDialect;
import io.cellmail.quectel.QuectelMailerFactory;
import io.cellmail.quectel.auto.AutoDialect;
import io.cellmail.quectel.auto.AutoMailerFactory;
import io.cellmail.quectel.lte.QuectelLteDialect;
import io.cellmail.quectel.lte.QuectelLteMailerFactory;
import io.cellmail.serial.SerialLinks;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The dialects the tool can drive a modem in ({@code --dialect}): one table from a dialect's name to its factory,
 * and {@code auto}, which asks the module and picks from that table; and what the tool prints of each dialect.
 */
public final class Dialects {

    /** The dialect used when {@code --dialect} is not given. */
    public static final String DEFAULT = AutoDialect.NAME;

    /** Every dialect this build drives, by name: the one place a dialect's driver enters the tool. */
    private static final Map<String, Driver> DRIVERS = Map.of(
            QuectelDialect.NAME, new Driver(QuectelMailerFactory::new, "+QSMTPPUT: 0"),
            QuectelLteDialect.NAME, new Driver(QuectelLteMailerFactory::new, "+QSMTPPUT: 0,0"));

    /** The short names of {@code --dialect}. */
    private static final Map<String, String> SHORT_NAMES = Map.of("gsm", QuectelDialect.NAME, "lte", QuectelLteDialect.NAME);

    private Dialects() {
    }

    /**
     * @param text the value of {@code --dialect}, if given
     * @return the dialect's full name: {@code quectel-gsm}, {@code quectel-lte} or {@code auto}
     * @throws UsageException for another name, or a dialect this build does not carry
     */
    public static String parse(Optional<String> text) throws UsageException {
        if (text.isEmpty()) {
            return DEFAULT;
        }
        String given = text.get().strip().toLowerCase(Locale.ROOT);
        String name = SHORT_NAMES.getOrDefault(given, given);
        if (name.equals(AutoDialect.NAME) || DRIVERS.containsKey(name)) {
            return name;
        }
        if (SHORT_NAMES.containsValue(name)) {
            throw new UsageException("--dialect: this build has no driver for " + name + "; use "
                    + String.join(", ", DRIVERS.keySet()) + " or auto");
        }
        throw new UsageException("--dialect must be gsm, lte or auto (or quectel-gsm, quectel-lte), got: "
                + text.get());
    }

    /**
     * @param dialect a name {@link #parse} returned
     * @param links the links the factory opens
     * @param inUse learns the dialect the mailer speaks: at once for a named dialect, for {@code auto} when it
     *     has the dialect it found create its mailer
     * @return the dialect's factory; for {@code auto}, one that hands the module to the factory of its dialect
     */
    public static ModemMailerFactory factory(String dialect, SerialLinks links, DialectInUse inUse) {
        if (dialect.equals(AutoDialect.NAME)) {
            Map<String, ModemMailerFactory> all = new LinkedHashMap<>();
            DRIVERS.forEach((name, driver) -> {
                ModemMailerFactory factory = driver.factory().apply(links);
                all.put(name, settings -> {
                    ModemMailer mailer = factory.create(settings);
                    inUse.use(name);
                    return mailer;
                });
            });
            return new AutoMailerFactory(links, AtEngine::new, all);
        }
        Driver driver = DRIVERS.get(dialect);
        if (driver == null) {
            throw new IllegalArgumentException("no driver for dialect " + dialect);
        }
        inUse.use(dialect);
        return driver.factory().apply(links);
    }

    /**
     * @param dialect a dialect's full name, not {@code auto}
     * @return the module's final result of a mail the SMTP server accepted, as the dialect's manual writes it
     */
    public static String sentResult(String dialect) {
        Driver driver = DRIVERS.get(dialect);
        if (driver == null) {
            throw new IllegalArgumentException("no driver for dialect " + dialect);
        }
        return driver.sentResult();
    }

    /**
     * What the tool knows of a dialect's driver.
     *
     * @param factory makes the driver's factory on the tool's links
     * @param sentResult the module's final result of a sent mail: the GSM manual's {@code +QSMTPPUT: <err>}, the
     *     LTE modules' {@code +QSMTPPUT: <err>,<protocol_error>}
     */
    private record Driver(Function<SerialLinks, ModemMailerFactory> factory, String sentResult) {
    }
}
