/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives unsolicited result codes, in arrival order, on the engine's notification thread. */
@ConsumerType
@FunctionalInterface
public interface UrcListener {

    /**
     * Called for every URC and for every line that belonged to no command. Must not block: it runs on the
     * thread that also completes command futures.
     *
     * @param urc the unsolicited line
     */
    void onUrc(Urc urc);
}
