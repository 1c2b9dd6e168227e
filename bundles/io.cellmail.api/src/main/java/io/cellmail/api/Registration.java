/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/** Network registration as {@code AT+CREG?} reports it, plus what cellmail knows of the SIM. */
public enum Registration {
    /** Not known yet. */
    UNKNOWN,
    /** No SIM, or the SIM failed. */
    NO_SIM,
    /** The SIM waits for its PIN and none is configured. */
    SIM_PIN_REQUIRED,
    /** The SIM waits for its PIN and refused the configured one; it is not entered again until it changes. */
    SIM_PIN_REJECTED,
    /** The SIM is blocked: it wants its PUK, which only an operator enters. */
    SIM_BLOCKED,
    /** Not registered and not searching. */
    NOT_REGISTERED,
    /** Searching for a network. */
    SEARCHING,
    /** Registration was denied. */
    DENIED,
    /** Registered on the home network. */
    HOME,
    /** Registered, roaming. */
    ROAMING;

    /** @return true when mail can go out over this registration */
    public boolean isRegistered() {
        return this == HOME || this == ROAMING;
    }
}
