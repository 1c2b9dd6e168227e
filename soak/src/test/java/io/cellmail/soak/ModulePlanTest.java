/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModulePlanTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261205, -7})
    void shouldPlugTheLenientModuleInForSomeKilledRunsButNeverTheFirstOrTheFinalOne(long seed) {
        for (int kills : new int[] {2, 4, 50}) {
            ModulePlan plan = new ModulePlan(kills, new Random(seed));

            long lenient = IntStream.range(0, kills).filter(plan::lenient).count();
            assertThat(plan.lenient(0)).isFalse();
            assertThat(plan.lenient(kills)).as("the final run").isFalse();
            assertThat(lenient).as("kills " + kills).isBetween(1L, (long) Math.max(1, kills / 5 + 1));
        }
    }
}
