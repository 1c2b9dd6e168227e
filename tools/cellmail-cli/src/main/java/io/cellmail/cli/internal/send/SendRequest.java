/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.send;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.cli.internal.CliEnvironment;
import io.cellmail.cli.internal.CommandFailure;
import io.cellmail.cli.internal.Durations;
import io.cellmail.cli.internal.MailFailures;
import io.cellmail.cli.internal.ModemLinks;
import io.cellmail.cli.internal.ModemTarget;
import io.cellmail.cli.internal.Options;
import io.cellmail.cli.internal.SimPin;
import io.cellmail.cli.internal.UsageException;
import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.serial.LinkUri;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.SenderIdentity;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code cellmail send} command line, checked and read: the modem, the driver's settings, the mail, its
 * sender and the deadline. Passwords and the SIM's PIN come from the options or the environment and are never shown.
 *
 * @param target the modem: link, dialect, in-process emulator
 * @param settings the driver's settings
 * @param message the mail
 * @param sender its sender
 * @param timeout how long the whole send may take
 * @param transcript whether to print the AT transcript afterwards
 */
record SendRequest(ModemTarget target, MailerSettings settings, MailMessage message, SenderIdentity sender,
        Duration timeout, boolean transcript) {

    /** The environment variable holding the SMTP password, so that it is not on the command line. */
    static final String SMTP_PASSWORD_VARIABLE = "CELLMAIL_SMTP_PASSWORD";
    /** The environment variable holding the APN password. */
    static final String APN_PASSWORD_VARIABLE = "CELLMAIL_APN_PASSWORD";
    /** The manual's own example allows 300 s for {@code AT+QSMTPPUT}; the rest of the sequence takes seconds. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    static final Options OPTIONS = ModemTarget.declare(new Options(1))
            .repeatable("--to").repeatable("--cc").repeatable("--bcc")
            .single("--subject").single("--body").single("--body-file").repeatable("--attach").single("--charset")
            .single("--from").single("--from-name")
            .single("--smtp-host").single("--smtp-port").single("--smtp-user").single("--smtp-password")
            .flag("--no-auth")
            .single("--apn").single("--apn-user").single("--apn-password")
            .single("--timeout").flag("--transcript").single(SimPin.OPTION);

    SendRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param parsed the command line
     * @param environment stdin for the body, the environment for passwords and the link
     * @param links parses the link
     * @return the request
     * @throws UsageException when the command line is wrong or incomplete
     * @throws CommandFailure when the body or an attachment cannot be read
     */
    static SendRequest of(Options.Parsed parsed, CliEnvironment environment, ModemLinks links)
            throws UsageException, CommandFailure {
        ModemTarget target = ModemTarget.of(parsed, environment, links);
        LinkUri link = target.link();
        Optional<String> route = target.smtpRoute();
        String from = parsed.value("--from").orElseThrow(() -> new UsageException("give the sender: --from ADDRESS"));
        String fromName = parsed.value("--from-name").orElse("");
        Duration timeout = parsed.value("--timeout").isPresent()
                ? Durations.parsePositive(parsed.value("--timeout").get(), "--timeout") : DEFAULT_TIMEOUT;
        MailerSettings.Builder settings = MailerSettings.builder(link.uri().toString(), smtpHost(parsed, link, route),
                        from)
                .smtp(smtpHost(parsed, link, route), smtpPort(parsed, route))
                .sender(from, fromName)
                .apn(parsed.value("--apn").orElse(""), parsed.value("--apn-user").orElse(""),
                        secret(parsed, environment, "--apn-password", APN_PASSWORD_VARIABLE).orElse(""))
                .sendDeadline(timeout)
                .simPin(SimPin.of(parsed, environment));
        authentication(parsed, environment, settings);
        MailMessage message = message(parsed, environment);
        try {
            return new SendRequest(target, settings.build(), message, new SenderIdentity(from, fromName), timeout,
                    parsed.flag("--transcript"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String smtpHost(Options.Parsed parsed, LinkUri link, Optional<String> route)
            throws UsageException {
        Optional<String> host = parsed.value("--smtp-host");
        if (host.isPresent()) {
            if (host.get().isBlank()) {
                throw new UsageException("--smtp-host is empty");
            }
            return host.get();
        }
        if (route.isPresent() && link.scheme().equals(EmulatorLinks.SCHEME)) {
            // The in-process emulator delivers to its route whatever server it is told: name the route.
            return hostOf(route.get());
        }
        throw new UsageException("give the SMTP server the modem sends to: --smtp-host HOST");
    }

    private static int smtpPort(Options.Parsed parsed, Optional<String> route) throws UsageException {
        Optional<String> text = parsed.value("--smtp-port");
        if (text.isEmpty()) {
            return route.filter(r -> parsed.value("--smtp-host").isEmpty()).map(SendRequest::portOf)
                    .orElse(MailerSettings.DEFAULT_SMTP_PORT);
        }
        try {
            int port = Integer.parseInt(text.get().strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new UsageException("--smtp-port needs a port number 1-65535, got: " + text.get());
    }

    private static void authentication(Options.Parsed parsed, CliEnvironment environment,
            MailerSettings.Builder settings) throws UsageException {
        Optional<String> user = parsed.value("--smtp-user");
        if (parsed.flag("--no-auth")) {
            if (user.isPresent() || parsed.value("--smtp-password").isPresent()) {
                throw new UsageException("--no-auth sends without a user and password; drop --smtp-user/--smtp-password");
            }
            settings.noAuthentication();
            return;
        }
        if (user.isEmpty()) {
            if (parsed.value("--smtp-password").isPresent()) {
                throw new UsageException("--smtp-password needs --smtp-user");
            }
            settings.noAuthentication();
            return;
        }
        String password = secret(parsed, environment, "--smtp-password", SMTP_PASSWORD_VARIABLE)
                .orElseThrow(() -> new UsageException("--smtp-user needs a password: set " + SMTP_PASSWORD_VARIABLE
                        + " (or give --smtp-password, which other users can see in the process list)"));
        settings.authentication(user.get(), password);
    }

    private static Optional<String> secret(Options.Parsed parsed, CliEnvironment environment, String option,
            String variable) {
        return parsed.value(option).or(() -> environment.variable(variable));
    }

    private static MailMessage message(Options.Parsed parsed, CliEnvironment environment)
            throws UsageException, CommandFailure {
        MailMessage.Builder message = MailMessage.builder()
                .to(parsed.values("--to").toArray(String[]::new))
                .cc(parsed.values("--cc").toArray(String[]::new))
                .bcc(parsed.values("--bcc").toArray(String[]::new))
                .subject(parsed.value("--subject").orElse(""))
                .body(MailContent.body(parsed.value("--body"), parsed.value("--body-file"), environment.in(),
                        !environment.interactive()));
        MailContent.attachments(parsed.values("--attach")).forEach(message::attach);
        Optional<String> charset = parsed.value("--charset");
        if (charset.isPresent()) {
            message.charset(charset(charset.get()));
        }
        try {
            return message.build();
        } catch (MailException e) {
            throw MailFailures.asUsageError(e).orElseThrow(() -> MailFailures.asFailure("not sent", e));
        }
    }

    private static MailCharset charset(String name) throws UsageException {
        switch (name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")) {
            case "ascii":
            case "usascii":
                return MailCharset.ASCII;
            case "utf8":
                return MailCharset.UTF_8;
            case "gb2312":
                return MailCharset.GB2312;
            case "big5":
                return MailCharset.BIG5;
            default:
                throw new UsageException("--charset must be ascii, utf-8, gb2312 or big5, got: " + name);
        }
    }

    private static String hostOf(String route) {
        String host = route.substring(0, Math.max(0, route.lastIndexOf(':')));
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static int portOf(String route) {
        try {
            return Integer.parseInt(route.substring(route.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            // The emulator rejects the route itself with a clear message.
            return MailerSettings.DEFAULT_SMTP_PORT;
        }
    }
}
