/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import java.util.List;

/** One sub-command of {@code cellmail}: {@code send}, {@code probe}, {@code at}, {@code emulate}. */
public interface CliCommand {

    /** @return the word that selects it, e.g. {@code send} */
    String name();

    /** @return one line for the command list of {@code cellmail --help} */
    String summary();

    /** @return the full help text, starting with a {@code Usage:} line */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's name
     * @param environment streams, environment variables and the stop signal
     * @return the exit code, normally {@link ExitCode#OK}
     * @throws UsageException when the command line is wrong
     * @throws HelpRequested when {@code --help} was given
     * @throws CommandFailure when the command could not do its job
     */
    int run(List<String> args, CliEnvironment environment) throws UsageException, HelpRequested, CommandFailure;
}
