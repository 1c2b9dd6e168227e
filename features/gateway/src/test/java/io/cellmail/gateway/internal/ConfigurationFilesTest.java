/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An operator's configuration directory, named as Karaf and FileInstall name their files. */
class ConfigurationFilesTest {

    @ParameterizedTest(name = "{0} -> factory {1}, name {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "io.cellmail.mail-modem1.cfg          | io.cellmail.mail     | modem1",
        "io.cellmail.mail-modem-1.cfg         | io.cellmail.mail     | modem-1",
        "io.cellmail.mail~modem1.cfg          | io.cellmail.mail     | modem1",
        "io.cellmail.mail~modem-1.cfg         | io.cellmail.mail     | modem-1",
        "io.cellmail.emulator~demo.cfg        | io.cellmail.emulator | demo",
        "org.example.singleton.cfg            | -                    | org.example.singleton",
    })
    void shouldTellFactoryConfigurationsFromSingletonsByTheirFileName(String file, String factoryPid, String name)
            throws Exception {
        DefaultConfiguration configuration = ConfigurationFiles.named(file, Map.of("k", "v"));

        assertThat(configuration.factoryPid()).isEqualTo(Optional.ofNullable(factoryPid));
        assertThat(configuration.name()).isEqualTo(name);
        assertThat(configuration.properties()).containsEntry("k", "v");
    }

    @Test
    void shouldGiveAFileInstallFactoryConfigurationTheNamedPidConfigurationAdminUses() throws Exception {
        assertThat(ConfigurationFiles.named("io.cellmail.mail-soak.cfg", Map.of()).pid())
                .isEqualTo("io.cellmail.mail~soak");
    }

    @ParameterizedTest
    @ValueSource(strings = {"io.cellmail.mail-.cfg", "io.cellmail.mail~.cfg", "-modem1.cfg", "~modem1.cfg", ".cfg"})
    void shouldRefuseAFileNameThatNamesNoConfiguration(String file) {
        assertThatThrownBy(() -> ConfigurationFiles.named(file, Map.of())).isInstanceOf(GatewayException.class)
                .hasMessageContaining(file);
    }

    @Test
    void shouldReadEveryCfgFileOfADirectoryInPidOrderAndNothingElse(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("io.cellmail.mail-soak.cfg"), "port=tcp://127.0.0.1:4001\n");
        Files.writeString(directory.resolve("io.cellmail.emulator~probe.cfg"), "name=probe\n");
        Files.writeString(directory.resolve("io.cellmail.soak.alarm.cfg"), "spool=/tmp/spool\n");
        Files.writeString(directory.resolve("README.txt"), "not a configuration\n");
        Files.createDirectory(directory.resolve("old.cfg"));

        assertThat(ConfigurationFiles.read(directory)).extracting(DefaultConfiguration::pid).containsExactly(
                "io.cellmail.emulator~probe", "io.cellmail.mail~soak", "io.cellmail.soak.alarm");
        assertThat(ConfigurationFiles.read(directory).get(1).properties())
                .containsEntry("port", "tcp://127.0.0.1:4001");
    }
}
