/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.transcript;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import io.cellmail.emulator.ModuleTranscript;
import io.cellmail.emulator.TranscriptLine.Direction;
import io.cellmail.emulator.TranscriptLine.Kind;
import io.cellmail.emulator.TranscriptLine;
import io.cellmail.serial.SecretText;

/** The bounded, thread-safe {@link ModuleTranscript}: every text passes {@link SecretText} before it is stored. */
public final class TranscriptLog implements ModuleTranscript {

    private final Clock clock;
    private final int capacity;
    private final Deque<TranscriptLine> lines = new ArrayDeque<>();

    public TranscriptLog(Clock clock) {
        this(clock, CAPACITY);
    }

    TranscriptLog(Clock clock, int capacity) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    /** @param line a command-mode line the host sent, without its terminator */
    public void received(String line) {
        add(Direction.HOST_TO_MODEM, Kind.LINE, Escapes.escape(SecretText.mask(line)));
    }

    /** @param line a line the modem sent (response, result, URC or echo), without CR/LF framing */
    public void sent(String line) {
        add(Direction.MODEM_TO_HOST, Kind.LINE, Escapes.escape(SecretText.mask(line)));
    }

    /** @param bytes how many payload bytes the host sent in data mode */
    public void data(long bytes) {
        add(Direction.HOST_TO_MODEM, Kind.DATA, "[data " + bytes + " bytes]");
    }

    /** @param bytes noise the modem put on the line */
    public void noise(byte[] bytes) {
        add(Direction.MODEM_TO_HOST, Kind.RAW, Escapes.escape(bytes));
    }

    private synchronized void add(Direction direction, Kind kind, String text) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(new TranscriptLine(clock.instant(), direction, kind, text));
    }

    @Override
    public synchronized List<TranscriptLine> lines() {
        return List.copyOf(lines);
    }

    @Override
    public synchronized List<String> commands() {
        List<String> commands = new ArrayList<>();
        for (TranscriptLine line : lines) {
            if (line.direction() == Direction.HOST_TO_MODEM && line.kind() == Kind.LINE) {
                commands.add(line.text());
            }
        }
        return commands;
    }

    @Override
    public synchronized void clear() {
        lines.clear();
    }
}
