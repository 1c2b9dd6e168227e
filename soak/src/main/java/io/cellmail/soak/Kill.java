/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Instant;
import java.util.Objects;

/**
 * A SIGKILL the soak sent.
 *
 * @param number the kill's number, from 1
 * @param kind when in the gateway's life it was meant to land
 * @param at when the signal was sent
 * @param gatewayStartedAt when the killed gateway had been started
 * @param note what happened, e.g. that no PUT came and the kill fell back to a timed one
 */
record Kill(int number, KillKind kind, Instant at, Instant gatewayStartedAt, String note) {

    Kill {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(gatewayStartedAt, "gatewayStartedAt");
        Objects.requireNonNull(note, "note");
    }

    @Override
    public String toString() {
        return "kill #" + number + " at " + at + " " + kind.description() + (note.isEmpty() ? "" : " (" + note + ")");
    }
}
