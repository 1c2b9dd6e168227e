/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayConfigurationTest {

    @TempDir
    Path root;

    private GatewayHome home;

    @BeforeEach
    void aDistribution() throws IOException {
        home = new GatewayHome(root);
        Files.createDirectories(home.bundles());
        Files.createFile(home.bundles().resolve("org.apache.felix.scr-2.2.18.jar"));
        Files.createFile(home.bundles().resolve("io.cellmail.api-0.1.0-SNAPSHOT.jar"));
        write("felix/config.properties", "org.osgi.framework.storage=felix-cache\n"
                + "org.osgi.framework.startlevel.beginning=3\ngosh.args=--nointeractive\nfelix.log.level=2\n");
        write("felix/bundles.list", "1 org.apache.felix.scr-*.jar\n3 io.cellmail.api-*.jar\n");
        write("configurations/io.cellmail.mail~demo.cfg", "port=emulator:demo\n.smtpPassword=secret\n");
        write("configurations/io.cellmail.emulator~demo.cfg", "name=demo\nsmtpRoute=127.0.0.1:2525\n");
        write("configurations/org.example.singleton.cfg", "answer=42\n");
        write("configurations/notes.txt", "not a configuration\n");
    }

    @Test
    void shouldReadEveryDefaultConfigurationInPidOrderTellingFactoryFromSingleton() throws Exception {
        GatewayConfiguration conf = GatewayConfiguration.read(home);

        assertThat(conf.defaultConfigurations()).extracting(DefaultConfiguration::pid).containsExactly(
                "io.cellmail.emulator~demo", "io.cellmail.mail~demo", "org.example.singleton");
        assertThat(conf.defaultConfigurations().get(1)).isEqualTo(new DefaultConfiguration(
                Optional.of("io.cellmail.mail"), "demo", Map.of("port", "emulator:demo", ".smtpPassword", "secret")));
        assertThat(conf.defaultConfigurations().get(2).factoryPid()).isEmpty();
    }

    @Test
    void shouldReadTheBundleListAgainstTheBundleDirectory() throws Exception {
        BundlePlan plan = GatewayConfiguration.read(home).bundlePlan();

        assertThat(plan.entries()).extracting(BundlePlan.Entry::startLevel).containsExactly(1, 3);
        assertThat(plan.entries().get(1).file()).isEqualTo(home.bundles().resolve("io.cellmail.api-0.1.0-SNAPSHOT.jar"));
    }

    @Test
    void shouldRunFromATemporaryStorageCleanedOnFirstInitWithoutAShellOnStdinForTheDemo() throws Exception {
        try (FrameworkStorage storage = FrameworkStorage.of(Optional.empty())) {
            Map<String, String> properties = GatewayConfiguration.read(home).frameworkProperties(storage, false);

            assertThat(properties)
                    .containsEntry("org.osgi.framework.storage", storage.directory().toString())
                    .containsEntry("org.osgi.framework.storage.clean", "onFirstInit")
                    .containsEntry("gosh.args", "--nointeractive")
                    .containsEntry("org.osgi.framework.startlevel.beginning", "1")
                    .containsEntry("cellmail.home", root.toString())
                    .containsEntry("felix.log.level", "2")
                    .containsEntry("org.apache.felix.eventadmin.LogLevel", "1");
        }
    }

    @Test
    void shouldKeepANamedStorageAndGiveTheConsoleTheTerminalWhenInteractive() throws Exception {
        Path data = root.resolve("state");
        try (FrameworkStorage storage = FrameworkStorage.of(Optional.of(data))) {
            Map<String, String> properties = GatewayConfiguration.read(home).frameworkProperties(storage, true);

            assertThat(properties)
                    .containsEntry("org.osgi.framework.storage", data.toString())
                    .doesNotContainKey("org.osgi.framework.storage.clean")
                    .containsEntry("gosh.args", "");
        }
        assertThat(data).isDirectory();
    }

    @Test
    void shouldNameTheMissingFileWhenConfIsIncomplete() throws Exception {
        Files.delete(home.conf().resolve("felix/bundles.list"));

        assertThatThrownBy(() -> GatewayConfiguration.read(home)).isInstanceOf(GatewayException.class)
                .hasMessageContaining("missing").hasMessageContaining("bundles.list");
    }

    @Test
    void shouldRemoveATemporaryStorageOnClose() throws Exception {
        Path directory;
        try (FrameworkStorage storage = FrameworkStorage.of(Optional.empty())) {
            directory = storage.directory();
            Files.writeString(Files.createDirectories(directory.resolve("bundle1/data")).resolve("x"), "x");
        }
        assertThat(directory).doesNotExist();
    }

    private void write(String relative, String content) throws IOException {
        Path file = home.conf().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
