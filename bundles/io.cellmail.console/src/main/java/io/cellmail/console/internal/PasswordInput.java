/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.felix.service.command.CommandSession;

/**
 * Where {@code cellmail:config password} gets a password from, never the command line: a file, or the terminal of
 * the session with echo off. A remote shell's terminal (Karaf's SSH and local console, Gogo's JLine shell) is the
 * JLine terminal the session carries; the Felix gateway's plain Gogo shell reads the JVM's own console. A session
 * without either (a script, a test, a telnet line) must give a file.
 */
final class PasswordInput {

    /** Far more than any password; only guards against reading a wrong, large file. */
    static final int LARGEST_FILE = 4096;
    /** The session variable under which Gogo's JLine shell and Karaf keep the session's terminal. */
    static final String TERMINAL_VARIABLE = ".jline.terminal";

    private PasswordInput() {
    }

    /**
     * @param file a file holding the password on its first line; one line break at its end is not part of it
     * @return the password, empty to clear it
     * @throws UsageException when the file cannot be read or holds more than one line; never with its content
     */
    static String fromFile(String file) throws UsageException {
        try {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("cannot read the password from " + file + ": no such file");
            }
            if (Files.size(path) > LARGEST_FILE) {
                throw new UsageException("cannot read the password from " + file + ": larger than " + LARGEST_FILE
                        + " bytes, not a password file");
            }
            String text = Files.readString(path, StandardCharsets.UTF_8);
            String password = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
                throw new UsageException("the password file " + file + " holds more than one line");
            }
            return password;
        } catch (IOException | InvalidPathException e) {
            // The exception names the file and the reason, never content.
            throw new UsageException("cannot read the password from " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param session the command's session
     * @param prompt what to ask
     * @return the password typed without echo, or empty when the session has no terminal to read it from
     * @throws UsageException when reading fails
     */
    @SuppressWarnings("SystemConsoleNull") // Java 17 (the baseline) gives null without a terminal
    static Optional<String> fromTerminal(CommandSession session, String prompt) throws UsageException {
        Object terminal = session == null ? null : session.get(TERMINAL_VARIABLE);
        if (terminal != null) {
            try {
                return JlineTerminalPassword.read(terminal, prompt);
            } catch (NoClassDefFoundError e) {
                // The session has a JLine terminal but this bundle is not wired to JLine: try the JVM's console.
            }
        }
        Console console = System.console();
        if (console != null && session != null && session.getKeyboard() == System.in) {
            char[] typed = console.readPassword("%s", prompt);
            return typed == null ? Optional.empty() : Optional.of(new String(typed));
        }
        return Optional.empty();
    }
}
