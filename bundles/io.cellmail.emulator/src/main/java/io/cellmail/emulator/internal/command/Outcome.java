/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Objects;

/**
 * How a command ended.
 *
 * @param kind which ending
 * @param line for {@link Kind#FINAL_LINE} the final line, e.g. {@code +CME ERROR: 10} or {@code DEACT OK}
 * @param upload for {@link Kind#DATA_MODE} what to receive after {@code CONNECT}
 * @param entry for {@link Kind#PROMPT} the message text to take after the prompt
 */
public record Outcome(Kind kind, String line, DataUpload upload, TextEntry entry) {

    private static final Outcome OK = new Outcome(Kind.OK, "", null, null);
    private static final Outcome ERROR = new Outcome(Kind.ERROR, "", null, null);

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(line, "line");
    }

    /** The endings of a command. */
    public enum Kind {
        /** Done; the line goes on, and ends with {@code OK}. */
        OK,
        /** Refused with {@code ERROR}; the rest of the line is not executed. */
        ERROR,
        /** Ended with a command-specific final line; the rest of the line is not executed. */
        FINAL_LINE,
        /** {@code OK} (GSM dialect only), {@code CONNECT}, then data mode; the rest of the line is not executed. */
        DATA_MODE,
        /** The SMS prompt, then the message text up to Ctrl-Z or ESC; the rest of the line is not executed. */
        PROMPT
    }

    public static Outcome ok() {
        return OK;
    }

    public static Outcome error() {
        return ERROR;
    }

    public static Outcome finalLine(String line) {
        return new Outcome(Kind.FINAL_LINE, line, null, null);
    }

    public static Outcome dataMode(DataUpload upload) {
        return new Outcome(Kind.DATA_MODE, "", Objects.requireNonNull(upload, "upload"), null);
    }

    public static Outcome prompt(TextEntry entry) {
        return new Outcome(Kind.PROMPT, "", null, Objects.requireNonNull(entry, "entry"));
    }
}
