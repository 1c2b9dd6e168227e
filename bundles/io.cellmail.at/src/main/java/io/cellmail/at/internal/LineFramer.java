/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.nio.charset.StandardCharsets;

/**
 * Turns the modem's byte stream into lines. A line ends at CR, LF or CR LF; NUL bytes are dropped anywhere;
 * spaces and tabs around a line are trimmed and empty lines dropped; a line longer than the cap is reported
 * once as an overflow and skipped up to its line end. In prompt mode a {@code >} at the start of a line is
 * reported as a prompt at once, since the modem sends it without a line end (a space after it makes an empty
 * line and vanishes). The output depends only on the bytes, never on how they were split into chunks.
 *
 * <p>A line that began arriving before the last command was sent ({@link #commandSent(long)}) cannot be part of
 * that command's reply: it is noise, or the tail of something earlier, and is reported through
 * {@link Sink#earlierLine(String)}. Without this, line noise without a line end (or the rest of a chunk that was
 * still being framed when the next command went out) would be completed by the reply's leading CR LF and taken
 * for the reply's first info line.
 *
 * <p>Not thread-safe: fed by the engine thread only.
 */
public final class LineFramer {

    /** Receives what the framer recognises. */
    public interface Sink {
        /** @param line a complete, trimmed, non-empty line that began after the last command was sent */
        void line(String line);

        /** @param line a complete, trimmed, non-empty line that began arriving before the last command was sent */
        void earlierLine(String line);

        /** A {@code >} prompt at the start of a line, in prompt mode. */
        void prompt();

        /** A line exceeded the cap; its bytes up to the next line end are dropped. */
        void overflow();
    }

    private final int maxLineLength;
    // A plain array, not a ByteArrayOutputStream: this runs for every received byte, and the stream's
    // synchronized methods cost more than all the framing (measured in benchmarks/, figure 1).
    private final byte[] pending;
    private int pendingLength;
    private boolean skipping;
    private boolean promptMode;
    /** When the chunk holding the first byte of the pending line arrived. */
    private long lineBeganNanos;
    private long lastSentNanos = Long.MIN_VALUE;

    /** @param maxLineLength the longest line, in bytes */
    public LineFramer(int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive");
        }
        this.maxLineLength = maxLineLength;
        this.pending = new byte[maxLineLength];
    }

    /** @param enabled whether a {@code >} at the start of a line is a prompt */
    public void promptMode(boolean enabled) {
        this.promptMode = enabled;
    }

    /** Forgets a partial line, e.g. after the link was reopened. */
    public void reset() {
        pendingLength = 0;
        skipping = false;
    }

    /**
     * @param sentNanos when a command was written, on the clock of the arrival times given to {@link #feed}; lines
     *     that began arriving before it are {@link Sink#earlierLine earlier lines} from now on
     */
    public void commandSent(long sentNanos) {
        this.lastSentNanos = sentNanos;
    }

    /**
     * @param bytes received bytes
     * @param offset where they start
     * @param length how many
     * @param arrivalNanos when they were read from the link (monotonic clock)
     * @param sink receives lines, prompts and overflows in order
     */
    public void feed(byte[] bytes, int offset, int length, long arrivalNanos, Sink sink) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                continue;
            }
            if (b == '\r' || b == '\n') {
                endLine(sink);
            } else if (skipping) {
                // the rest of an overlong line is dropped up to its end
            } else if (b == '>' && promptMode && pendingLength == 0) {
                sink.prompt();
            } else if (pendingLength >= maxLineLength) {
                pendingLength = 0;
                skipping = true;
                sink.overflow();
            } else {
                if (pendingLength == 0) {
                    lineBeganNanos = arrivalNanos;
                }
                pending[pendingLength++] = b;
            }
        }
    }

    private void endLine(Sink sink) {
        if (skipping) {
            skipping = false;
            return;
        }
        if (pendingLength == 0) {
            return;
        }
        String line = new String(pending, 0, pendingLength, StandardCharsets.UTF_8).strip();
        pendingLength = 0;
        if (line.isEmpty()) {
            return;
        }
        if (lineBeganNanos < lastSentNanos) {
            sink.earlierLine(line);
        } else {
            sink.line(line);
        }
    }
}
