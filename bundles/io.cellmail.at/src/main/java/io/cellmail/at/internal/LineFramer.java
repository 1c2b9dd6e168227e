package io.cellmail.at.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Turns the modem's byte stream into lines. A line ends at CR, LF or CR LF; NUL bytes are dropped anywhere;
 * spaces and tabs around a line are trimmed and empty lines dropped; a line longer than the cap is reported
 * once as an overflow and skipped up to its line end. In prompt mode a {@code >} at the start of a line is
 * reported as a prompt at once, since the modem sends it without a line end (a space after it makes an empty
 * line and vanishes). The output depends only on the bytes, never on how they were split into chunks.
 *
 * <p>Not thread-safe: fed by the engine thread only.
 */
public final class LineFramer {

    /** Receives what the framer recognises. */
    public interface Sink {
        /** @param line a complete, trimmed, non-empty line */
        void line(String line);

        /** A {@code >} prompt at the start of a line, in prompt mode. */
        void prompt();

        /** A line exceeded the cap; its bytes up to the next line end are dropped. */
        void overflow();
    }

    private final int maxLineLength;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean skipping;
    private boolean promptMode;

    /** @param maxLineLength the longest line, in bytes */
    public LineFramer(int maxLineLength) {
        if (maxLineLength < 1) {
            throw new IllegalArgumentException("maxLineLength must be positive");
        }
        this.maxLineLength = maxLineLength;
    }

    /** @param enabled whether a {@code >} at the start of a line is a prompt */
    public void promptMode(boolean enabled) {
        this.promptMode = enabled;
    }

    /** Forgets a partial line, e.g. after the link was reopened. */
    public void reset() {
        pending.reset();
        skipping = false;
    }

    /**
     * @param bytes received bytes
     * @param offset where they start
     * @param length how many
     * @param sink receives lines, prompts and overflows in order
     */
    public void feed(byte[] bytes, int offset, int length, Sink sink) {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == 0) {
                continue;
            }
            if (b == '\r' || b == '\n') {
                endLine(sink);
            } else if (skipping) {
                continue;
            } else if (b == '>' && promptMode && pending.size() == 0) {
                sink.prompt();
            } else if (pending.size() >= maxLineLength) {
                pending.reset();
                skipping = true;
                sink.overflow();
            } else {
                pending.write(b);
            }
        }
    }

    private void endLine(Sink sink) {
        if (skipping) {
            skipping = false;
            return;
        }
        if (pending.size() == 0) {
            return;
        }
        String line = pending.toString(StandardCharsets.UTF_8).strip();
        pending.reset();
        if (!line.isEmpty()) {
            sink.line(line);
        }
    }
}
