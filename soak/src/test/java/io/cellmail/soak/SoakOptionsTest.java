/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SoakOptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void shouldRunTheFullSoakByDefaultWithANewSeedThatTheReplayCommandNames() {
        SoakOptions options = SoakOptions.parse(new String[0], ROOT);

        assertThat(options.kills()).isEqualTo(50);
        assertThat(options.alarms()).isEqualTo(500);
        assertThat(options.workDirectory()).isEqualTo(ROOT.resolve("soak/target/soak-run"));
        assertThat(options.distribution()).isEqualTo(ROOT.resolve("features/gateway/target/cellmail-gateway"));
        assertThat(options.out()).isEmpty();
        assertThat(options.commandLine()).endsWith("--seed " + options.seed());
    }

    @Test
    void shouldTakeTheShortRunsFiguresAndLetExplicitOptionsWin() {
        SoakOptions options = SoakOptions.parse(new String[] {"--short", "--kills", "6", "--seed", "42", "--out",
            "RELIABILITY.md"}, ROOT);

        assertThat(options.kills()).isEqualTo(6);
        assertThat(options.alarms()).isEqualTo(30);
        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.finalWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.out()).contains(Path.of("RELIABILITY.md"));
        assertThat(options.commandLine()).as("the replay command").isEqualTo("soak/run --short --kills 6 --seed 42");
    }

    @Test
    void shouldSpreadTheAlarmsSoThatBothTargetsAreMetTogether() {
        SoakOptions options = SoakOptions.parse(new String[] {"--kills", "50", "--alarms", "500"}, ROOT);

        assertThat(options.meanAlarmGap()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void shouldRefuseAWrongCommandLineAndAnswerHelp() {
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--kills", "0"}, ROOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--kills");
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--seed"}, ROOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SoakOptions.parse(new String[] {"--bogus"}, ROOT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--bogus");
        assertThat(SoakOptions.parse(new String[] {"--help"}, ROOT)).isNull();
    }
}
