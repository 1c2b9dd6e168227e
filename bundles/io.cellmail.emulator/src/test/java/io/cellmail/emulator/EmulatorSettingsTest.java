/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Defaults of a plain module, and the values the settings refuse. */
class EmulatorSettingsTest {

    @Test
    void shouldDefaultToAPlainModuleWithTheSpecQuirks() {
        EmulatorSettings settings = EmulatorSettings.defaults();

        assertThat(settings.baud()).isZero();
        assertThat(settings.commandLatency()).isEqualTo(Duration.ZERO);
        assertThat(settings.guardTime()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.lenientEscape()).isFalse();
        assertThat(settings.attachmentsEndByLength()).isFalse();
        assertThat(settings.okBeforeServerInfo()).isTrue();
        assertThat(settings.compactResults()).isTrue();
        assertThat(settings.smtpRoute()).isEmpty();
        assertThat(settings.bootUrcs()).isTrue();
        assertThat(settings.autobaud()).isFalse();
        assertThat(settings.simReady()).isTrue();
        assertThat(settings.registration()).isEqualTo(1);
        assertThat(settings.attached()).isEqualTo(1);
        assertThat(settings.signal()).isEqualTo(20);
        assertThat(settings.identity()).containsExactly("Quectel_Ltd", "Quectel_M95", "Revision: M95FAR02A08");
    }

    @Test
    void shouldCopyIntoABuilderAndBack() {
        EmulatorSettings settings = EmulatorSettings.builder().baud(115_200).smtpRoute("127.0.0.1:2525").build();

        assertThat(settings.toBuilder().build()).isEqualTo(settings);
        assertThat(settings.bytesPerSecond()).isEqualTo(11_520);
        assertThat(settings.smtpRoute()).isEqualTo(Optional.of("127.0.0.1:2525"));
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void shouldRefuseOutOfRangeValues(UnaryOperator<EmulatorSettings.Builder> change) {
        assertThatThrownBy(() -> change.apply(EmulatorSettings.builder()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<UnaryOperator<EmulatorSettings.Builder>> invalid() {
        return Stream.of(b -> b.baud(-1), b -> b.commandLatency(Duration.ofMillis(-1)),
                b -> b.guardTime(Duration.ofMillis(-1)), b -> b.smtpRoute("localhost"), b -> b.smtpRoute("host:0"),
                b -> b.smtpRoute("host:x"), b -> b.smtpRoute(":25"), b -> b.registration(6), b -> b.attached(2),
                b -> b.signal(32));
    }
}
