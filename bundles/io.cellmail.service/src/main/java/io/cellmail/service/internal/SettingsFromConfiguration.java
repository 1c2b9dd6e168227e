/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.cellmail.api.SmsMessage;
import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.EscapeMode;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;
import io.cellmail.service.spi.MailerSettings.Tls;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * Checks a {@link CellularMailConfiguration} once and turns it into the immutable {@link MailServiceSettings} the
 * service runs on. Declarative Services already converted the types; what is left is what a type cannot say:
 * ranges, choices, link URIs, paths, and settings that must agree. Every problem is collected, so an operator sees
 * all mistakes of a configuration at once, each naming its setting; a password is never quoted.
 *
 * <p>A value Declarative Services could not convert (e.g. {@code smtpPort=twenty-five} in a {@code .cfg} file)
 * surfaces as an exception when its attribute is read; it becomes a problem of that setting like any other.
 */
public final class SettingsFromConfiguration {

    static final String NAME = "cellmail.name";
    static final String DIALECT = "dialect";
    static final String CONTEXT_ID = "contextId";
    static final String SMTP_SECURITY = "smtpSecurity";
    static final String VERIFY_SERVER = "verifyServer";
    static final String CA_CERTIFICATE_FILE = "caCertificateFile";
    static final String SSL_CONTEXT_ID = "sslContextId";
    static final String PORT = "port";
    static final String BAUD = "baud";
    static final String FLOW_CONTROL = "flowControl";
    static final String GUARD_TIME = "guardTime";
    static final String ESCAPE_MODE = "escapeMode";
    static final String SMTP_HOST = "smtpHost";
    static final String SMTP_PORT = "smtpPort";
    static final String AUTHENTICATION = "authentication";
    static final String FIXED_BAUD = "fixedBaud";
    static final String SENDER_ADDRESS = "senderAddress";
    static final String SEND_DEADLINE = "sendDeadline";
    static final String RETRY_BASE = "retryBase";
    static final String RETRY_CAP = "retryCap";
    static final String EXPIRY = "expiry";
    static final String OUTBOX_DIRECTORY = "outboxDirectory";
    static final String MAX_MESSAGES = "maxMessages";
    static final String MAX_BYTES = "maxBytes";
    static final String MAX_PER_HOUR = "maxPerHour";
    static final String SMS_NUMBERS = "smsNumbers";
    static final String SMS_FALLBACK_AFTER = "smsFallbackAfter";
    static final String SMS_ON_PERMANENT_FAILURE = "smsOnPermanentFailure";
    static final String SMS_COPY_URGENT = "smsCopyUrgent";
    static final String SMS_MAX_PARTS = "smsMaxParts";
    static final String SMS_MAX_PER_HOUR = "smsMaxPerHour";
    /** The most parts of one SMS: what {@code AT+QCMGS} sends as one concatenated message. */
    static final int MOST_SMS_PARTS = 10;

    /** A service name goes into thread names and the outbox directory's name. */
    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");
    /** A dialect is compared with the {@value ModemMailerFactory#DIALECT_PROPERTY} property of the drivers. */
    private static final Pattern DIALECT_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** The dialects whose SMTP client speaks plain SMTP only: the GSM M-series'. */
    private static final Set<String> PLAIN_SMTP_DIALECTS = Set.of("quectel-gsm");

    /**
     * Numbers are separated by commas (one text field: a .cfg line, a Kura form, a console argument), not by blanks:
     * "+49 170 1234567" must be refused as one number written with blanks, not become three valid-looking ones.
     */
    private static final Pattern NUMBER_SEPARATOR = Pattern.compile(",");

    private static final Pattern EXCEPTION_NAME = Pattern.compile("^([a-z][\\w$]*\\.)+\\w*(Exception|Error): ");

    private final List<ConfigurationProblem> problems = new ArrayList<>();
    private final Map<String, ?> given;

    private SettingsFromConfiguration(Map<String, ?> given) {
        this.given = given;
    }

    /**
     * @param configuration the configuration, types converted by Declarative Services
     * @param given the same configuration as it was given, for what that conversion lets pass (see {@link #flag})
     * @param secrets its passwords and PIN in clear
     * @param dataArea the directory an empty or relative {@code outboxDirectory} is resolved against, or null
     * @return the settings; the CA certificate file, when TLS needs it, is read now
     * @throws InvalidConfigurationException naming every invalid setting and what it must be
     */
    public static MailServiceSettings settings(CellularMailConfiguration configuration, Map<String, ?> given,
            CellularMailSecrets secrets, Path dataArea) {
        return new SettingsFromConfiguration(Objects.requireNonNull(given, "given")).check(configuration, secrets,
                dataArea);
    }

    /**
     * @return the configured dialect as the drivers' {@value ModemMailerFactory#DIALECT_PROPERTY} property names it;
     *     valid once {@link #settings} accepted the configuration
     */
    static String dialectOf(CellularMailConfiguration configuration) {
        return text(configuration.dialect());
    }

    /** @return the configured name, or the default name when it cannot be read: for reporting a failed check */
    static String nameOf(CellularMailConfiguration configuration) {
        String name = configuration.cellmail_name();
        return name == null || name.isBlank() ? "modem1" : name.strip();
    }

    /**
     * @return true when no port is set: the instance is not configured yet (the shipped default), which is a state of
     *     its own rather than an invalid link URI
     */
    static boolean portIsEmpty(CellularMailConfiguration configuration) {
        return text(configuration.port()).isEmpty();
    }

    private MailServiceSettings check(CellularMailConfiguration c, CellularMailSecrets secrets, Path dataArea) {
        String name = text(c.cellmail_name());
        if (!NAME_PATTERN.matcher(name).matches()) {
            problem(NAME, "must be 1 to 64 letters, digits, '.', '_' or '-', not starting with '.', got '" + name + "'");
        }
        String dialect = text(c.dialect());
        if (!DIALECT_PATTERN.matcher(dialect).matches()) {
            problem(DIALECT, "must be quectel-gsm, quectel-lte, auto or the name of another installed driver's dialect, "
                    + "got '" + dialect + "'");
        }
        int baud = (int) number(BAUD, c::baud, 1, Integer.MAX_VALUE, 115200);
        String flow = flowControl(text(c.flowControl()));
        String port = linkUri(text(c.port()), baud, flow);
        Duration guardTime = Duration.ofMillis(number(GUARD_TIME, c::guardTime, 1, 60_000, 1100));
        Duration sendDeadline = Duration.ofSeconds(number(SEND_DEADLINE, c::sendDeadline, 1, 86_400, 300));
        long retryBase = number(RETRY_BASE, c::retryBase, 1, 86_400, 30);
        long retryCap = number(RETRY_CAP, c::retryCap, 1, 7 * 86_400L, retryBase);
        if (retryCap < retryBase) {
            problem(RETRY_CAP, "must not be below " + RETRY_BASE + " (" + retryBase + " s), got " + retryCap);
        }
        long expiry = number(EXPIRY, c::expiry, 1, 24 * 365, 24);
        // The queue keeps about half a kilobyte per mail in memory: 10 000 mails stay within a few megabytes.
        int maxMessages = (int) number(MAX_MESSAGES, c::maxMessages, 1, 10_000, 1000);
        // At least room for one large mail; at most what a gateway's flash or SD card sensibly gives an outbox.
        long maxBytes = number(MAX_BYTES, c::maxBytes, 64L * 1024, 4L * 1024 * 1024 * 1024, 16L * 1024 * 1024);
        int maxPerHour = (int) number(MAX_PER_HOUR, c::maxPerHour, 0, Integer.MAX_VALUE, 60);
        boolean fixedBaud = flag(FIXED_BAUD, c::fixedBaud);
        boolean authentication = flag(AUTHENTICATION, c::authentication);
        EscapeMode escapeMode = escapeMode(text(c.escapeMode()));
        String smtpHost = required(SMTP_HOST, text(c.smtpHost()));
        int smtpPort = (int) number(SMTP_PORT, c::smtpPort, 1, 65535, 25);
        String senderAddress = required(SENDER_ADDRESS, text(c.senderAddress()));
        int contextId = (int) number(CONTEXT_ID, c::contextId, 1, MailerSettings.MAX_CONTEXT_ID,
                MailerSettings.DEFAULT_CONTEXT_ID);
        Tls tls = tls(c, dialect);
        Path outbox = outboxDirectory(text(c.outboxDirectory()), name, dataArea);
        SmsSettings sms = sms(c);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        MailerSettings.Builder mailer = MailerSettings.builder(port, smtpHost, senderAddress)
                .fixedBaud(fixedBaud)
                .guardTime(guardTime)
                .apn(text(c.apn()), text(c.apnUser()), secrets.apnPassword())
                .smtp(smtpHost, smtpPort)
                .sender(senderAddress, text(c.senderName()))
                .sendDeadline(sendDeadline)
                .escapeMode(escapeMode)
                .simPin(secrets.simPin().strip())
                .contextId(contextId)
                .tls(tls);
        if (authentication) {
            mailer.authentication(text(c.smtpUser()), secrets.smtpPassword());
        } else {
            mailer.noAuthentication();
        }
        try {
            return MailServiceSettings.builder(name, mailer.build(), outbox)
                    .retry(Duration.ofSeconds(retryBase), Duration.ofSeconds(retryCap))
                    .expiry(Duration.ofHours(expiry))
                    .bounds(maxMessages, maxBytes)
                    .maxPerHour(maxPerHour)
                    .sms(sms)
                    .build();
        } catch (IllegalArgumentException | NullPointerException e) {
            // The settings records guard their own invariants; one the checks above let through is still the
            // configuration's fault, and their messages start with the setting's name and never hold a password.
            String message = String.valueOf(e.getMessage());
            int space = message.indexOf(' ');
            problem(space > 0 ? message.substring(0, space) : message, space > 0 ? message.substring(space + 1) : "");
            throw new InvalidConfigurationException(problems);
        }
    }

    /** @return the SMS fallback and the SMS limits */
    private SmsSettings sms(CellularMailConfiguration c) {
        List<String> numbers = smsNumbers(text(c.smsNumbers()));
        long after = number(SMS_FALLBACK_AFTER, c::smsFallbackAfter, 0, 525_600, 15);
        boolean onPermanentFailure = flag(SMS_ON_PERMANENT_FAILURE, c::smsOnPermanentFailure);
        boolean copyUrgent = flag(SMS_COPY_URGENT, c::smsCopyUrgent);
        int maxParts = (int) number(SMS_MAX_PARTS, c::smsMaxParts, 1, MOST_SMS_PARTS, SmsSettings.DEFAULT_MAX_PARTS);
        int maxPerHour = (int) number(SMS_MAX_PER_HOUR, c::smsMaxPerHour, 0, Integer.MAX_VALUE,
                SmsSettings.DEFAULT_MAX_PER_HOUR);
        return new SmsSettings(numbers, after == 0 ? Optional.empty() : Optional.of(Duration.ofMinutes(after)),
                onPermanentFailure, copyUrgent, maxParts, maxPerHour);
    }

    /** @return the numbers, each checked and given once; those at fault are left out after noting the problem */
    private List<String> smsNumbers(String value) {
        List<String> numbers = new ArrayList<>();
        if (value.isEmpty()) {
            return numbers;
        }
        for (String given : NUMBER_SEPARATOR.split(value)) {
            String number = given.strip();
            if (number.isEmpty()) {
                continue;
            }
            if (!SmsMessage.isNumber(number)) {
                problem(SMS_NUMBERS, "must be phone numbers separated by commas, each + and up to 15 digits "
                        + "(E.164, e.g. +4917012345678) or up to 20 digits, got '" + number + "'");
            } else if (numbers.contains(number)) {
                problem(SMS_NUMBERS, "names " + number + " twice: each number gets one SMS");
            } else {
                numbers.add(number);
            }
        }
        return numbers;
    }

    /** @return the whole number in [min, max]; the fallback, after noting the problem, when it is not one */
    private long number(String setting, LongSupplier attribute, long min, long max, long fallback) {
        long value;
        try {
            value = attribute.getAsLong();
        } catch (RuntimeException notConverted) {
            problem(setting, "must be a whole number from " + min + " to " + max + ": " + reason(notConverted));
            return fallback;
        }
        if (value < min || value > max) {
            problem(setting, "must be from " + min + " to " + max + ", got " + value);
            return fallback;
        }
        return value;
    }

    /**
     * A flag. Declarative Services reads any text but {@code true} as {@code false}, so {@code authentication=yes}
     * in a {@code .cfg} file would turn authentication off without a word: text is checked as it was given.
     */
    private boolean flag(String setting, Supplier<Boolean> attribute) {
        if (given.get(setting) instanceof String text && !text.strip().equalsIgnoreCase("true")
                && !text.strip().equalsIgnoreCase("false")) {
            problem(setting, "must be true or false, got '" + text + "'");
            return false;
        }
        try {
            return attribute.get();
        } catch (RuntimeException notConverted) {
            problem(setting, "must be true or false: " + reason(notConverted));
            return false;
        }
    }

    private String required(String setting, String value) {
        if (value.isEmpty()) {
            problem(setting, "must not be blank");
        }
        return value;
    }

    /**
     * @return the TLS settings of the SMTP connection; its CA certificate read from the configured file when the
     *     connection is encrypted
     */
    private Tls tls(CellularMailConfiguration c, String dialect) {
        SmtpSecurity security = smtpSecurity(text(c.smtpSecurity()));
        boolean verifyServer = flag(VERIFY_SERVER, c::verifyServer);
        int sslContextId = (int) number(SSL_CONTEXT_ID, c::sslContextId, 0, Tls.MAX_SSL_CONTEXT_ID, 1);
        String caFile = text(c.caCertificateFile());
        if (security == SmtpSecurity.NONE) {
            return new Tls(security, verifyServer, "", sslContextId);
        }
        if (PLAIN_SMTP_DIALECTS.contains(dialect)) {
            problem(SMTP_SECURITY, "must be none with dialect " + dialect + ": the GSM modules' SMTP client has no TLS "
                    + "(choose quectel-lte for an LTE module)");
        }
        String caCertificate = "";
        if (!caFile.isEmpty()) {
            try {
                caCertificate = CaCertificateFile.read(caFile);
            } catch (IllegalArgumentException e) {
                problem(CA_CERTIFICATE_FILE, e.getMessage());
                return Tls.NONE;
            }
        } else if (verifyServer) {
            problem(CA_CERTIFICATE_FILE, "must name the PEM file of the CA certificate the SMTP server's certificate "
                    + "chains to, to verify the server over " + text(c.smtpSecurity()) + " (or set " + VERIFY_SERVER
                    + " to false, which lets anybody between the module and the server read the mail and the "
                    + "password)");
            return Tls.NONE;
        }
        return new Tls(security, verifyServer, caCertificate, sslContextId);
    }

    private SmtpSecurity smtpSecurity(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "none":
                return SmtpSecurity.NONE;
            case "tls":
                return SmtpSecurity.IMPLICIT_TLS;
            case "starttls":
                return SmtpSecurity.STARTTLS;
            default:
                problem(SMTP_SECURITY, "must be none, tls or starttls, got '" + value + "'");
                return SmtpSecurity.NONE;
        }
    }

    /** @return the flow control as the link URI names it */
    private String flowControl(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "none":
                return "none";
            case "rtscts":
            case "rts_cts":
                return "rtscts";
            default:
                // XON/XOFF is left out on purpose: the bytes 0x11 and 0x13 of a binary attachment would stall the line.
                problem(FLOW_CONTROL, "must be none or rtscts, got '" + value + "'");
                return "none";
        }
    }

    private EscapeMode escapeMode(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "auto":
                return EscapeMode.AUTO;
            case "guarded":
                return EscapeMode.GUARDED;
            case "lenient":
                return EscapeMode.LENIENT;
            default:
                problem(ESCAPE_MODE, "must be auto, guarded or lenient, got '" + value + "'");
                return EscapeMode.AUTO;
        }
    }

    /**
     * @return the port URI with the configured rate and flow control in its query, which is what the serial link
     *     opens with and what the dialect reads them from: the one place they are put into the link URI; a query
     *     that already names them must agree
     */
    private String linkUri(String port, int baud, String flowName) {
        if (port.indexOf(':') < 1 || port.chars().anyMatch(Character::isWhitespace)) {
            problem(PORT, "must be a link URI such as serial:/dev/ttyUSB2, tcp://127.0.0.1:4001 or emulator:demo, "
                    + "got '" + port + "'");
            return port;
        }
        int question = port.indexOf('?');
        String query = question < 0 ? "" : port.substring(question + 1);
        List<String> added = new ArrayList<>();
        requireAgreement(query, "baud", String.valueOf(baud), BAUD, added);
        requireAgreement(query, "flow", flowName, FLOW_CONTROL, added);
        if (added.isEmpty()) {
            return port;
        }
        String separator = question < 0 ? "?" : query.isEmpty() ? "" : "&";
        return port + separator + String.join("&", added);
    }

    private void requireAgreement(String query, String key, String expected, String setting, List<String> added) {
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equalsIgnoreCase(key)) {
                String given = pair.substring(equals + 1);
                if (!given.equalsIgnoreCase(expected)) {
                    problem(PORT, "sets " + key + "=" + given + " but " + setting + " is " + expected
                            + "; set it in one place only");
                }
                return;
            }
        }
        added.add(key + "=" + expected);
    }

    private Path outboxDirectory(String configured, String name, Path dataArea) {
        try {
            Path path = configured.isEmpty() ? Path.of("outbox-" + name) : Path.of(configured);
            if (path.isAbsolute()) {
                return path;
            }
            if (dataArea == null) {
                problem(OUTBOX_DIRECTORY, "must be an absolute path: the framework gives no data area to keep '"
                        + path + "' in");
                return path.toAbsolutePath();
            }
            return dataArea.resolve(path);
        } catch (InvalidPathException e) {
            problem(OUTBOX_DIRECTORY, "is not a valid path: " + e.getMessage());
            return Path.of("").toAbsolutePath();
        }
    }

    private void problem(String setting, String what) {
        problems.add(new ConfigurationProblem(setting, what));
    }

    /** Text as an operator means it: surrounding blanks are no part of a host name or a path. */
    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    /** @return why Declarative Services could not convert a value; it quotes the value, never a password's */
    private static String reason(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // SCR wraps the parser's exception in its own message: the operator wants the value, not the class name.
        return EXCEPTION_NAME.matcher(message).replaceFirst("");
    }
}
