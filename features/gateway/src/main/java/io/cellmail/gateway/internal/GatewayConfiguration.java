/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The gateway's configuration as the distribution's {@code conf/} holds it (a copy of the repository's
 * {@code config/}): framework properties, the bundle list and the default component configurations
 * ({@link LoggingDefaults} reads the logging part).
 */
final class GatewayConfiguration {

    static final String FRAMEWORK_PROPERTIES = "felix/config.properties";
    static final String BUNDLE_LIST = "felix/bundles.list";
    /** The start levels of the web console's bundles, in the distribution's {@code webconsole/}. */
    static final String WEB_CONSOLE_LIST = "felix/webconsole.list";
    /** Felix EventAdmin prints its warnings on stdout when no LogService is left, e.g. while the gateway stops. */
    static final String EVENTADMIN_LOG_LEVEL = "org.apache.felix.eventadmin.LogLevel";
    static final String CONFIGURATIONS = "configurations";
    static final String BEGINNING_START_LEVEL = "org.osgi.framework.startlevel.beginning";

    private final GatewayHome home;
    private final Properties framework;
    private final BundlePlan plan;
    private final List<DefaultConfiguration> configurations;

    private GatewayConfiguration(GatewayHome home, Properties framework, BundlePlan plan,
            List<DefaultConfiguration> configurations) {
        this.home = home;
        this.framework = framework;
        this.plan = plan;
        this.configurations = List.copyOf(configurations);
    }

    static GatewayConfiguration read(GatewayHome home) throws IOException, GatewayException {
        Path conf = home.conf();
        return new GatewayConfiguration(home, properties(required(conf.resolve(FRAMEWORK_PROPERTIES))),
                new BundleListReader(home.bundles()).read(required(conf.resolve(BUNDLE_LIST))),
                configurations(conf.resolve(CONFIGURATIONS)));
    }

    private static Path required(Path file) throws GatewayException {
        if (!Files.isRegularFile(file)) {
            throw new GatewayException("missing " + file);
        }
        return file;
    }

    /**
     * @param storage where the framework keeps its state
     * @param interactive whether the Gogo shell reads the terminal
     * @return the framework properties of this run
     */
    Map<String, String> frameworkProperties(FrameworkStorage storage, boolean interactive) {
        Map<String, String> properties = new LinkedHashMap<>();
        framework.stringPropertyNames().forEach(key -> properties.put(key, framework.getProperty(key)));
        properties.put("org.osgi.framework.storage", storage.directory().toString());
        if (storage.temporary()) {
            properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        }
        properties.put("cellmail.home", home.root().toString());
        // The launcher climbs the start levels itself (EmbeddedFramework), from 1, so that it can listen to the
        // log service before the other bundles start.
        properties.put(BEGINNING_START_LEVEL, "1");
        properties.putIfAbsent(EVENTADMIN_LOG_LEVEL, "1");
        // The demo drives the console through a session of its own; only the interactive gateway reads stdin.
        properties.put("gosh.args", interactive ? "" : "--nointeractive");
        return properties;
    }

    BundlePlan bundlePlan() {
        return plan;
    }

    /**
     * @return the bundle list and the web console's bundles ({@code webconsole/}, started as
     *         {@value #WEB_CONSOLE_LIST} says)
     * @throws GatewayException when the web console's list is missing or names a jar that is not there
     */
    BundlePlan bundlePlanWithWebConsole() throws IOException, GatewayException {
        return plan.with(new BundleListReader(home.webConsoleBundles())
                .read(required(home.conf().resolve(WEB_CONSOLE_LIST))));
    }

    /** @return the configurations of the distribution's {@code conf/configurations/}, in PID order */
    List<DefaultConfiguration> defaultConfigurations() {
        return configurations;
    }

    static Properties properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static List<DefaultConfiguration> configurations(Path directory) throws IOException, GatewayException {
        return Files.isDirectory(directory) ? ConfigurationFiles.read(directory) : List.of();
    }
}
