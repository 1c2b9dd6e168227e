/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.util.ArrayList;
import java.util.List;

import com.google.errorprone.annotations.concurrent.GuardedBy;

/**
 * The AT lines of the engines the {@code auto} mailer used and closed (identifications, probes of its own, a
 * dialect's mailer whose bundle went away), the newest kept: the transcript an operator reads starts with how the
 * module was found. Thread-safe.
 */
final class KeptTranscript {

    private final int capacity;
    @GuardedBy("this")
    private final List<String> lines = new ArrayList<>();

    /** @param capacity how many lines are kept at most */
    KeptTranscript(int capacity) {
        this.capacity = capacity;
    }

    /** @param more lines to keep after those kept, the oldest dropped beyond the capacity */
    synchronized void keep(List<String> more) {
        lines.addAll(more);
        if (lines.size() > capacity) {
            lines.subList(0, lines.size() - capacity).clear();
        }
    }

    /** @return the lines kept, oldest first */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
