/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.fault;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cellmail.emulator.Faults;

/** Reads one fault in the text grammar documented on {@link Faults} and arms it. */
public final class FaultSpecParser {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m)");
    private static final byte[] DEFAULT_GARBAGE = {(byte) 0xff, (byte) 0xfe, '#', '@', '!'};

    private FaultSpecParser() {
    }

    /**
     * @param faults where to arm the fault
     * @param spec one fault, e.g. {@code delay-on=AT+CSQ:2s}
     * @throws IllegalArgumentException if the text does not follow the grammar
     */
    public static void apply(Faults faults, String spec) {
        String text = spec.strip();
        int eq = text.indexOf('=');
        String name = (eq < 0 ? text : text.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
        String value = eq < 0 ? null : text.substring(eq + 1).strip();
        switch (name) {
            case "reboot" -> none(name, value, faults::reboot);
            case "silent-reboot" -> none(name, value, faults::silentReboot);
            case "reboot-on" -> faults.rebootOn(required(name, value));
            case "reboot-after" -> faults.rebootAfter(required(name, value));
            case "pdp-deact" -> faults.pdpDeactivated(contextId(value));
            case "network-loss" -> none(name, value, faults::networkLoss);
            case "dns-failure" -> none(name, value, faults::dnsFailure);
            case "smtp-down" -> none(name, value, faults::smtpDown);
            case "smtp-delay" -> faults.smtpDelay(duration(required(name, value)));
            case "smtp-reply" -> faults.smtpReply(integer(required(name, value)));
            case "put-result-delay" -> faults.putResultDelay(duration(required(name, value)));
            case "auth-failure" -> none(name, value, faults::authFailure);
            case "mute-on" -> faults.muteOn(required(name, value));
            case "error-on" -> faults.errorOn(required(name, value));
            case "cts-stall" -> faults.ctsStall(duration(required(name, value)));
            case "delay-on" -> {
                String[] parts = split(name, required(name, value));
                faults.delayOn(parts[0], duration(parts[1]));
            }
            case "urc-in-reply" -> {
                String[] parts = split(name, required(name, value));
                faults.urcInReply(parts[0], parts[1]);
            }
            case "garbage" -> faults.garbage(value == null ? DEFAULT_GARBAGE : unescape(value));
            case "nul" -> {
                int count = value == null ? 1 : integer(value);
                if (count < 1 || count > 1024) {
                    throw new IllegalArgumentException("nul count must be 1-1024: " + value);
                }
                for (int i = 0; i < count; i++) {
                    faults.nul();
                }
            }
            case "sms-error" -> {
                String code = required(name, value);
                int colon = code.indexOf(':');
                faults.smsError(integer(colon < 0 ? code : code.substring(0, colon)),
                        colon < 0 ? 1 : integer(code.substring(colon + 1)));
            }
            case "sms-delay" -> faults.smsDelay(duration(required(name, value)));
            case "close-mid-upload" -> none(name, value, faults::closeMidUpload);
            default -> throw new IllegalArgumentException("unknown fault: " + name);
        }
    }

    /**
     * @param text {@code 500ms}, {@code 5s}, {@code 2m} or ISO-8601 ({@code PT1.5S})
     * @return the duration
     */
    public static Duration duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMinutes(amount);
            };
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a duration: " + text, e);
        }
    }

    /** @return the bytes of a text with {@code \r \n \t \\ \xNN} escapes */
    static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 >= text.length()) {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = text.charAt(++i);
            switch (e) {
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case '\\' -> out.write('\\');
                case 'x' -> {
                    if (i + 2 >= text.length()) {
                        throw new IllegalArgumentException("\\x needs two hex digits");
                    }
                    out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + e);
            }
        }
        return out.toByteArray();
    }

    private static void none(String name, String value, Runnable arm) {
        if (value != null) {
            throw new IllegalArgumentException(name + " takes no value");
        }
        arm.run();
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value;
    }

    private static boolean contextId(String value) {
        if (value == null) {
            return false;
        }
        if (value.equals("0")) {
            return true;
        }
        throw new IllegalArgumentException("pdp-deact takes no value or =0");
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value, e);
        }
    }

    /** Splits {@code PREFIX:REST} at the first colon. */
    private static String[] split(String name, String value) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException(name + " needs PREFIX:VALUE");
        }
        return new String[] {value.substring(0, colon).strip(), value.substring(colon + 1).strip()};
    }
}
