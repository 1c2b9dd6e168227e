/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

/** The V.250 final result codes the module uses, with their verbose text and their numeric ({@code ATV0}) code. */
public enum FinalCode {
    OK("OK", 0),
    CONNECT("CONNECT", 1),
    ERROR("ERROR", 4);

    private final String text;
    private final int numeric;

    FinalCode(String text, int numeric) {
        this.text = text;
        this.numeric = numeric;
    }

    /** @return e.g. "OK" */
    public String text() {
        return text;
    }

    /** @return e.g. 0 for OK */
    public int numeric() {
        return numeric;
    }
}
