/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A control for the framer benchmark: the engine's framing rules — a line ends at CR, LF or CR LF, NUL bytes are
 * dropped, lines are trimmed, empty lines vanish, an over-long line is skipped to its end — written independently
 * over a plain growable byte array. It shows what framing these bytes costs on this machine, so that the
 * framer's own figure can be judged. Benchmark code only; the engine does not use it.
 */
final class ControlFramer {

    private final int maxLineLength;
    private byte[] line = new byte[256];
    private int length;
    private boolean skipping;

    ControlFramer(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    void feed(byte[] bytes, int offset, int count, Consumer<String> sink) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (b == 0) {
                continue;
            }
            if (b == '\r' || b == '\n') {
                if (!skipping && length > 0) {
                    String text = new String(line, 0, length, StandardCharsets.UTF_8).strip();
                    if (!text.isEmpty()) {
                        sink.accept(text);
                    }
                }
                length = 0;
                skipping = false;
            } else if (!skipping) {
                if (length >= maxLineLength) {
                    length = 0;
                    skipping = true;
                } else {
                    if (length == line.length) {
                        line = Arrays.copyOf(line, length * 2);
                    }
                    line[length++] = b;
                }
            }
        }
    }
}
