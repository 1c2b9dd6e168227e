/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One start of the gateway after a kill, on the same storage.
 *
 * @param number the start's number (1 for the first restart)
 * @param at when the process was started
 * @param module the module plugged in for this run
 * @param pending the ids whose outbox files waited when it started: the mail that must leave without anyone
 *        calling the service
 */
record Restart(int number, Instant at, String module, Set<String> pending) {

    Restart {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(module, "module");
        pending = Set.copyOf(pending);
    }
}
