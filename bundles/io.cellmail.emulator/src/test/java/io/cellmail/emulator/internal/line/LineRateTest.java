/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Pacing to the line rate with an invented clock. */
class LineRateTest {

    private long now;
    private final List<Long> sleeps = new ArrayList<>();
    private final LineRate rate = new LineRate(11_520, () -> now, nanos -> {
        sleeps.add(nanos);
        now += nanos;
    });

    @Test
    void shouldTakeTheLineTimeOfTheBytes() throws InterruptedException {
        rate.pace(1152);

        assertThat(sleeps).containsExactly(100_000_000L);
    }

    @Test
    void shouldNotOweTimeAfterTheLineWasIdle() throws InterruptedException {
        rate.pace(1152);
        now += 1_000_000_000L;
        rate.pace(1152);

        assertThat(sleeps).containsExactly(100_000_000L, 100_000_000L);
    }

    @Test
    void shouldSendQueuedBytesBackToBackThoughThePacingThreadWokeLate() throws InterruptedException {
        rate.pace(1152);
        now += 5_000_000L; // the sleep overshot, or the thread waited for a core
        rate.pace(1152, true);

        assertThat(sleeps).as("the second 100 ms start where the first ended").containsExactly(100_000_000L,
                95_000_000L);
    }

    @Test
    void shouldStartBytesThatWereNotWaitingWhenTheyCame() throws InterruptedException {
        rate.pace(1152);
        now += 5_000_000L;
        rate.pace(1152, false);

        assertThat(sleeps).containsExactly(100_000_000L, 100_000_000L);
    }

    @Test
    void shouldMoveAbout10MillisecondsOfBytesAtATime() {
        assertThat(rate.chunkSize()).isEqualTo(115);
        assertThat(new LineRate(30, () -> 0, n -> { }).chunkSize()).as("300 baud").isEqualTo(1);
        assertThat(LineRate.unlimited().isUnlimited()).isTrue();
    }
}
