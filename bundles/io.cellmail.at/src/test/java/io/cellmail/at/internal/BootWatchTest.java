/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cellmail.at.Urc;

class BootWatchTest {

    private static final long SECOND = 1_000_000_000L;
    private static final UrcClassifier URCS = new UrcClassifier(List.of());

    private final BootWatch watch = new BootWatch(Duration.ofSeconds(30));

    @Test
    void shouldTakeTheBootUrcsOfOneBootForOneBoot() {
        watch.bootMayStart(0);

        assertThat(watch.startsNewBoot(urc("RDY"), 100 * SECOND)).isTrue();
        assertThat(watch.startsNewBoot(urc("+CFUN: 1"), 101 * SECOND)).isFalse();
        assertThat(watch.startsNewBoot(urc("Call Ready"), 110 * SECOND)).isFalse();
    }

    @Test
    void shouldAlwaysTakeRdyForANewBoot() {
        watch.bootMayStart(0);

        assertThat(watch.startsNewBoot(urc("RDY"), SECOND)).isTrue();
        assertThat(watch.startsNewBoot(urc("RDY"), 2 * SECOND)).isTrue();
    }

    @Test
    void shouldTakeCallReadyLongAfterTheLastBootForANewBoot() {
        watch.bootMayStart(0);

        assertThat(watch.startsNewBoot(urc("Call Ready"), 5 * SECOND)).as("right after the port opened").isFalse();
        assertThat(watch.startsNewBoot(urc("Call Ready"), 600 * SECOND)).isTrue();
    }

    private static Urc urc(String line) {
        Urc urc = URCS.classify(line).orElseThrow();
        assertThat(UrcClassifier.isBootIndicator(urc)).isTrue();
        return urc;
    }
}
