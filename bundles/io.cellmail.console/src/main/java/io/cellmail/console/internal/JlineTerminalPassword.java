/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.IOException;
import java.util.Optional;

import org.jline.terminal.Terminal;

/**
 * Reads a password from a JLine terminal with echo off: Karaf's SSH and local console and Gogo's JLine shell keep
 * one in the session. Loaded only when a session carries a terminal, so that the bundle works without JLine (its
 * import is optional).
 */
final class JlineTerminalPassword {

    private JlineTerminalPassword() {
    }

    /**
     * @param candidate the session's terminal variable
     * @param prompt what to ask
     * @return the line typed, or empty when the variable is no JLine terminal
     * @throws UsageException when the terminal fails or closes before a line is typed
     */
    static Optional<String> read(Object candidate, String prompt) throws UsageException {
        if (!(candidate instanceof Terminal terminal)) {
            return Optional.empty();
        }
        boolean echo = terminal.echo(false);
        try {
            terminal.writer().print(prompt);
            terminal.writer().flush();
            StringBuilder line = new StringBuilder();
            while (true) {
                int c = terminal.reader().read();
                if (c < 0) {
                    throw new UsageException("the terminal closed before the password was typed");
                }
                if (c == '\r' || c == '\n') {
                    break;
                }
                if ((c == 127 || c == 8) && line.length() > 0) {
                    line.setLength(line.length() - 1);
                } else if (c >= ' ') {
                    line.append((char) c);
                }
            }
            return Optional.of(line.toString());
        } catch (IOException e) {
            throw new UsageException("cannot read the password from the terminal: " + e.getClass().getSimpleName());
        } finally {
            terminal.echo(echo);
            terminal.writer().println();
            terminal.writer().flush();
        }
    }
}
