/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;

import io.cellmail.at.Transcript;
import io.cellmail.at.Transcript.Direction;
import io.cellmail.serial.SecretText;

/**
 * Keeps the most recent traffic, bounded. Callers hand it masked text; it masks again by the one rule set
 * ({@link SecretText}: a line the modem echoes or answers carries secrets too) and escapes control characters so a
 * transcript line is always one printable line.
 */
final class TranscriptRecorder {

    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<Transcript.Entry> entries;

    TranscriptRecorder(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    void sent(String maskedText) {
        add(Direction.SENT, maskedText);
    }

    /** @param maskedText a command line as {@link io.cellmail.at.AtCommand#maskedText()} shows it: masked already */
    void sentCommand(String maskedText) {
        append(Direction.SENT, escape(maskedText) + "\\r");
    }

    void received(String line) {
        add(Direction.RECEIVED, line);
    }

    void note(String text) {
        add(Direction.NOTE, text);
    }

    synchronized Transcript snapshot() {
        return new Transcript(List.copyOf(entries));
    }

    private void add(Direction direction, String text) {
        append(direction, escape(SecretText.mask(text)));
    }

    private synchronized void append(Direction direction, String shownText) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(new Transcript.Entry(clock.instant(), direction, shownText));
    }

    /**
     * @param text any text
     * @return the text with CR, LF, tab and backslash escaped C-style and other control characters as
     *     {@code \xNN}
     */
    static String escape(String text) {
        if (printable(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** @return true if no character of the text needs escaping (most lines): the text is kept as it is */
    private static boolean printable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
