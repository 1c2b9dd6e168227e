/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

import java.nio.charset.StandardCharsets;

/**
 * Collects command-mode bytes into lines. CR or LF ends a line (so CR LF, CR and LF all work, and an empty line
 * is ignored); NUL bytes are dropped; backspace deletes the last character. A line longer than
 * {@value #MAX_LINE} bytes is marked overflowed and answered {@code ERROR}. Bytes are kept as ISO-8859-1 chars so
 * every byte value survives.
 */
public final class LineAssembler {

    /** Longest command line accepted, in bytes. */
    public static final int MAX_LINE = 1024;

    private final StringBuilder line = new StringBuilder();
    private boolean overflowed;

    /**
     * A complete line.
     *
     * @param text the line without its terminator
     * @param terminator the CR or LF that ended it
     * @param overflowed true if the line was longer than {@link #MAX_LINE} and was cut
     */
    public record ReceivedLine(String text, char terminator, boolean overflowed) {
    }

    /**
     * @param b one received byte
     * @return the completed line if {@code b} ended one, else null
     */
    public ReceivedLine offer(byte b) {
        char c = (char) (b & 0xff);
        if (c == '\r' || c == '\n') {
            if (line.length() == 0 && !overflowed) {
                return null;
            }
            ReceivedLine complete = new ReceivedLine(line.toString(), c, overflowed);
            reset();
            return complete;
        }
        if (c == 0) {
            return null;
        }
        if (c == '\b') {
            if (line.length() > 0) {
                line.setLength(line.length() - 1);
            }
        } else if (line.length() < MAX_LINE) {
            line.append(c);
        } else {
            overflowed = true;
        }
        return null;
    }

    /** Drops a partly received line, as a reboot does. */
    public void reset() {
        line.setLength(0);
        overflowed = false;
    }

    /** @return the bytes of a line in the ISO-8859-1 mapping used by {@link ReceivedLine#text()} */
    public static byte[] bytesOf(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
