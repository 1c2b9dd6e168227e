/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

/**
 * The SIM's PIN of the commands that drive the modem ({@code send}, {@code sms}): the driver enters it when the SIM
 * asks for it after a power-up. It comes from {@value #VARIABLE}, or {@code --sim-pin}, which other users can see
 * in the process list, and it is never printed: the driver masks it in its transcript and its messages.
 */
public final class SimPin {

    /** The environment variable holding the PIN, so that it is not on the command line. */
    public static final String VARIABLE = "CELLMAIL_SIM_PIN";
    /** The option that gives the PIN on the command line. */
    public static final String OPTION = "--sim-pin";

    private SimPin() {
    }

    /**
     * @param parsed the command line, whose options include {@value #OPTION}
     * @param environment for {@value #VARIABLE}
     * @return the PIN, empty for a SIM without PIN
     */
    public static String of(Options.Parsed parsed, CliEnvironment environment) {
        return parsed.value(OPTION).or(() -> environment.variable(VARIABLE)).orElse("");
    }

    /** @return the usage lines of the PIN, for a command's {@code --help} */
    public static String usage() {
        return String.join(System.lineSeparator(),
                "  --sim-pin PIN        the SIM's PIN, entered when the SIM asks for it (never printed); better",
                "                       $" + VARIABLE + ", since other users can see options in the process list");
    }
}
