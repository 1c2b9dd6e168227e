/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that nothing announces (a file gaining a line, a directory emptying), checking it at a
 * short interval, never longer than a bound.
 */
final class BoundedWait {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private BoundedWait() {
    }

    /**
     * @param condition what to wait for
     * @param timeout the bound
     * @return whether the condition held before the bound
     * @throws InterruptedException when interrupted
     */
    static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(INTERVAL.toMillis(), left / 1_000_000)));
        }
    }
}
