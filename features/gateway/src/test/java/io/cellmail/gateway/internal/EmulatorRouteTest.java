/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmulatorRouteTest {

    @Test
    void shouldPointAnEmulatedModemAtTheLoopbackSmtpServer() {
        DefaultConfiguration emulator = new DefaultConfiguration(Optional.of("io.cellmail.emulator"), "demo",
                Map.of("name", "demo", "smtpRoute", "127.0.0.1:2525"));

        DefaultConfiguration routed = EmulatorRoute.toLoopback(emulator, "127.0.0.1:40123");

        assertThat(routed.properties()).containsEntry("smtpRoute", "127.0.0.1:40123").containsEntry("name", "demo");
        assertThat(routed.pid()).isEqualTo("io.cellmail.emulator~demo");
    }

    @Test
    void shouldLeaveEveryOtherConfigurationAlone() {
        DefaultConfiguration mail = new DefaultConfiguration(Optional.of("io.cellmail.mail"), "demo",
                Map.of("port", "emulator:demo", "smtpRoute", "not mine"));
        DefaultConfiguration singleton = new DefaultConfiguration(Optional.empty(), "io.cellmail.emulator",
                Map.of("smtpRoute", "x"));

        assertThat(EmulatorRoute.toLoopback(mail, "127.0.0.1:1")).isEqualTo(mail);
        assertThat(EmulatorRoute.toLoopback(singleton, "127.0.0.1:1")).isEqualTo(singleton);
    }
}
