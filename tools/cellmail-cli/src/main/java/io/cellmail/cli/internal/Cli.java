/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import io.cellmail.cli.internal.at.AtTerminalCommand;
import io.cellmail.cli.internal.emulate.EmulateCommand;
import io.cellmail.cli.internal.probe.ProbeCommand;
import io.cellmail.cli.internal.send.SendCommand;
import io.cellmail.cli.internal.sms.SmsCommand;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the sub-command named by the first argument and turns its outcome into an exit code and messages:
 * usage errors exit {@value ExitCode#USAGE} with the usage on stderr, {@code --help} prints it on stdout, failures
 * print {@code cellmail <command>: <message>} on stderr.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final Map<String, CliCommand> commands = new LinkedHashMap<>();

    /** The commands of the shipped tool. */
    public Cli() {
        this(List.of(new SendCommand(), new SmsCommand(), new ProbeCommand(), new AtTerminalCommand(), new EmulateCommand()));
    }

    /** @param commands the commands to offer, in the order {@code --help} lists them */
    public Cli(List<? extends CliCommand> commands) {
        for (CliCommand command : commands) {
            if (this.commands.putIfAbsent(command.name(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.name());
            }
        }
    }

    /**
     * Runs one command line.
     *
     * @param args the whole command line, the command's name first
     * @param environment streams, environment variables and the stop signal
     * @return the exit code
     */
    public int run(String[] args, CliEnvironment environment) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(environment, "environment");
        PrintStream out = environment.out();
        PrintStream err = environment.err();
        if (args.length == 0) {
            err.println("cellmail: which command?");
            err.println(usage());
            return ExitCode.USAGE;
        }
        String name = args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            return help(args, out, err);
        }
        CliCommand command = commands.get(name);
        if (command == null) {
            err.println("cellmail: unknown command '" + name + "'");
            err.println(usage());
            return ExitCode.USAGE;
        }
        try {
            return command.run(Arrays.asList(args).subList(1, args.length), environment);
        } catch (HelpRequested e) {
            out.println(command.usage());
            return ExitCode.OK;
        } catch (UsageException e) {
            err.println("cellmail " + name + ": " + e.getMessage());
            err.println(command.usage());
            return ExitCode.USAGE;
        } catch (CommandFailure e) {
            LOG.debug("{} failed", name, e);
            err.println("cellmail " + name + ": " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            // A bug, not a user error: say so, with enough to report it. Our exceptions never carry secrets.
            LOG.debug("{} failed unexpectedly", name, e);
            err.println("cellmail " + name + ": internal error: " + e);
            return ExitCode.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int help(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 && args[0].equals("help")) {
            CliCommand command = commands.get(args[1]);
            if (command == null) {
                err.println("cellmail: unknown command '" + args[1] + "'");
                err.println(usage());
                return ExitCode.USAGE;
            }
            out.println(command.usage());
            return ExitCode.OK;
        }
        out.println(usage());
        return ExitCode.OK;
    }

    /** @return the tool's overall usage: the command list and the exit codes */
    public String usage() {
        StringBuilder text = new StringBuilder();
        text.append("Usage: cellmail <command> [options]      (cellmail <command> --help for its options)\n");
        text.append("Talks to a Quectel GSM or LTE module (or the cellmail emulator) over a serial link.\n\n");
        text.append("Commands:\n");
        commands.values().forEach(c -> text.append(String.format("  %-9s %s%n", c.name(), c.summary())));
        text.append("\nLinks: serial:/dev/ttyUSB2?baud=115200  tcp://HOST:PORT  emulator:NAME (an emulator in this process)\n");
        text.append("Exit codes: 0 done, 1 failed, 2 bad command line, 75 failed for now (try again later).\n");
        text.append("Logging: CELLMAIL_LOG=debug (./cellmail) or -Dorg.slf4j.simpleLogger.defaultLogLevel=debug.");
        return text.toString();
    }
}
