/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

    private static final Duration BASE = Duration.ofSeconds(30);
    private static final Duration CAP = Duration.ofMinutes(30);

    @ParameterizedTest(name = "after {0} failures: {1} s to {2} s")
    @CsvSource({
        "1,   30,   60",
        "2,   60,  120",
        "3,  120,  240",
        "4,  240,  480",
        "5,  480,  960",
        "6,  900, 1800",
        "7,  900, 1800",
        "50, 900, 1800"})
    void shouldDrawEachDelayFromHalfTheExponentialCeilingToTheCeiling(int failures, long fromSeconds,
            long toSeconds) {
        RetryPolicy policy = new RetryPolicy(BASE, CAP, new SplittableRandom(7));

        for (int draw = 0; draw < 200; draw++) {
            assertThat(policy.delayAfter(failures))
                    .isBetween(Duration.ofSeconds(fromSeconds), Duration.ofSeconds(toSeconds));
        }
    }

    @Test
    void shouldStayWithinBaseAndCapForAnyNumberOfFailures() {
        RetryPolicy policy = new RetryPolicy(BASE, CAP, new SplittableRandom(1));

        for (int failures = 1; failures < 10_000; failures += 37) {
            assertThat(policy.delayAfter(failures)).isBetween(BASE, CAP);
        }
        assertThat(policy.delayAfter(Integer.MAX_VALUE)).isBetween(BASE, CAP);
    }

    @Test
    void shouldJitterSoThatGatewaysFailingTogetherDoNotRetryTogether() {
        Set<Duration> firstRetries = new HashSet<>();
        for (int gateway = 0; gateway < 50; gateway++) {
            firstRetries.add(new RetryPolicy(BASE, CAP, new SplittableRandom(gateway)).delayAfter(1));
        }

        assertThat(firstRetries).hasSizeGreaterThan(40);
    }

    @Test
    void shouldRepeatTheSameDelaysForTheSameSeed() {
        RetryPolicy one = new RetryPolicy(BASE, CAP, new SplittableRandom(99));
        RetryPolicy two = new RetryPolicy(BASE, CAP, new SplittableRandom(99));

        for (int failures = 1; failures < 10; failures++) {
            assertThat(one.delayAfter(failures)).isEqualTo(two.delayAfter(failures));
        }
    }

    @Test
    void shouldUseTheBaseAlwaysWhenBaseEqualsCap() {
        RetryPolicy policy = new RetryPolicy(BASE, BASE, new SplittableRandom(3));

        assertThat(policy.delayAfter(1)).isEqualTo(BASE);
        assertThat(policy.delayAfter(9)).isEqualTo(BASE);
    }

    @Test
    void shouldRefuseZeroFailures() {
        RetryPolicy policy = new RetryPolicy(BASE, CAP, new SplittableRandom(3));

        assertThatThrownBy(() -> policy.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
