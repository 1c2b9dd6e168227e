/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.serial.SecretText;

/**
 * Everything the {@code at} terminal shows: commands it sent (when echoing), lines from the modem, and its own
 * notes (prefixed {@code --}); the same lines, timestamped, go to the session log if there is one. Every line
 * passes {@link SecretText} first: no password reaches the screen or the log. Thread-safe: the engine's
 * notification thread prints URCs while the main thread prints replies.
 */
final class TerminalOutput implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TerminalOutput.class);

    private final PrintStream out;
    private final boolean echo;
    private final BufferedWriter log;
    private final Clock clock;

    private TerminalOutput(PrintStream out, boolean echo, BufferedWriter log, Clock clock) {
        this.out = out;
        this.echo = echo;
        this.log = log;
        this.clock = clock;
    }

    /**
     * @param out where the session is shown
     * @param echo whether commands are shown before their reply
     * @param logFile the session log to append to, if any
     * @return the output
     * @throws IOException if the log cannot be opened
     */
    static TerminalOutput open(PrintStream out, boolean echo, Optional<Path> logFile) throws IOException {
        Objects.requireNonNull(out, "out");
        BufferedWriter log = null;
        if (logFile.isPresent()) {
            log = Files.newBufferedWriter(logFile.get(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        return new TerminalOutput(out, echo, log, Clock.systemUTC());
    }

    /** @param line a command line or payload line going to the modem */
    synchronized void sent(String line) {
        String shown = SecretText.mask(line);
        if (echo) {
            out.println(shown);
        }
        log(">>", shown);
    }

    /** @param line a line from the modem */
    synchronized void received(String line) {
        String shown = SecretText.mask(line);
        out.println(shown);
        log("<<", shown);
    }

    /** @param text something the terminal itself says: a timeout, a lost link, what a code means */
    synchronized void note(String text) {
        String shown = SecretText.mask(text);
        out.println("-- " + shown);
        log("--", shown);
    }

    private void log(String direction, String line) {
        if (log == null) {
            return;
        }
        try {
            log.write(clock.instant() + " " + direction + " " + line);
            log.newLine();
            log.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session log", e);
        }
    }

    @Override
    public synchronized void close() {
        out.flush();
        if (log != null) {
            try {
                log.close();
            } catch (IOException e) {
                LOG.debug("Closing the session log failed", e);
            }
        }
    }
}
