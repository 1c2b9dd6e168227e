/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The faults that hit one short message sent.
 *
 * @param delay how much later than its Ctrl-Z the answer comes
 * @param error the {@code +CMS ERROR} code it ends with instead of being delivered
 */
public record SmsFault(Duration delay, OptionalInt error) {

    public SmsFault {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(error, "error");
    }
}
