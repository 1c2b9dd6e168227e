/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Applies {@code conf/logging/} before anything logs: slf4j-simple reads its settings once, from system
 * properties, when the first logger is made (in the launcher and, separately, inside the framework), so this runs
 * first and holds no SLF4J logger itself. Settings given on the command line ({@code -D…}) win.
 */
final class LoggingDefaults {

    static final String SLF4J_SIMPLE = "logging/simplelogger.properties";
    static final String JUL = "logging/logging.properties";
    /** SPI Fly reports every provider it registers at INFO through java.util.logging; kept referenced. */
    private static final Logger SPI_FLY = Logger.getLogger("org.apache.aries.spifly");

    private LoggingDefaults() {
    }

    static void apply(GatewayHome home) throws IOException {
        Path simple = home.conf().resolve(SLF4J_SIMPLE);
        if (Files.isRegularFile(simple)) {
            Properties logging = GatewayConfiguration.properties(simple);
            for (String key : logging.stringPropertyNames()) {
                if (System.getProperty(key) == null) {
                    System.setProperty(key, logging.getProperty(key));
                }
            }
        }
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        Path jul = home.conf().resolve(JUL);
        if (Files.isRegularFile(jul)) {
            try (InputStream in = Files.newInputStream(jul)) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } else {
            SPI_FLY.setLevel(Level.WARNING);
        }
    }
}
