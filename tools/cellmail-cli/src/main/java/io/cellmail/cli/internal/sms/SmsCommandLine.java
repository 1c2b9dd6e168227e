/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.sms;

import io.cellmail.api.MailException;
import io.cellmail.cli.internal.CliEnvironment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.Durations;
import io.cellmail.cli.internal.MailFailures;
import io.cellmail.cli.internal.Mailers;
import io.cellmail.cli.internal.ModemLinks;
import io.cellmail.cli.internal.ModemTarget;
import io.cellmail.cli.internal.Options;
import io.cellmail.cli.internal.SimPin;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.cli.internal.Utf8Text;
import io.cellmail.service.sms.SmsSegments;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.SmsRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code cellmail sms} command line, checked and read: the modem, the SMS (checked by {@link SmsRequest} before
 * anything is opened), the driver's settings and the deadline. The SIM's PIN is never shown.
 *
 * @param target the modem: link, dialect, in-process emulator
 * @param settings the driver's settings
 * @param request the SMS
 * @param timeout how long the send may take until the modem starts sending
 * @param transcript whether to print the AT transcript afterwards
 */
record SmsCommandLine(ModemTarget target, MailerSettings settings, SmsRequest request, Duration timeout,
        boolean transcript) {

    /**
     * Seven parts when not told otherwise: what the modules send in text mode ({@code AT+QCMGS}) and about 1000
     * characters, a screenful on a phone. A longer text is more likely a wrong file on stdin than an alarm, and
     * every part costs money; {@code --max-parts} allows more.
     */
    static final int DEFAULT_MAX_PARTS = 7;
    /** Enough for the longest text {@link SmsSegments#MAX_PARTS} parts carry, 4 bytes a character at worst. */
    static final int MAX_TEXT_INPUT = SmsSegments.MAX_PARTS * 160 * 4;
    /**
     * The deadline until the modem starts sending: waiting for a module that boots and registers, the SMS set-up
     * and the prompt. The network's acknowledgements (120 s a part) come on top.
     */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    static final Options OPTIONS = ModemTarget.declare(new Options(1))
            .single("--to").single("--text").single("--max-parts")
            .single("--timeout").flag("--transcript").single(SimPin.OPTION);

    SmsCommandLine {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param parsed the command line
     * @param environment stdin for the text, the environment for the PIN and the link
     * @param links parses the link
     * @return the command line, its SMS checked
     * @throws UsageException when the command line is wrong or incomplete, or the SMS cannot be sent as given
     * @throws CommandFailure when the text cannot be read from stdin
     */
    static SmsCommandLine of(Options.Parsed parsed, CliEnvironment environment, ModemLinks links)
            throws UsageException, CommandFailure {
        ModemTarget target = ModemTarget.of(parsed, environment, links);
        String number = parsed.value("--to").orElseThrow(
                () -> new UsageException("give the phone number: --to NUMBER, e.g. --to +41791234567"));
        SmsRequest request = request(number, text(parsed, environment), maxParts(parsed));
        Duration timeout = parsed.value("--timeout").isPresent()
                ? Durations.parsePositive(parsed.value("--timeout").get(), "--timeout") : DEFAULT_TIMEOUT;
        MailerSettings settings;
        try {
            settings = Mailers.settingsWithoutMail(target.link()).sendDeadline(timeout)
                    .simPin(SimPin.of(parsed, environment)).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new SmsCommandLine(target, settings, request, timeout, parsed.flag("--transcript"));
    }

    private static String text(Options.Parsed parsed, CliEnvironment environment)
            throws UsageException, CommandFailure {
        Optional<String> text = parsed.value("--text");
        if (text.isPresent() && !text.get().equals("-")) {
            return text.get();
        }
        if (text.isEmpty() && environment.interactive()) {
            throw new UsageException("give the text: --text TEXT, or on stdin");
        }
        String read = Utf8Text.read(environment.in(), MAX_TEXT_INPUT, "the text on stdin",
                "an SMS takes at most " + SmsSegments.MAX_PARTS + " parts");
        // echo and most files end with a line break nobody means to send (and pay a part for)
        return read.replaceFirst("(\\r?\\n)+$", "");
    }

    private static int maxParts(Options.Parsed parsed) throws UsageException {
        Optional<String> text = parsed.value("--max-parts");
        if (text.isEmpty()) {
            return DEFAULT_MAX_PARTS;
        }
        try {
            return Integer.parseInt(text.get().strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--max-parts needs a number 1-" + SmsSegments.MAX_PARTS + ", got: " + text.get());
        }
    }

    private static SmsRequest request(String number, String text, int maxParts) throws UsageException {
        try {
            return new SmsRequest(number, text, maxParts);
        } catch (MailException e) {
            // INVALID_MESSAGE naming the field: --to, the text or --max-parts, before any AT traffic
            throw MailFailures.asUsageError(e).orElseThrow(() -> new IllegalStateException(e));
        }
    }
}
