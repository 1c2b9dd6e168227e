/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.util.Objects;

/**
 * Why a link broke on its own.
 *
 * @param reason a short human-readable reason, safe to log
 * @param cause the I/O failure that revealed it, if any
 */
public record LinkLost(String reason, Throwable cause) {

    public LinkLost {
        Objects.requireNonNull(reason, "reason");
    }
}
