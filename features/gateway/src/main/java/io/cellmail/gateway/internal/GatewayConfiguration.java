package io.cellmail.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The gateway's configuration as the distribution's {@code conf/} holds it (a copy of the repository's
 * {@code config/}): framework properties, the bundle list, the logging defaults and the default component
 * configurations.
 */
final class GatewayConfiguration {

    static final String FRAMEWORK_PROPERTIES = "felix/config.properties";
    static final String BUNDLE_LIST = "felix/bundles.list";
    static final String LOGGING_PROPERTIES = "logging/simplelogger.properties";
    static final String JUL_PROPERTIES = "logging/logging.properties";
    /** SPI Fly logs every provider it registers at INFO through java.util.logging. */
    private static final Logger SPI_FLY = Logger.getLogger("org.apache.aries.spifly");
    static final String CONFIGURATIONS = "configurations";

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
        // The demo drives the console through a session of its own; only the interactive gateway reads stdin.
        properties.put("gosh.args", interactive ? "" : "--nointeractive");
        return properties;
    }

    /**
     * Sets the logging defaults of {@code conf/}, unless the command line set its own: slf4j-simple's properties
     * become system properties (that is where it reads them, inside the framework too), a java.util.logging
     * configuration is loaded; without one, SPI Fly's INFO chatter is silenced.
     */
    void applyLoggingDefaults() throws IOException {
        Path file = home.conf().resolve(LOGGING_PROPERTIES);
        if (Files.isRegularFile(file)) {
            Properties logging = properties(file);
            for (String key : logging.stringPropertyNames()) {
                if (System.getProperty(key) == null) {
                    System.setProperty(key, logging.getProperty(key));
                }
            }
        }
        Path jul = home.conf().resolve(JUL_PROPERTIES);
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        if (Files.isRegularFile(jul)) {
            try (InputStream in = Files.newInputStream(jul)) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } else {
            SPI_FLY.setLevel(Level.WARNING);
        }
    }

    BundlePlan bundlePlan() {
        return plan;
    }

    List<DefaultConfiguration> defaultConfigurations() {
        return configurations;
    }

    private static Properties properties(Path file) throws IOException {
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
        return found;
    }
}
