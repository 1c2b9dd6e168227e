/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The systemd unit the distribution ships, read the way systemd reads it: its {@code ExecStart} runs this
 * distribution's launcher (installed where the unit says) with options the launcher accepts, as a gateway in the
 * field (no demo, no SMTP server), in the directories systemd creates for the service.
 */
class SystemdUnitIT {

    private static final String UNIT = "cellmail-gateway.service";
    /** Where the guide (features/gateway/README.md) installs the distribution. */
    private static final String INSTALLED_LAUNCHER = "/opt/cellmail-gateway/cellmail-gateway.jar";

    private Path distribution;
    private Map<String, String> service;
    private Map<String, String> unit;

    @BeforeEach
    void readTheUnit() throws IOException {
        Path root = Path.of(System.getProperty("cellmail.root", "../..")).toAbsolutePath().normalize();
        distribution = root.resolve("features/gateway/target/cellmail-gateway");
        service = section(distribution.resolve(UNIT), "Service");
        unit = section(distribution.resolve(UNIT), "Unit");
    }

    @Test
    void shouldStartTheLauncherOfThisDistribution() {
        List<String> command = execStart();

        assertThat(command.get(0)).isEqualTo("/usr/bin/java");
        assertThat(command.subList(1, 3)).containsExactly("-jar", INSTALLED_LAUNCHER);
        Path installed = Path.of(INSTALLED_LAUNCHER);
        assertThat(distribution.resolve(installed.getFileName().toString())).as("the launcher in the distribution")
                .isRegularFile();
        String documentation = unit.get("Documentation");
        assertThat(documentation).startsWith("file:" + installed.getParent() + "/");
        assertThat(distribution.resolve(documentation.substring(("file:" + installed.getParent() + "/").length())))
                .as("the unit's documentation in the distribution").isRegularFile();
    }

    @Test
    void shouldRunAFieldGatewayInTheDirectoriesSystemdCreates() throws Exception {
        List<String> arguments = execStart().subList(3, execStart().size());

        GatewayOptions options = GatewayOptions.parse(arguments.toArray(String[]::new));

        assertThat(options).as("options the launcher accepts").isNotNull();
        assertThat(options.mode()).isEqualTo(GatewayOptions.Mode.RUN);
        assertThat(options.demo()).isFalse();
        assertThat(options.loopbackSmtp()).isFalse();
        assertThat(options.confDirectory()).contains(Path.of("/etc", service.get("ConfigurationDirectory")));
        assertThat(options.dataDirectory()).contains(Path.of("/var/lib", service.get("StateDirectory")));
        assertThat(options.logDirectory()).contains(Path.of("/var/log", service.get("LogsDirectory")));
    }

    @Test
    void shouldRunAsAUserThatMayOpenSerialPortsAndCountSigtermAsSuccess() {
        assertThat(service.get("User")).isNotBlank().isNotEqualTo("root");
        assertThat(service.get("SupplementaryGroups")).contains("dialout");
        assertThat(service.get("SuccessExitStatus")).contains("143");
    }

    private List<String> execStart() {
        String line = service.get("ExecStart");
        assertThat(line).as("ExecStart").isNotBlank();
        return Arrays.asList(line.trim().split("\\s+"));
    }

    /** @return the settings of one section; systemd's syntax as far as the unit uses it (no continuations) */
    private static Map<String, String> section(Path file, String name) throws IOException {
        Map<String, String> settings = new HashMap<>();
        String current = "";
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith(";")) {
                continue;
            }
            assertThat(text).as("a line systemd reads as one setting").doesNotEndWith("\\");
            if (text.startsWith("[") && text.endsWith("]")) {
                current = text.substring(1, text.length() - 1);
            } else if (current.equals(name)) {
                int equals = text.indexOf('=');
                assertThat(equals).as(text).isPositive();
                settings.put(text.substring(0, equals).strip(), text.substring(equals + 1).strip());
            }
        }
        return settings;
    }
}
