/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

/** Where the engine is in the modem's lifecycle. */
public enum EngineState {
    /** Not started yet, or opening the port for the first time. */
    STARTING,
    /** Port open; synchronising with {@code AT} probes and initialising ({@code ATV1}, {@code ATE0}, {@code AT+CMEE=1}). */
    SYNCING,
    /** Initialised; commands are sent. */
    READY,
    /** After a timeout or cancellation: probing with {@code AT} until a clean {@code OK}, consuming late replies. */
    RESYNCING,
    /** The port was lost or given up; reopening it with backoff. */
    REOPENING,
    /** Closed; every command fails with {@link AtException.Kind#CLOSED}. */
    CLOSED
}
