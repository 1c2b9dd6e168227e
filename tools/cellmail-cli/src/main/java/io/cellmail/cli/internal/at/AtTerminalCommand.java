/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.at;

import io.cellmail.cli.internal.CliCommand;
import io.cellmail.cli.internal.CliEnvironment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.Durations;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.HelpRequested;
import io.cellmail.cli.internal.LinkArgument;
import io.cellmail.cli.internal.ModemLinks;
import io.cellmail.cli.internal.Options;
import io.cellmail.cli.internal.Pause;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.serial.LinkUri;
import io.cellmail.serial.SerialLink;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code cellmail at LINK}: an interactive AT terminal, through the AT engine or raw. */
public final class AtTerminalCommand implements CliCommand {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The silence around {@code +++} in raw mode: real modules want at least a second. */
    static final Duration RAW_GUARD_TIME = Duration.ofMillis(1100);

    private static final Options OPTIONS = new Options(1)
            .flag("--raw")
            .single("--personality")
            .single("--timeout")
            .single("--wait")
            .single("--log")
            .flag("--echo")
            .flag("--no-echo")
            .single("--smtp")
            .repeatable("--fault");

    @Override
    public String name() {
        return "at";
    }

    @Override
    public String summary() {
        return "an AT terminal: AT lines from stdin to the modem, replies and URCs to stdout";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "Usage: cellmail at LINK [options]",
                "An AT terminal. Reads AT command lines from stdin, sends each to the modem and prints its reply;",
                "URCs are printed as they come. Through the AT engine (default) every command gets exactly its own",
                "reply and negative SMTP results are explained; the lines after AT+QSMTPBODY=... or AT+QSMTPATT=...",
                "are the upload's payload, up to a line +++. Blank lines and lines starting with # are skipped.",
                "Passwords (AT+QSMTPPWD=\"...\", the 4th parameter of AT+QICSGP) and PINs (AT+CPIN=...) are masked in all "
                        + "output and logs.",
                "",
                "  LINK                serial:/dev/ttyUSB2?baud=115200, tcp://HOST:PORT or emulator:NAME",
                "                      (default: $CELLMAIL_LINK)",
                "  --raw               bytes straight over the link, no engine: you see echo, boot URCs, everything;",
                "                      each line waits for OK/ERROR/CONNECT/> (or the timeout) before the next;",
                "                      a line +++ is sent with 1.1s of silence around it",
                "  --timeout DURATION  how long the modem may take to come up and to answer (default 10s)",
                "  --wait DURATION     after the end of input, keep printing what the modem sends (default 0s)",
                "  --log FILE          append the session to FILE, timestamped, passwords masked",
                "  --echo, --no-echo   print each command before its reply (default: echo, unless at a terminal",
                "                      or --raw, where the modem echoes)",
                "  --smtp HOST:PORT    emulator: links only: the in-process emulator sends every mail there",
                "  --fault SPEC        emulator: links only: arm an emulator fault at start (repeatable),",
                "                      e.g. auth-failure, smtp-reply=-550, delay-on=AT+CSQ:2s",
                "  --personality NAME  emulator: links only: the module emulated, m95 (GSM, default), eg25g (LTE)",
                "                      or bg95 (LTE, no SMTP client)",
                "",
                "Example: printf 'ATI\\nAT+CSQ\\nAT+CREG?\\n' | cellmail at serial:/dev/ttyUSB2?baud=115200");
    }

    @Override
    public int run(List<String> args, CliEnvironment environment)
            throws UsageException, HelpRequested, CommandFailure {
        Options.Parsed parsed = OPTIONS.parse(args);
        if (parsed.flag("--echo") && parsed.flag("--no-echo")) {
            throw new UsageException("give --echo or --no-echo, not both");
        }
        Duration timeout = optionalDuration(parsed, "--timeout").orElse(DEFAULT_TIMEOUT);
        Duration wait = parsed.value("--wait").isPresent()
                ? Durations.parseNonNegative(parsed.value("--wait").get(), "--wait") : Duration.ZERO;
        // Raw: the modem echoes (until ATE0); through the engine echo is off, so the terminal shows the command.
        boolean echo = parsed.flag("--echo")
                || (!parsed.flag("--no-echo") && !parsed.flag("--raw") && !environment.interactive());
        Optional<Path> log = parsed.value("--log").map(Path::of);
        try (ModemLinks links = new ModemLinks()) {
            LinkUri link = LinkArgument.require(parsed, environment, links);
            links.startEmulatorFor(link, parsed.value("--smtp"), parsed.values("--fault"),
                    parsed.value("--personality"));
            SerialLink first = links.open(link);
            try (TerminalOutput output = open(environment, echo, log, first);
                    TerminalSession session = parsed.flag("--raw")
                            ? new RawSession(first, timeout, RAW_GUARD_TIME, output, environment.stop().toCompletableFuture())
                            : new EngineSession(links.handingOver(first), link.uri().toString(), timeout, output,
                                    environment.stop().toCompletableFuture())) {
                session.open();
                converse(session, environment);
                if (!wait.isZero()) {
                    Pause.unlessStopped(wait, environment.stop());
                }
            }
        }
        return ExitCode.OK;
    }

    private static TerminalOutput open(CliEnvironment environment, boolean echo, Optional<Path> log,
            SerialLink first) throws CommandFailure {
        try {
            return TerminalOutput.open(environment.out(), echo, log);
        } catch (IOException e) {
            first.close();
            throw new CommandFailure(ExitCode.FAILURE, "cannot open the session log " + log.orElseThrow() + ": " + e);
        }
    }

    private static void converse(TerminalSession session, CliEnvironment environment) {
        LineSource input = InputLines.start(environment.in(), Charset.defaultCharset(),
                environment.stop().toCompletableFuture());
        for (Optional<String> line = input.next(); line.isPresent(); line = input.next()) {
            String text = line.get().strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                session.execute(text, input);
            }
        }
    }

    private static Optional<Duration> optionalDuration(Options.Parsed parsed, String option) throws UsageException {
        Optional<String> text = parsed.value(option);
        return text.isEmpty() ? Optional.empty() : Optional.of(Durations.parsePositive(text.get(), option));
    }
}
