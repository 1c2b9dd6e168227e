/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.time.Duration;

/** The one time bound of a demo run; every wait inside it gets what is left. */
final class Deadline {

    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static Deadline in(Duration total) {
        return new Deadline(total);
    }

    /** @return what is left, at least one millisecond so that waits stay well-formed */
    Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000L, endNanos - System.nanoTime()));
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    Duration total() {
        return total;
    }
}
