/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.IOException;
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
 * A directory of configuration files in {@code java.util.Properties} format, one configuration a file, named as
 * Karaf and Felix FileInstall name them: {@code <pid>.cfg} for a singleton, {@code <factoryPid>-<name>.cfg} for a
 * factory configuration, and {@code <factoryPid>~<name>.cfg} (the PID ConfigurationAdmin gives a named factory
 * configuration) for one too. Other files are ignored.
 */
final class ConfigurationFiles {

    static final String SUFFIX = ".cfg";

    private ConfigurationFiles() {
    }

    /**
     * @param directory the directory
     * @return its configurations in PID order, so that a run is repeatable (and {@code io.cellmail.emulator~…} is
     *         applied before {@code io.cellmail.mail~…} first opens its port)
     * @throws IOException when the directory or a file cannot be read
     * @throws GatewayException when a file name names no configuration
     */
    static List<DefaultConfiguration> read(Path directory) throws IOException, GatewayException {
        List<DefaultConfiguration> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + SUFFIX)) {
            for (Path file : files) {
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                Properties properties = GatewayConfiguration.properties(file);
                properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
                found.add(named(file.getFileName().toString(), values));
            }
        }
        found.sort(Comparator.comparing(DefaultConfiguration::pid));
        return found;
    }

    /**
     * @param fileName e.g. {@code io.cellmail.mail-modem1.cfg}
     * @param properties the file's properties
     * @return the configuration the file stands for
     * @throws GatewayException when the name gives no PID, or a factory configuration no name
     */
    static DefaultConfiguration named(String fileName, Map<String, Object> properties) throws GatewayException {
        String base = fileName.endsWith(SUFFIX) ? fileName.substring(0, fileName.length() - SUFFIX.length())
                : fileName;
        // '~' first: it cannot be part of a PID, while '-' can be part of a factory configuration's name
        // (FileInstall splits at the first '-', so io.cellmail.mail-modem-1 is modem-1 of io.cellmail.mail).
        int split = base.indexOf('~');
        if (split < 0) {
            split = base.indexOf('-');
        }
        if (split < 0) {
            return requirePid(new DefaultConfiguration(Optional.empty(), base, properties), fileName);
        }
        String factoryPid = base.substring(0, split);
        String name = base.substring(split + 1);
        if (name.isEmpty()) {
            throw new GatewayException("configuration file " + fileName + " names a factory configuration of "
                    + factoryPid + " without a name after the '" + base.charAt(split) + "'");
        }
        return requirePid(new DefaultConfiguration(Optional.of(factoryPid), name, properties), fileName);
    }

    private static DefaultConfiguration requirePid(DefaultConfiguration configuration, String fileName)
            throws GatewayException {
        String pid = configuration.factoryPid().orElse(configuration.name());
        if (pid.isEmpty()) {
            throw new GatewayException("configuration file " + fileName + " names no PID");
        }
        return configuration;
    }
}
