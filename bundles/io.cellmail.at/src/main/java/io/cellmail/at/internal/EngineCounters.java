/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.concurrent.atomic.AtomicLong;

import io.cellmail.at.AtCounters;

/** The engine's counters: written by the engine thread, read as a snapshot from any thread. */
final class EngineCounters {

    final AtomicLong commands = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong timeouts = new AtomicLong();
    final AtomicLong cancellations = new AtomicLong();
    final AtomicLong resyncs = new AtomicLong();
    final AtomicLong reboots = new AtomicLong();
    final AtomicLong reopens = new AtomicLong();
    final AtomicLong urcs = new AtomicLong();
    final AtomicLong droppedLines = new AtomicLong();

    AtCounters snapshot() {
        return new AtCounters(commands.get(), errors.get(), timeouts.get(), cancellations.get(), resyncs.get(),
                reboots.get(), reopens.get(), urcs.get(), droppedLines.get());
    }
}
