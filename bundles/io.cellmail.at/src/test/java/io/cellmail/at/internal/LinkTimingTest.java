/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LinkTimingTest {

    private static final long MS = 1_000_000L;
    /** 1000 bytes a second: a byte is a millisecond. */
    private static final double KILOBYTE_A_SECOND = 1000;
    private static final long GRACE = 500 * MS;

    private final LinkTiming timing = new LinkTiming(KILOBYTE_A_SECOND, GRACE, -1, 0);

    @Test
    void shouldCountTheLineTimeOnceWhenTheWriteDrainedTheLineBeforeItReturned() {
        timing.handedOver(1000, 0);
        timing.written(1000, 5 * MS);

        // the write returned at 1005 ms, when its bytes had gone out: nothing is left
        assertThat(timing.lineFreeNanos()).isEqualTo(1005 * MS);
        assertThat(timing.busyNanos(1006 * MS)).isZero();
    }

    @Test
    void shouldKeepTheLineTimeAfterAWriteThatReturnedAtOnce() {
        timing.handedOver(1000, 0);
        timing.written(1000, 1 * MS);

        // buffered (TCP, in-JVM): returned at 2 ms, the bytes go out until 1001 ms
        assertThat(timing.busyNanos(2 * MS)).isEqualTo(999 * MS);
    }

    @Test
    void shouldQueueTheLineTimeOfWritesHandedOverBeforeTheLineWasFree() {
        timing.handedOver(1000, 0);
        timing.handedOver(500, 10 * MS);

        assertThat(timing.lineFreeNanos()).isEqualTo(1500 * MS);
        // the second write started only when the first returned, late (flow control paused the line)
        timing.written(1000, 0);
        timing.written(500, 1800 * MS);
        assertThat(timing.lineFreeNanos()).isEqualTo(2300 * MS);
    }

    @Test
    void shouldGiveAWriteTwiceItsLineTimeAndTheGraceAfterTheDeadlinesOfEarlierWrites() {
        assertThat(timing.handedOver(100, 0)).isEqualTo(200 * MS + GRACE);
        assertThat(timing.handedOver(3, 1 * MS)).isEqualTo(200 * MS + GRACE + 6 * MS + GRACE);
        // once the earlier deadlines are past, a write's budget counts from when it is handed over
        assertThat(timing.handedOver(3, 10_000 * MS)).isEqualTo(10_000 * MS + 6 * MS + GRACE);
    }

    @Test
    void shouldHaveNoLineTimeWithoutALineRate() {
        LinkTiming unrated = new LinkTiming(0, GRACE, -1, 0);

        unrated.handedOver(100_000, 0);

        assertThat(unrated.busyNanos(0)).isZero();
        assertThat(unrated.lineNanos(100_000)).isZero();
    }

    @Test
    void shouldAllowNothingExtraBeforeTheFirstRoundTrip() {
        assertThat(timing.allowanceNanos()).isZero();
        assertThat(timing.roundTrips()).isZero();
    }

    @Test
    void shouldAllowTheSmoothedRoundTripAndFourDeviations() {
        timing.roundTrip(100 * MS);

        // first sample: mean 100, deviation 50
        assertThat(timing.allowanceNanos()).isEqualTo(300 * MS);

        for (int i = 0; i < 40; i++) {
            timing.roundTrip(100 * MS);
        }
        // steady: the deviation fades, the allowance approaches the round trip
        assertThat(Duration.ofNanos(timing.allowanceNanos())).isBetween(Duration.ofMillis(100),
                Duration.ofMillis(101));
        assertThat(timing.smoothedRoundTripNanos()).isEqualTo(100 * MS);
    }

    @Test
    void shouldWidenTheAllowanceWhenTheRoundTripJitters() {
        for (int i = 0; i < 20; i++) {
            timing.roundTrip((i % 2 == 0 ? 50 : 250) * MS);
        }

        assertThat(timing.allowanceNanos()).isGreaterThan(250 * MS);
    }

    @Test
    void shouldGiveTheGuardTimesOnlyWhatASteadyRoundTripVariesBy() {
        assertThat(timing.jitterNanos()).as("nothing measured yet").isZero();
        for (int i = 0; i < 40; i++) {
            timing.roundTrip(40 * MS);
        }

        assertThat(timing.allowanceNanos()).isGreaterThanOrEqualTo(40 * MS);
        assertThat(timing.jitterNanos()).isLessThan(1 * MS);

        timing.roundTrip(400 * MS);
        assertThat(timing.jitterNanos()).as("a delay that varies widens the guard").isGreaterThan(100 * MS);
    }

    @Test
    void shouldUseAKnownVariationInsteadOfTheMeasuredOne() {
        LinkTiming known = new LinkTiming(KILOBYTE_A_SECOND, GRACE, 2 * MS, 0);

        assertThat(known.jitterNanos()).as("known before any measurement").isEqualTo(2 * MS);
        known.roundTrip(10 * MS);
        known.roundTrip(400 * MS);

        // the round trip is still measured; only its variation is the one given
        assertThat(known.jitterNanos()).isEqualTo(2 * MS);
        assertThat(known.allowanceNanos()).isEqualTo(known.smoothedRoundTripNanos() + 2 * MS);
        assertThat(known.smoothedRoundTripNanos()).isGreaterThan(10 * MS);
    }
}
