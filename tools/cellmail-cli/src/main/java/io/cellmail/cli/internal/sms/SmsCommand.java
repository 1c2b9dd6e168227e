/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.sms;

import io.cellmail.api.MailException;
import io.cellmail.cli.internal.CliCommand;
import io.cellmail.cli.internal.CliEnvironment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.Durations;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.HelpRequested;
import io.cellmail.cli.internal.MailFailures;
import io.cellmail.cli.internal.Mailers;
import io.cellmail.cli.internal.ModemLinks;
import io.cellmail.cli.internal.SimPin;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.emulator.DeliveredSms;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.SmsCentre;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * {@code cellmail sms}: one SMS through the modem, directly with the driver of its dialect
 * ({@code ModemMailer.sendSms}, no outbox: a technician wants the outcome now), and the outcome printed: the parts,
 * their message references and the encoding; on the in-process emulator also what its SMS centre received.
 */
public final class SmsCommand implements CliCommand {

    /** How many transcript lines {@code --transcript} prints. */
    static final int TRANSCRIPT_LINES = 80;
    /** The SMS centre has the message once the last part was acknowledged; this only bounds a broken emulator. */
    private static final Duration CENTRE_WAIT = Duration.ofSeconds(5);

    @Override
    public String name() {
        return "sms";
    }

    @Override
    public String summary() {
        return "send one SMS through the modem and print its parts and message references";
    }

    @Override
    public String usage() {
        return String.join(System.lineSeparator(),
                "Usage: cellmail sms LINK --to NUMBER [--text TEXT] [options]",
                "Sends one SMS through the modem (AT+CMGF=1, AT+CSCS, AT+CSMP, AT+CMGS or AT+QCMGS, PDU mode for",
                "longer texts), now, without an outbox. GSM-7 when every character is in it, UCS2 otherwise; a",
                "longer text goes as a concatenated message. Exit 0 when the network acknowledged every part",
                "(+CMGS: <mr>). Otherwise stderr gets the error code and the +CMS ERROR's meaning, and the exit",
                "code is 1 (refused for good: 1101, or 1100 on a module cellmail sends no SMS with), or 75 when",
                "trying again later may help (1102: network, service centre or module busy).",
                "",
                "  LINK                 serial:/dev/ttyUSB2?baud=115200, tcp://HOST:PORT or emulator:NAME",
                "                       (default: $CELLMAIL_LINK)",
                "  --to NUMBER          the phone number: + and up to 15 digits (E.164), or up to 20 digits",
                "  --text TEXT          the text ('-' for stdin); without it, the text is read from stdin unless",
                "                       it is a terminal (line breaks at its end are dropped)",
                "  --max-parts N        how many SMS the text may take, 1-255 (default "
                        + SmsCommandLine.DEFAULT_MAX_PARTS + "); a longer text is refused",
                "  --dialect NAME       gsm (quectel-gsm), lte (quectel-lte) or auto (default): auto asks the module",
                "                       (ATI, AT+CGMM, AT+QSMTPCFG=?) first; a module without an SMTP client (BG95),",
                "                       which cellmail drives in no dialect, fails with 1100, exit 1",
                SimPin.usage(),
                "  --timeout DURATION   how long until the modem starts sending (default 2m; each part may then",
                "                       take the network's 120 s)",
                "  --transcript         print the AT conversation afterwards on stderr (PIN masked)",
                "  --smtp HOST:PORT     emulator: links only: the in-process emulator's SMTP route (unused here)",
                "  --fault SPEC         emulator: links only: arm an emulator fault (repeatable), e.g. sms-error=331",
                "  --personality NAME   emulator: links only: the module emulated, m95 (GSM, default), eg25g (LTE)",
                "                       or bg95 (LTE, no SMTP client)",
                "On an emulator: link, the last line says what the emulated SMS centre received.",
                "",
                "Example: CELLMAIL_SIM_PIN=... cellmail sms serial:/dev/ttyUSB2?baud=115200 --to +41791234567 \\",
                "           --text 'Pump 3 pressure high: 7.9 bar at 14:02'");
    }

    @Override
    public int run(List<String> args, CliEnvironment environment)
            throws UsageException, HelpRequested, CommandFailure {
        try (ModemLinks links = new ModemLinks()) {
            // The SMS is checked here, before any link is opened: a wrong number never reaches the modem.
            SmsCommandLine line = SmsCommandLine.of(SmsCommandLine.OPTIONS.parse(args), environment, links);
            line.target().startEmulator(links);
            try (ModemMailer mailer = Mailers.open(links, line.target(), line.settings(), environment.stop())) {
                long started = System.nanoTime();
                SmsReceipt receipt;
                try {
                    receipt = mailer.sendSms(line.request(), line.timeout());
                } catch (MailException e) {
                    printTranscript(line, mailer, environment.err());
                    throw MailFailures.asUsageErrorOfSend(e).orElseThrow(() -> MailFailures.asFailure("not sent", e));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                environment.out().println(outcome(line, receipt, took));
                printTranscript(line, mailer, environment.err());
                links.emulatorFor(line.target().link()).map(ModemEmulator::smsCentre)
                        .ifPresent(centre -> printCentre(centre, line.request(), environment.out()));
            }
        }
        return ExitCode.OK;
    }

    private static String outcome(SmsCommandLine line, SmsReceipt receipt, Duration took) {
        String references = receipt.messageReferences().stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        String encoding = receipt.encoding().name().replace('_', '-');
        return "sent: " + receipt.parts() + (receipt.parts() == 1 ? " part" : " parts") + " in " + encoding
                + ", message " + (receipt.parts() == 1 ? "reference " : "references ") + references
                + " (" + Durations.format(took) + " via " + line.target().link().uri() + ")";
    }

    /** What a technician would see on the phone: the emulated SMS centre's message to the number. */
    private static void printCentre(SmsCentre centre, SmsRequest request, PrintStream out) {
        List<DeliveredSms> delivered;
        try {
            delivered = centre.awaitDelivered(1, CENTRE_WAIT);
        } catch (TimeoutException e) {
            out.println("sms centre: nothing arrived (" + centre.waitingParts() + " parts wait for the others)");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (DeliveredSms sms : delivered) {
            out.println("sms centre: " + sms.number() + " received " + sms.parts().size()
                    + (sms.parts().size() == 1 ? " part" : " parts reassembled") + " in " + name(sms.encoding())
                    + ": " + sms.text());
        }
        centre.anomalies().forEach(anomaly -> out.println("sms centre: " + anomaly));
        if (delivered.stream().noneMatch(sms -> sms.text().equals(request.text()))) {
            out.println("sms centre: the text received differs from the text sent");
        }
    }

    /** @return the encoding as the {@code sent:} line names it */
    private static String name(DeliveredSms.Encoding encoding) {
        return switch (encoding) {
            case GSM7 -> "GSM-7";
            case EIGHT_BIT -> "8-bit";
            case UCS2 -> "UCS2";
        };
    }

    private static void printTranscript(SmsCommandLine line, ModemMailer mailer, PrintStream err) {
        if (line.transcript()) {
            mailer.transcript(TRANSCRIPT_LINES).forEach(err::println);
        }
    }
}
