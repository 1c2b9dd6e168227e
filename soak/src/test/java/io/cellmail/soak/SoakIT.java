/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short soak, part of {@code mvn verify}: the gateway this build assembled, run as a separate process with the
 * soak's alarm bundle, killed with SIGKILL a few times over a few dozen alarms while faults are armed at random.
 * The seed is fixed (override with {@code -Dsoak.seed=N}) and printed; {@code soak/run --short --seed N} replays
 * the same alarms, faults and kill kinds.
 */
class SoakIT {

    /** The short run's seed unless -Dsoak.seed says otherwise. */
    private static final long SEED = 20261205L;

    private static SoakOptions options;
    private static Soak.Result result;
    private static String report;

    @BeforeAll
    static void runTheShortSoak() throws Exception {
        Path root = Path.of(System.getProperty("cellmail.root", "..")).toAbsolutePath().normalize();
        options = SoakOptions.shortRun(root, Long.getLong("soak.seed", SEED))
                .withWorkDirectory(Path.of(System.getProperty("soak.work", "target/soak-it")).toAbsolutePath());
        result = new Soak(options, root, System.out).run();
        report = "seed " + options.seed() + " (replay: " + options.commandLine() + "); evidence in "
                + result.workDirectory() + System.lineSeparator() + result.report().render(true);
        System.out.println(report);
    }

    @Test
    void shouldHaveKilledTheGatewayAndHadTheAlarmsAcceptedItWasAskedFor() {
        assertThat(result.figures().kills()).as(report).isGreaterThanOrEqualTo(options.kills());
        assertThat(result.figures().accepted()).as(report).isGreaterThanOrEqualTo(options.alarms());
    }

    @Test
    void shouldLoseNoAcceptedAlarm() {
        assertThat(result.figures().lost()).as(report).isEmpty();
    }

    @Test
    void shouldDuplicateOnlyWhereAResultWasLostToAKillAModuleRebootOrADroppedLinkDuringItsPut() {
        assertThat(result.figures().unexplainedDuplicates()).as(report).isEmpty();
    }

    @Test
    void shouldNeverRunAlarmTextAsAtCommandsNorDeliverItAltered() {
        assertThat(result.figures().injections()).as(report).isEmpty();
        assertThat(result.figures().alteredEscapeText()).as(report).isEmpty();
    }
}
