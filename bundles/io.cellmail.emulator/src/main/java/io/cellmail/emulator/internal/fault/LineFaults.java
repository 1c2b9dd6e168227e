/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The faults that hit one command line.
 *
 * @param rebootBefore reboot instead of answering
 * @param mute no answer at all, the line is not executed
 * @param delay extra delay before the answer
 * @param urcsInReply URC lines to put between the information lines and the final result code
 * @param rebootAfter reboot right after the immediate answer
 * @param refuse answer {@code ERROR} without executing the line
 */
public record LineFaults(boolean rebootBefore, boolean mute, Duration delay, List<String> urcsInReply,
        boolean rebootAfter, boolean refuse) {

    /** No fault. */
    public static final LineFaults NONE = new LineFaults(false, false, Duration.ZERO, List.of(), false, false);

    public LineFaults {
        Objects.requireNonNull(delay, "delay");
        urcsInReply = List.copyOf(urcsInReply);
    }
}
