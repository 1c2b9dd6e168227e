/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

import java.util.Objects;

/**
 * One command of a command line.
 *
 * @param name upper-case name: {@code +QSMTPUSER} for extended commands, {@code E}, {@code I}, {@code &W} for
 *     basic ones, the empty string for a bare {@code AT}
 * @param form which of the four V.250 forms was used
 * @param arguments for {@link Form#WRITE} the text after {@code =} (spaces outside quotes removed); for basic
 *     commands their digits (e.g. "0" of {@code ATE0}); empty otherwise
 */
public record AtCommand(String name, Form form, String arguments) {

    public AtCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(arguments, "arguments");
    }

    /** The forms of a command. */
    public enum Form {
        /** {@code AT+X=?} */
        TEST,
        /** {@code AT+X?} */
        READ,
        /** {@code AT+X=...} */
        WRITE,
        /** {@code AT+X}, and every basic command such as {@code ATE0} */
        EXECUTE
    }

    /** @return the parameters of a write form @throws FormatException if they are malformed */
    public Params params() {
        return Params.parse(arguments);
    }

    @Override
    public String toString() {
        // The arguments may hold a password: never part of a log line.
        return name + "/" + form;
    }
}
