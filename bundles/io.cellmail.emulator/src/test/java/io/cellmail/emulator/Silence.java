/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * The guard silence around {@code +++} is a protocol element made of time: a test must let it pass. This awaits
 * the moment {@code length} has elapsed since the last write, by polling the clock rather than sleeping blindly.
 */
final class Silence {

    private long lastWrite = System.nanoTime();

    /** Marks a write to the modem. */
    void wrote() {
        lastWrite = System.nanoTime();
    }

    /** Returns once {@code length} has passed since the last write. */
    void keep(Duration length) {
        await().atMost(length.multipliedBy(10).plusSeconds(1)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.nanoTime() - lastWrite >= length.toNanos());
    }
}
