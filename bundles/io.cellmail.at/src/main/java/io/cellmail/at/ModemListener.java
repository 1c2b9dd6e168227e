/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Lifecycle events of the modem behind an {@link AtChannel}, delivered in order on the engine's notification
 * thread. Methods must not block.
 */
@ConsumerType
public interface ModemListener {

    /**
     * The modem is initialised and accepts commands. A new epoch means the modem forgot everything configured
     * in an earlier one (it rebooted, or the port was reopened): a driver configures it again.
     *
     * @param epoch the new {@link AtChannel#epoch() epoch}
     */
    default void onReady(long epoch) {
    }

    /**
     * The modem rebooted or powered down (boot URCs, a power-down URC, or echo came back on).
     *
     * @param reason what revealed it, e.g. {@code RDY}
     */
    default void onRebooted(String reason) {
    }

    /**
     * The serial link broke; the engine reopens it with backoff.
     *
     * @param reason why, safe to log
     */
    default void onLinkLost(String reason) {
    }

    /** @param state the engine's new state */
    default void onStateChanged(EngineState state) {
    }
}
