/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import io.cellmail.emulator.TranscriptLine;

/**
 * One line of an emulated module's transcript, with the module that heard or said it.
 *
 * @param module which module ({@code strict} or {@code lenient})
 * @param line the line
 */
record HeardLine(String module, TranscriptLine line) {

    HeardLine {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(line, "line");
    }

    Instant time() {
        return line.time();
    }

    /** @return whether the host sent this command line */
    boolean fromHost() {
        return line.direction() == TranscriptLine.Direction.HOST_TO_MODEM && line.kind() == TranscriptLine.Kind.LINE;
    }

    /** @return whether the module said this line */
    boolean fromModule() {
        return line.direction() == TranscriptLine.Direction.MODEM_TO_HOST && line.kind() == TranscriptLine.Kind.LINE;
    }

    /** @return the text upper-cased without spaces, as the module matches commands */
    String compact() {
        return line.text().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** @return whether the host asked for a mail to be sent ({@code AT+QSMTPPUT} or {@code AT+QSMTPPUT=<n>}) */
    boolean isPutCommand() {
        String compact = compact();
        return fromHost() && (compact.equals("AT+QSMTPPUT") || compact.matches("AT\\+QSMTPPUT=\\d+"));
    }

    @Override
    public String toString() {
        return module + " " + line;
    }
}
