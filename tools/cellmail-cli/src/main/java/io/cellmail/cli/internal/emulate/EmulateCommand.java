/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.emulate;

import io.cellmail.cli.internal.CliCommand;
import io.cellmail.cli.internal.CliEnvironment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.HelpRequested;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.emulator.internal.frontend.EmulatorOptions;
import io.cellmail.emulator.internal.frontend.StandaloneEmulator;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cellmail emulate}: the emulated module behind TCP or a pseudo-terminal until the process is stopped,
 * with the emulator's own command line ({@link EmulatorOptions}) and front ends. Prints one line,
 * {@code cellmail emulator listening on <where>}, once hosts can connect.
 */
public final class EmulateCommand implements CliCommand {

    private static final Logger LOG = LoggerFactory.getLogger(EmulateCommand.class);

    /** The start of the line printed once the emulator accepts hosts; scripts wait for it. */
    public static final String LISTENING = "cellmail emulator listening on ";

    @Override
    public String name() {
        return "emulate";
    }

    @Override
    public String summary() {
        return "run the Quectel GSM SMTP modem emulator on TCP or a pseudo-terminal, with fault flags";
    }

    @Override
    public String usage() {
        // The emulator's own text, with this command's name instead of the standalone jar's.
        String options = EmulatorOptions.USAGE.lines().skip(1).collect(Collectors.joining(System.lineSeparator()));
        return String.join(System.lineSeparator(),
                "Usage: cellmail emulate (--listen HOST:PORT | --pty PATH) [options]",
                options,
                "Runs until stopped (Ctrl-C, SIGTERM). Prints '" + LISTENING + "<HOST:PORT or PATH>' when ready.",
                "Example: cellmail emulate --listen 127.0.0.1:7000 --smtp 127.0.0.1:2525 --fault auth-failure");
    }

    @Override
    public int run(List<String> args, CliEnvironment environment)
            throws UsageException, HelpRequested, CommandFailure {
        EmulatorOptions options;
        try {
            options = EmulatorOptions.parse(args.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (options.help()) {
            throw new HelpRequested();
        }
        try (StandaloneEmulator emulator = start(options)) {
            environment.out().println(LISTENING + emulator.location());
            environment.out().flush();
            // Runs until stopped; the front end and the module close on the way out.
            environment.stop().toCompletableFuture().join();
            LOG.debug("Stopping the emulator at {}", emulator.location());
        }
        return ExitCode.OK;
    }

    private static StandaloneEmulator start(EmulatorOptions options) throws UsageException, CommandFailure {
        try {
            return StandaloneEmulator.start(options);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad --fault: " + e.getMessage());
        } catch (IOException e) {
            throw new CommandFailure(ExitCode.FAILURE, e.getMessage(), e);
        }
    }
}
