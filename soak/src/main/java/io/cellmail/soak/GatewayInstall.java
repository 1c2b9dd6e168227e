/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The soak's copy of the gateway distribution, set up the way an operator sets up a gateway: the alarm bundle
 * copied into {@code bundle/} with a line in {@code conf/felix/bundles.list}, and a configuration directory for
 * {@code --conf} holding the mail service ({@code io.cellmail.mail-soak.cfg}, FileInstall's name) and the alarm
 * bundle's configuration.
 *
 * @param home the copy of the distribution
 * @param conf the configuration directory given with {@code --conf}
 * @param data the framework storage given with {@code --data}, kept across every restart
 */
record GatewayInstall(Path home, Path conf, Path data) {

    static final String ALARM_BUNDLE_RESOURCE = "io.cellmail.soak.alarm.jar";
    static final String MAIL_SERVICE_FILE = "io.cellmail.mail-soak.cfg";
    static final String ALARM_FILE = "io.cellmail.soak.alarm.cfg";
    /** After cellmail's own bundles (level 3), as a consumer goes. */
    static final int ALARM_START_LEVEL = 4;

    GatewayInstall {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(conf, "conf");
        Objects.requireNonNull(data, "data");
    }

    /**
     * @param distribution the built distribution, {@code features/gateway/target/cellmail-gateway}
     * @param directory where the copy, its configuration and its storage go
     * @param mailService the mail service's configuration
     * @param alarms the alarm bundle's configuration
     * @return the installed gateway
     * @throws IOException when copying or writing fails
     */
    static GatewayInstall create(Path distribution, Path directory, Map<String, String> mailService,
            Map<String, String> alarms) throws IOException {
        Path launcher = distribution.resolve("cellmail-gateway.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IOException("no gateway distribution at " + distribution
                    + " (build it: mvn -B -DskipTests package -pl features/gateway -am)");
        }
        Path home = directory.resolve("cellmail-gateway");
        copyTree(distribution, home);
        try (InputStream bundle = GatewayInstall.class.getResourceAsStream(ALARM_BUNDLE_RESOURCE)) {
            if (bundle == null) {
                throw new IOException("the alarm bundle is not in the soak's class path (" + ALARM_BUNDLE_RESOURCE
                        + "); build the soak module with Maven");
            }
            Files.copy(bundle, home.resolve("bundle").resolve(ALARM_BUNDLE_RESOURCE),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(home.resolve("conf/felix/bundles.list"), System.lineSeparator()
                + "# The soak's consumer, added as an operator adds a bundle." + System.lineSeparator()
                + ALARM_START_LEVEL + " " + ALARM_BUNDLE_RESOURCE + System.lineSeparator(),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Path conf = Files.createDirectories(directory.resolve("conf"));
        write(conf.resolve(MAIL_SERVICE_FILE), mailService, "the soak's mail service");
        write(conf.resolve(ALARM_FILE), alarms, "the soak's alarm bundle");
        return new GatewayInstall(home, conf, directory.resolve("data"));
    }

    /** @return the launcher jar of the copy */
    Path launcher() {
        return home.resolve("cellmail-gateway.jar");
    }

    private static void write(Path file, Map<String, String> values, String comment) throws IOException {
        Properties properties = new Properties();
        properties.putAll(values);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, comment);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
