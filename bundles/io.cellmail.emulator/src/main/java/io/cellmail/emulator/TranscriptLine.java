/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a {@link ModuleTranscript}.
 *
 * @param time when the line was received or sent
 * @param direction who sent it
 * @param kind what it is: a text line, a data-mode payload summary or raw noise bytes
 * @param text the line without its CR/LF framing; control bytes escaped ({@code \r}, {@code \n}, {@code \xNN});
 *     passwords masked as {@code "****"}
 */
public record TranscriptLine(Instant time, Direction direction, Kind kind, String text) {

    public TranscriptLine {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** Who sent a line. */
    public enum Direction {
        /** From the host to the modem, shown as {@code <<}. */
        HOST_TO_MODEM("<<"),
        /** From the modem to the host, shown as {@code >>}. */
        MODEM_TO_HOST(">>");

        private final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }

        /** @return {@code <<} or {@code >>} */
        public String symbol() {
            return symbol;
        }
    }

    /** What a line holds. */
    public enum Kind {
        /** A text line: a command line, an echo, a response, a result or a URC. */
        LINE,
        /** The summary of a data-mode payload, e.g. {@code [data 2009 bytes]}; the bytes themselves are not kept. */
        DATA,
        /** Bytes that are not a line: injected garbage or NUL bytes. */
        RAW
    }

    /** @return e.g. {@code 2026-01-01T10:00:00.123Z << AT+CSQ} */
    @Override
    public String toString() {
        return time + " " + direction.symbol() + " " + text;
    }
}
