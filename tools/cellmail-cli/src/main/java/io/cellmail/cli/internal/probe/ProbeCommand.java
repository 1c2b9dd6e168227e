/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.probe;

import io.cellmail.api.MailException;
import io.cellmail.api.Registration;
import io.cellmail.cli.internal.CliCommand;
import io.cellmail.cli.internal.CliEnvironment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.HelpRequested;
import io.cellmail.cli.internal.MailFailures;
import io.cellmail.cli.internal.Mailers;
import io.cellmail.cli.internal.ModemLinks;
import io.cellmail.cli.internal.ModemTarget;
import io.cellmail.cli.internal.Options;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemProbe;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalInt;

/** {@code cellmail probe}: what the modem is (identity), its SIM, network registration, GPRS and signal. */
public final class ProbeCommand implements CliCommand {

    private static final Options OPTIONS = ModemTarget.declare(new Options(1));

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public String summary() {
        return "ask the modem for its identity, SIM, network registration and signal";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "Usage: cellmail probe LINK [options]",
                "Asks the modem (ATI, AT+CPIN?, AT+CREG?, AT+CGATT?, AT+CSQ) and prints one 'name: value' line each:",
                "identity, sim, registration, gprs, signal, and with --dialect auto the module found and its",
                "dialect. Exit 0 when the modem answered, whatever it said.",
                "",
                "  LINK                serial:/dev/ttyUSB2?baud=115200, tcp://HOST:PORT or emulator:NAME",
                "                      (default: $CELLMAIL_LINK)",
                "  --dialect NAME      gsm (quectel-gsm), lte (quectel-lte) or auto (default): auto asks the module",
                "                      (ATI, AT+CGMM, AT+QSMTPCFG=?) which SMTP dialect it speaks",
                "  --smtp HOST:PORT    emulator: links only: the in-process emulator's SMTP route (unused here)",
                "  --fault SPEC        emulator: links only: arm an emulator fault (repeatable)",
                "  --personality NAME  emulator: links only: the module emulated, m95 (GSM, default), eg25g (LTE)",
                "                      or bg95 (LTE, no SMTP client)");
    }

    @Override
    public int run(List<String> args, CliEnvironment environment)
            throws UsageException, HelpRequested, CommandFailure {
        Options.Parsed parsed = OPTIONS.parse(args);
        try (ModemLinks links = new ModemLinks()) {
            ModemTarget target = ModemTarget.of(parsed, environment, links);
            target.startEmulator(links);
            MailerSettings settings = Mailers.settingsWithoutMail(target.link()).build();
            try (ModemMailer mailer = Mailers.open(links, target, settings, environment.stop())) {
                ModemProbe probe;
                try {
                    probe = mailer.probe();
                } catch (MailException e) {
                    throw MailFailures.asFailure("no answer", e);
                }
                print(probe, environment.out());
                mailer.health().module().ifPresent(module -> environment.out().println("module:       " + module));
            }
        }
        return ExitCode.OK;
    }

    static void print(ModemProbe probe, PrintStream out) {
        out.println("identity:     " + String.join(" / ", probe.identity()));
        out.println("sim:          " + probe.sim());
        out.println("registration: " + registration(probe.registration()));
        out.println("gprs:         " + (probe.attached() ? "attached" : "detached"));
        out.println("signal:       " + signal(probe.signal()));
    }

    private static String registration(Registration registration) {
        return switch (registration) {
            case HOME -> "home (registered on the home network)";
            case ROAMING -> "roaming (registered)";
            case SEARCHING -> "searching (not registered yet)";
            case DENIED -> "denied (the network refused the SIM)";
            case NOT_REGISTERED -> "not registered (not searching)";
            case NO_SIM -> "no SIM (missing, or failed)";
            case SIM_PIN_REQUIRED -> "the SIM waits for its PIN";
            case SIM_PIN_REJECTED -> "the SIM refused the configured PIN (not entered again until it changes)";
            case SIM_BLOCKED -> "the SIM is blocked: it needs its PUK";
            case UNKNOWN -> "unknown";
        };
    }

    /** 3GPP TS 27.007 {@code +CSQ}: rssi 0 is -113 dBm or less, each step 2 dB, 31 is -51 dBm or more. */
    private static String signal(OptionalInt rssi) {
        if (rssi.isEmpty()) {
            return "unknown (99)";
        }
        int value = rssi.getAsInt();
        String quality = value < 10 ? "marginal" : value < 15 ? "ok" : value < 20 ? "good" : "excellent";
        return value + " (" + (-113 + 2 * value) + " dBm, " + quality + ")";
    }
}
