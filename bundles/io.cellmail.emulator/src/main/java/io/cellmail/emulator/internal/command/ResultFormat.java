/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

/**
 * Formats result lines ({@code +QSMTPPUT:0}). The spec's examples show deferred and data-mode results without a
 * space after the colon while its syntax tables show one; real modules differ, so it is a setting.
 */
public final class ResultFormat {

    private final boolean compact;

    /** @param compact true for {@code +QSMTPPUT:0}, false for {@code +QSMTPPUT: 0} */
    public ResultFormat(boolean compact) {
        this.compact = compact;
    }

    /** @return e.g. {@code +QSMTPDST:0} */
    public String format(String name, int value) {
        return name + (compact ? ":" : ": ") + value;
    }
}
