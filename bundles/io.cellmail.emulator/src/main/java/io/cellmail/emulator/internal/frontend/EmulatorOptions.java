/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.Personality;
import io.cellmail.emulator.SmsPrompt;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line of the standalone emulator, parsed and checked: exactly one front end (TCP or pty), the
 * emulator settings and the faults to arm at start.
 *
 * @param listen where the TCP front end listens, if that is the front end
 * @param pty the host-side link of the pseudo-terminal front end, if that is the front end
 * @param settings the emulator settings the options describe
 * @param faults fault specs to apply at start, in order
 * @param help whether {@code --help} was asked for (then nothing else matters)
 */
public record EmulatorOptions(
        Optional<ListenAddress> listen,
        Optional<Path> pty,
        EmulatorSettings settings,
        List<String> faults,
        boolean help) {

    /** What {@code --help} prints and a bad command line is answered with. */
    public static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar io.cellmail.emulator-standalone.jar (--listen HOST:PORT | --pty PATH) [options]",
            "A Quectel GSM or LTE SMTP modem emulator that relays mail to a real SMTP server.",
            "",
            "Front end (exactly one):",
            "  --listen HOST:PORT   serve one host connection at a time over TCP (PORT 0 picks a free port)",
            "  --pty PATH           make a pseudo-terminal pair with socat; PATH is the host's serial device",
            "Options:",
            "  --personality NAME   the module answered as: m95 (GSM, default), eg25g (LTE SMTP), bg95 (LTE, no SMTP)",
            "  --smtp HOST:PORT     send every mail to this SMTP server instead of the one the host configured",
            "  --baud N             line rate in baud, both directions (default 0: unlimited)",
            "  --latency DURATION   delay before each answer (default 0ms)",
            "  --guard DURATION     silence needed around +++ (default 1s)",
            "  --lenient            any +++ ends data mode at once, without guard times",
            "  --attachments-end-by-length",
            "                       m95: an attachment ends by itself at its announced size, no +++ needed",
            "  --autobaud           after a boot stay silent until the host sends AT",
            "  --sim-pin PIN        the SIM asks for this PIN (4 to 8 digits) after every boot",
            "  --sms-prompt KIND    the prompt for a short message's text: space (default, CR LF > SP), bare (CR LF >),",
            "                       line (CR LF > CR LF)",
            "  --fault SPEC         arm a fault at start (repeatable), e.g. --fault smtp-reply=-550",
            "  --help               print this text",
            "DURATION: 20ms, 1s, 1.5s, 2m or ISO-8601 (PT0.5S).");

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    public EmulatorOptions {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(pty, "pty");
        Objects.requireNonNull(settings, "settings");
        faults = List.copyOf(faults);
    }

    /**
     * A TCP listening address, not resolved.
     *
     * @param host a host name or IP literal
     * @param port 0 to 65535, 0 for a free port
     */
    public record ListenAddress(String host, int port) {

        public ListenAddress {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String toString() {
            return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
        }
    }

    /**
     * @param args the command line
     * @return the options it describes
     * @throws IllegalArgumentException with a message for the user when the command line is wrong
     */
    public static EmulatorOptions parse(String... args) {
        return new Parser(List.of(args)).parse();
    }

    /** Reads the arguments left to right; "--name value" and "--name=value" are both accepted. */
    private static final class Parser {

        private final List<String> args;
        private int next;
        private ListenAddress listen;
        private Path pty;
        private final List<String> faults = new ArrayList<>();
        private final EmulatorSettings.Builder settings = EmulatorSettings.builder();

        Parser(List<String> args) {
            this.args = args;
        }

        EmulatorOptions parse() {
            while (next < args.size()) {
                String arg = args.get(next++);
                if (arg.equals("--help") || arg.equals("-h")) {
                    return new EmulatorOptions(Optional.empty(), Optional.empty(), EmulatorSettings.defaults(),
                            List.of(), true);
                }
                option(arg);
            }
            if ((listen == null) == (pty == null)) {
                throw new IllegalArgumentException("give exactly one of --listen HOST:PORT and --pty PATH");
            }
            // EmulatorSettings checks the values' ranges and explains what is wrong.
            return new EmulatorOptions(Optional.ofNullable(listen), Optional.ofNullable(pty), settings.build(),
                    faults, false);
        }

        private void option(String arg) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            String inline = equals < 0 ? null : arg.substring(equals + 1);
            switch (name) {
                case "--listen":
                    requireOnce(listen, name);
                    listen = listenAddress(value(name, inline));
                    break;
                case "--pty":
                    requireOnce(pty, name);
                    pty = ptyPath(value(name, inline));
                    break;
                case "--smtp":
                    String route = value(name, inline);
                    hostAndPort(route, name, 1);
                    settings.smtpRoute(route);
                    break;
                case "--baud":
                    settings.baud(nonNegativeInt(value(name, inline), name));
                    break;
                case "--latency":
                    settings.commandLatency(duration(value(name, inline), name));
                    break;
                case "--guard":
                    settings.guardTime(duration(value(name, inline), name));
                    break;
                case "--personality":
                    settings.personality(Personality.of(value(name, inline)));
                    break;
                case "--lenient":
                    flag(name, inline);
                    settings.lenientEscape(true);
                    break;
                case "--attachments-end-by-length":
                    flag(name, inline);
                    settings.attachmentsEndByLength(true);
                    break;
                case "--autobaud":
                    flag(name, inline);
                    settings.autobaud(true);
                    break;
                case "--sim-pin":
                    settings.simPin(value(name, inline));
                    break;
                case "--sms-prompt":
                    settings.smsPrompt(SmsPrompt.of(value(name, inline)));
                    break;
                case "--fault":
                    String fault = value(name, inline);
                    if (fault.isBlank()) {
                        throw new IllegalArgumentException("--fault needs a fault spec");
                    }
                    faults.add(fault.trim());
                    break;
                default:
                    throw new IllegalArgumentException("unknown option: " + name);
            }
        }

        private String value(String name, String inline) {
            if (inline != null) {
                return inline;
            }
            if (next >= args.size() || args.get(next).startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(next++);
        }

        private static void flag(String name, String inline) {
            if (inline != null) {
                throw new IllegalArgumentException(name + " takes no value");
            }
        }

        private static void requireOnce(Object previous, String name) {
            if (previous != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
    }

    private static ListenAddress listenAddress(String text) {
        return hostAndPort(text, "--listen", 0);
    }

    private static ListenAddress hostAndPort(String text, String name, int lowestPort) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException(name + " needs HOST:PORT, got: " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a numeric port, got: " + text, e);
        }
        if (port < lowestPort || port > 65535) {
            throw new IllegalArgumentException(name + " port must be " + lowestPort + "-65535, got: " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException(name + " needs a host, got: " + text);
        }
        return new ListenAddress(host, port);
    }

    private static Path ptyPath(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("--pty needs a path");
        }
        return Path.of(text).toAbsolutePath().normalize();
    }

    private static int nonNegativeInt(String text, String name) {
        try {
            int value = Integer.parseInt(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException(name + " needs a whole number of at least 0, got: " + text);
    }

    /**
     * @param text {@code 20ms}, {@code 1.5s}, {@code 2m}, {@code 1h} or ISO-8601 such as {@code PT0.5S}
     * @param name the option, for the message
     * @return the duration
     */
    static Duration duration(String text, String name) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(trimmed);
        try {
            if (simple.matches()) {
                BigDecimal millis = new BigDecimal(simple.group(1))
                        .multiply(BigDecimal.valueOf(millisPerUnit(simple.group(2))));
                return Duration.ofNanos(millis.movePointRight(6).toBigInteger().longValueExact());
            }
            Duration parsed = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            if (!parsed.isNegative()) {
                return parsed;
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException(name + " needs a duration like 20ms, 1s or PT0.5S, got: " + text);
    }

    private static long millisPerUnit(String unit) {
        switch (unit) {
            case "ms":
                return 1;
            case "s":
                return 1_000;
            case "m":
                return 60_000;
            default:
                return 3_600_000;
        }
    }
}
