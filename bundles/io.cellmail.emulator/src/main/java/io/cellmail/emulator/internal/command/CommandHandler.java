/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.FormatException;

/** Executes one command of a command line. */
@FunctionalInterface
public interface CommandHandler {

    /**
     * @param command the command, any of its four forms
     * @param context the modem's state and where the answer goes
     * @return how the command ended
     * @throws FormatException if the parameters are malformed: answered {@code ERROR}
     */
    Outcome execute(AtCommand command, CommandContext context);
}
