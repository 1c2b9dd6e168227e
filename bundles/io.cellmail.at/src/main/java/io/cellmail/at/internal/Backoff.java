/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Duration;

/** Exponential backoff between attempts to reopen the port: base, 2 base, 4 base, ... up to the cap. */
final class Backoff {

    private Backoff() {
    }

    /**
     * @param base the first delay
     * @param cap the longest delay
     * @param attempt zero-based number of the attempt
     * @return the delay before it
     */
    static Duration delay(Duration base, Duration cap, int attempt) {
        int doublings = Math.min(Math.max(attempt, 0), 30);
        long nanos = base.toNanos();
        long capNanos = cap.toNanos();
        for (int i = 0; i < doublings && nanos < capNanos; i++) {
            nanos = nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : nanos * 2;
        }
        return Duration.ofNanos(Math.min(nanos, capNanos));
    }
}
