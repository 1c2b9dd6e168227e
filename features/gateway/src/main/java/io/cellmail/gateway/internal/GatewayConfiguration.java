package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The gateway's configuration as the distribution's {@code conf/} holds it (a copy of the repository's
 * {@code config/}): framework properties, the bundle list and the default component configurations
 * ({@link LoggingDefaults} reads the logging part).
 */
final class GatewayConfiguration {

    static final String FRAMEWORK_PROPERTIES = "felix/config.properties";
    static final String BUNDLE_LIST = "felix/bundles.list";
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

    /** {@code <factoryPid>~<name>.cfg} for a factory configuration, {@code <pid>.cfg} for a singleton. */
    private static List<DefaultConfiguration> configurations(Path directory) throws IOException {
        List<DefaultConfiguration> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        // In PID order, so that a run is repeatable (and io.cellmail.emulator~… exists before io.cellmail.mail~…
        // first opens its port).
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.cfg")) {
            for (Path file : files) {
                String base = file.getFileName().toString().replaceFirst("\\.cfg$", "");
                int tilde = base.indexOf('~');
                Map<String, Object> values = new LinkedHashMap<>();
                Properties properties = properties(file);
                properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
                found.add(tilde < 0 ? new DefaultConfiguration(Optional.empty(), base, values)
                        : new DefaultConfiguration(Optional.of(base.substring(0, tilde)), base.substring(tilde + 1),
                                values));
            }
        }
        found.sort(Comparator.comparing(DefaultConfiguration::pid));
        return found;
    }
}
