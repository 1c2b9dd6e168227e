/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.EngineState;

/**
 * What any thread may ask of the engine: its lifecycle state and the modem's epoch (how many times it was
 * initialised). Changed only in the engine's turn; every change of state is told to the listeners.
 */
final class EngineStatus {

    private static final Logger LOG = LoggerFactory.getLogger(EngineStatus.class);

    private final String name;
    private final Notifier notifier;
    private volatile EngineState state = EngineState.STARTING;
    private volatile long epoch;

    EngineStatus(String name, Notifier notifier) {
        this.name = name;
        this.notifier = notifier;
    }

    /** @return the lifecycle state; any thread */
    EngineState state() {
        return state;
    }

    /** @return the epoch; any thread */
    long epoch() {
        return epoch;
    }

    /** @param newState the new state; listeners hear of it if it differs */
    void set(EngineState newState) {
        if (state != newState) {
            state = newState;
            LOG.debug("modem {} is {}", name, newState);
            notifier.stateChanged(newState);
        }
    }

    /** @return the epoch that begins now: the modem was (re)initialised */
    long nextEpoch() {
        long next = epoch + 1;
        epoch = next;
        return next;
    }
}
