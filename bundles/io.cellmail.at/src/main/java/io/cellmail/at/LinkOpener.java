/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens the engine's serial link; called again for every reopen, so a {@code /dev/serial/by-id} name or a host
 * name is resolved afresh each time (e.g. {@code () -> serialLinks.open(uri)}).
 */
@ConsumerType
@FunctionalInterface
public interface LinkOpener {

    /**
     * @return a newly opened link
     * @throws SerialLinkException if the link cannot be opened now; the engine retries with backoff
     */
    SerialLink open() throws SerialLinkException;
}
