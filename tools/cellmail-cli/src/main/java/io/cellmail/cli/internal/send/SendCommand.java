/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.send;

import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.cli.internal.CliCommand;
import io.cellmail.cli.internal.CliEnvironment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.DialectInUse;
import io.cellmail.cli.internal.Dialects;
import io.cellmail.cli.internal.Durations;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.HelpRequested;
import io.cellmail.cli.internal.MailFailures;
import io.cellmail.cli.internal.Mailers;
import io.cellmail.cli.internal.ModemLinks;
import io.cellmail.cli.internal.SimPin;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.service.spi.ModemMailer;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * {@code cellmail send}: one mail through the modem's SMTP client, directly with the Quectel driver (no outbox: a
 * field tool wants the outcome now, not a retry later), and the outcome printed.
 */
public final class SendCommand implements CliCommand {

    /** How many transcript lines {@code --transcript} prints. */
    static final int TRANSCRIPT_LINES = 60;

    @Override
    public String name() {
        return "send";
    }

    @Override
    public String summary() {
        return "send one mail through the modem's SMTP client and print the outcome";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "Usage: cellmail send LINK --to ADDRESS --from ADDRESS --smtp-host HOST [options]",
                "Sends one mail through the SMTP client of the modem (AT+QSMTP... commands), now, without an outbox.",
                "Exit 0 when the modem reports +QSMTPPUT: 0 (GSM dialect) or +QSMTPPUT: 0,0 (LTE dialect), which the",
                "first line of stdout repeats. Otherwise stderr gets the error code of the manual and",
                "its meaning (e.g. '-535 Authentication failed') and the exit code is 1, or 75 when trying again",
                "later may help (network, busy modem, server unavailable).",
                "",
                "  LINK                 serial:/dev/ttyUSB2?baud=115200, tcp://HOST:PORT or emulator:NAME",
                "                       (default: $CELLMAIL_LINK)",
                "Recipients (1 to 20 in all):",
                "  --to ADDRESS         a recipient (repeatable)",
                "  --cc ADDRESS         a copy recipient (repeatable)",
                "  --bcc ADDRESS        a blind copy recipient (repeatable)",
                "Content:",
                "  --subject TEXT       the subject (at most 100 ASCII characters)",
                "  --body TEXT          the body (at most 10 KB); or --body-file FILE ('-' for stdin);",
                "                       without either, the body is read from stdin unless it is a terminal",
                "  --attach FILE        attach a file under its own name (repeatable; 10 files, 100 KB in all)",
                "  --charset NAME       ascii, utf-8, gb2312 or big5 (default: ascii if the text is, else utf-8)",
                "Sender:",
                "  --from ADDRESS       the sender's address (required)",
                "  --from-name NAME     the sender's display name",
                "SMTP server, as the modem reaches it:",
                "  --smtp-host HOST     the server (required, except with --smtp for an emulator: link)",
                "  --smtp-port PORT     its port (default 25)",
                "  --smtp-user USER     log in with this user; the password comes from $CELLMAIL_SMTP_PASSWORD",
                "                       or --smtp-password PASSWORD (visible to other users in the process list)",
                "  --no-auth            send without logging in (the default when no user is given)",
                "Mobile data:",
                "  --apn APN            the access point name; --apn-user USER, --apn-password PASSWORD",
                "                       (or $CELLMAIL_APN_PASSWORD)",
                "Modem:",
                "  --dialect NAME       gsm (quectel-gsm), lte (quectel-lte) or auto (default): auto asks the module",
                "                       (ATI, AT+CGMM, AT+QSMTPCFG=?) which SMTP dialect it speaks; a module without",
                "                       an SMTP client (BG95) fails with 1019, exit 1",
                SimPin.usage(),
                "Other:",
                "  --timeout DURATION   how long the whole send may take (default 5m; AT+QSMTPPUT gets >= 100s)",
                "  --transcript         print the AT conversation afterwards on stderr (passwords masked)",
                "  --smtp HOST:PORT     emulator: links only: the in-process emulator delivers there",
                "  --fault SPEC         emulator: links only: arm an emulator fault (repeatable), e.g. auth-failure",
                "  --personality NAME   emulator: links only: the module emulated, m95 (GSM, default), eg25g (LTE)",
                "                       or bg95 (LTE, no SMTP client)",
                "",
                "Example: CELLMAIL_SMTP_PASSWORD=... cellmail send serial:/dev/ttyUSB2?baud=115200 --apn internet \\",
                "           --smtp-host smtp.example.com --smtp-port 587 --smtp-user alarm --from alarm@example.com \\",
                "           --to ops@example.com --subject 'Pump 3 pressure high' --body 'Pressure 7.9 bar at 14:02'");
    }

    @Override
    public int run(List<String> args, CliEnvironment environment)
            throws UsageException, HelpRequested, CommandFailure {
        try (ModemLinks links = new ModemLinks()) {
            SendRequest request = SendRequest.of(SendRequest.OPTIONS.parse(args), environment, links);
            request.target().startEmulator(links);
            DialectInUse dialect = new DialectInUse();
            try (ModemMailer mailer = Mailers.open(links, request.target(), request.settings(), dialect,
                    environment.stop())) {
                validate(mailer, request.message());
                long started = System.nanoTime();
                try {
                    mailer.send(request.message(), request.sender(), request.timeout());
                } catch (MailException e) {
                    printTranscript(request, mailer, environment.err());
                    throw MailFailures.asUsageErrorOfSend(e).orElseThrow(() -> MailFailures.asFailure("not sent", e));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                environment.out().println(outcome(request, dialect, took));
                printTranscript(request, mailer, environment.err());
            }
        }
        return ExitCode.OK;
    }

    private static void validate(ModemMailer mailer, MailMessage message) throws UsageException, CommandFailure {
        try {
            mailer.validate(message);
        } catch (MailException e) {
            throw MailFailures.asUsageError(e).orElseThrow(() -> MailFailures.asFailure("not sent", e));
        }
    }

    private static String outcome(SendRequest request, DialectInUse dialect, Duration took) {
        MailMessage message = request.message();
        int recipients = message.recipients().size();
        int attachments = message.attachments().size();
        // the module's own words in its dialect; a send that returned went through a mailer of a known dialect
        String result = dialect.name().map(Dialects::sentResult).orElse("accepted by the SMTP server");
        return "sent: " + result + " (" + recipients + (recipients == 1 ? " recipient" : " recipients")
                + (attachments == 0 ? "" : ", " + attachments + (attachments == 1 ? " attachment" : " attachments"))
                + ", " + Durations.format(took) + " via " + request.target().link().uri() + ")";
    }

    private static void printTranscript(SendRequest request, ModemMailer mailer, PrintStream err) {
        if (request.transcript()) {
            mailer.transcript(TRANSCRIPT_LINES).forEach(err::println);
        }
    }
}
