/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Instant;
import java.util.Objects;

/**
 * A fault the soak armed.
 *
 * @param kind which fault
 * @param at when
 * @param module the module plugged in then
 * @param how the spec or action, e.g. {@code smtp-delay=12s}, and what came of it
 */
record ArmedFault(FaultKind kind, Instant at, String module, String how) {

    ArmedFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(how, "how");
    }

    @Override
    public String toString() {
        return at + " " + kind.description() + " (" + how + ") on the " + module + " module";
    }
}
