/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one benchmark operation moved; JMH reports each field as a rate per second next to the operations, so
 * bytes per second come out of the measurement itself rather than from a size multiplied afterwards.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class ByteCounters {

    /** Bytes from the modem that the host processed. */
    public long modemBytes;
    /** Bytes that crossed the line in either direction (commands, payloads and replies). */
    public long lineBytes;
    /** AT commands completed (the engine replay). */
    public long commands;

    /** Zeroes the counters before each iteration, as JMH expects of operation counters. */
    @Setup(Level.Iteration)
    public void reset() {
        modemBytes = 0;
        lineBytes = 0;
        commands = 0;
    }
}
