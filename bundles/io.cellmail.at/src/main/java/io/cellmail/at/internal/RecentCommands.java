/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.ArrayDeque;
import java.util.Optional;

import io.cellmail.at.AtCommand;

/**
 * The last few commands sent, to recognise their echo. Not only the last one: the echo of a command that timed
 * out may arrive after the first probe was sent, and it may carry a password that must be masked, never shown.
 */
final class RecentCommands {

    private static final int KEPT = 4;

    private final ArrayDeque<AtCommand> commands = new ArrayDeque<>(KEPT);

    void add(AtCommand command) {
        if (commands.size() == KEPT) {
            commands.removeFirst();
        }
        commands.addLast(command);
    }

    void clear() {
        commands.clear();
    }

    /**
     * @param line a received line
     * @return the recent command it echoes, newest first
     */
    Optional<AtCommand> echoedBy(String line) {
        var newestFirst = commands.descendingIterator();
        while (newestFirst.hasNext()) {
            AtCommand command = newestFirst.next();
            if (command.text().strip().equals(line)) {
                return Optional.of(command);
            }
        }
        return Optional.empty();
    }
}
