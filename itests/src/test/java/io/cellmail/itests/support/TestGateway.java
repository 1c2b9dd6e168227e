/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.osgi.service.cm.Configuration;

import io.cellmail.service.CellularMailConfiguration;

/**
 * Configures a gateway the way an operator would, through ConfigAdmin: emulated modules served over TCP on free
 * loopback ports, and mail services reaching them through the {@code tcp:} link provider. Timings are shortened
 * (guard times, retries) so the tests stay fast; everything else is the shipped default.
 */
public final class TestGateway {

    /** The emulator's factory PID (its DS component in io.cellmail.emulator). */
    public static final String EMULATOR_FACTORY_PID = "io.cellmail.emulator";

    /** The emulated module's guard time: short, so each upload's +++ costs little. */
    private static final long EMULATOR_GUARD_MILLIS = 100;
    /** The driver's guard time, above the module's as on real hardware. */
    private static final long SERVICE_GUARD_MILLIS = 150;

    private final Configurations configurations;

    TestGateway(Configurations configurations) {
        this.configurations = Objects.requireNonNull(configurations, "configurations");
    }

    /**
     * Configures an emulated module that relays every mail to {@code smtpRoute} and listens on a free port.
     *
     * @param name the module's name
     * @param smtpRoute host:port of the SMTP server every send goes to, or null for the server the host configures
     * @return the module's link URI, {@code tcp://127.0.0.1:<port>}
     */
    public String emulator(String name, String smtpRoute) throws IOException {
        return emulator(name, smtpRoute, Map.of());
    }

    /**
     * @param name the emulator's name
     * @param smtpRoute where the emulated module delivers, or null for the server it is told
     * @param personality the module emulated: {@code m95}, {@code eg25g} or {@code bg95}
     * @return the link URI of the emulated module
     */
    public String emulator(String name, String smtpRoute, String personality) throws IOException {
        return emulator(name, smtpRoute, Map.of("personality", personality));
    }

    /**
     * @param name the module's name
     * @param smtpRoute host:port of the SMTP server every send goes to, or null for the server the host configures
     * @param more further properties of the emulator, e.g. its {@code personality}
     * @return the module's link URI, {@code tcp://127.0.0.1:<port>}
     */
    public String emulator(String name, String smtpRoute, Map<String, Object> more) throws IOException {
        int port = FreePort.onLoopback();
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("name", name);
        properties.put("smtpRoute", smtpRoute == null ? "" : smtpRoute);
        properties.put("guardTime", EMULATOR_GUARD_MILLIS);
        properties.put("listen", "127.0.0.1:" + port);
        configurations.createFactory(EMULATOR_FACTORY_PID, properties);
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * @param name the service's name ({@code cellmail.name})
     * @param linkUri the modem's link URI
     * @return the properties of a mail service without SMTP authentication on that modem, to adjust and create
     */
    public static Map<String, Object> mailServiceProperties(String name, String linkUri) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("cellmail.name", name);
        properties.put("port", linkUri);
        properties.put("smtpHost", "smtp.example.com");
        properties.put("authentication", false);
        properties.put("senderAddress", "gateway@example.com");
        properties.put("guardTime", SERVICE_GUARD_MILLIS);
        properties.put("sendDeadline", 30L);
        properties.put("retryBase", 1L);
        properties.put("retryCap", 2L);
        return properties;
    }

    /** Creates a factory configuration of the plain mail service. */
    public Configuration mailService(Map<String, Object> properties) throws IOException {
        return configurations.createFactory(CellularMailConfiguration.FACTORY_PID, properties);
    }
}
