/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Objects;
import java.util.function.Function;

/**
 * The text of a short message the module is waiting for after its prompt: every byte up to Ctrl-Z (send) or ESC
 * (abandon) is text, whatever it looks like — a command line typed meanwhile is part of the message.
 *
 * @param hex the text is hexadecimal (PDU mode, UCS2 or 8-bit data, {@code AT+CSCS="UCS2"}): CR and LF are
 *     ignored; otherwise a CR is part of the text and the module answers it with a new prompt
 * @param submit makes a message of the text and sends it: the {@code +CMGS: <mr>} line and {@code OK}, or
 *     {@code +CMS ERROR: <n>}
 */
public record TextEntry(boolean hex, Function<byte[], DataUpload.Ended> submit) {

    public TextEntry {
        Objects.requireNonNull(submit, "submit");
    }
}
