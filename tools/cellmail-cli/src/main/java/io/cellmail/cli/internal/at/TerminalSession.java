/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import io.cellmail.cli.internal.CommandFailure;

/** One way of talking to the modem from the terminal: through the AT engine, or raw bytes. */
interface TerminalSession extends AutoCloseable {

    /**
     * Gets the modem ready to take commands.
     *
     * @throws CommandFailure if it does not answer in time
     */
    void open() throws CommandFailure;

    /**
     * Sends one typed line and prints the reply; returns when the reply is complete or its deadline passed.
     *
     * @param line the typed line, not blank
     * @param input more lines, for the payload of a data-mode upload
     */
    void execute(String line, LineSource input);

    /** Closes the link and stops the session's threads. */
    @Override
    void close();
}
