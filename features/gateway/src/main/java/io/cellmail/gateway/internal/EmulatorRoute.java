/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

/**
 * Points an emulated modem's SMTP route at the launcher's loopback SMTP server: the default configuration names a
 * fixed port, the server gets a free one at every start.
 */
final class EmulatorRoute {

    /** Factory PID of the emulated modem component (bundle io.cellmail.emulator). */
    static final String EMULATOR_FACTORY_PID = "io.cellmail.emulator";
    /** Its property that says where the emulated module's SMTP client connects, {@code host:port}. */
    static final String SMTP_ROUTE = "smtpRoute";

    private EmulatorRoute() {
    }

    /**
     * @param configuration a default configuration
     * @param route {@code 127.0.0.1:<port>} of the loopback SMTP server
     * @return the configuration, with its SMTP route replaced when it configures an emulated modem
     */
    static DefaultConfiguration toLoopback(DefaultConfiguration configuration, String route) {
        boolean emulator = configuration.factoryPid().filter(EMULATOR_FACTORY_PID::equals).isPresent();
        return emulator ? configuration.with(SMTP_ROUTE, route) : configuration;
    }
}
