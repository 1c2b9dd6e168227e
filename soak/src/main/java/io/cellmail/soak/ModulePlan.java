/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Which gateway runs find the lenient module plugged in: in every block of up to ten runs, one or two consecutive
 * runs at a random place (never the first run of the soak, never the final one), as when a module is swapped for
 * one with other firmware and back.
 */
final class ModulePlan {

    private static final int BLOCK = 10;

    private final Set<Integer> lenientRuns = new HashSet<>();

    /**
     * @param killedRuns how many runs end in a kill (the final run comes after them)
     * @param random the soak's seeded source
     */
    ModulePlan(int killedRuns, Random random) {
        for (int blockStart = 1; blockStart < killedRuns; blockStart += BLOCK) {
            int blockEnd = Math.min(blockStart + BLOCK, killedRuns);
            int start = blockStart + random.nextInt(blockEnd - blockStart);
            int length = 1 + (blockEnd - blockStart >= 4 ? random.nextInt(2) : 0);
            for (int run = start; run < Math.min(start + length, killedRuns); run++) {
                lenientRuns.add(run);
            }
        }
    }

    /**
     * @param run the gateway run, 0 for the first start
     * @return whether the lenient module is plugged in for it
     */
    boolean lenient(int run) {
        return lenientRuns.contains(run);
    }
}
