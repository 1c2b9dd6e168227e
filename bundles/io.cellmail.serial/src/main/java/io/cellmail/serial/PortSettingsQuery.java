/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import io.cellmail.serial.PortSettings.FlowControl;
import io.cellmail.serial.PortSettings.Parity;
import io.cellmail.serial.PortSettings.StopBits;
import io.cellmail.serial.SerialLinkException.Reason;

/**
 * The query form of {@link PortSettings}: {@code baud=115200&data=8&parity=none&stop=1&flow=rtscts}. Strict on
 * purpose: a typo in an operator's configuration must fail the open with a message naming the key, not silently
 * fall back to a default that makes the modem look dead.
 */
final class PortSettingsQuery {

    static final String BAUD = "baud";
    static final String DATA = "data";
    static final String PARITY = "parity";
    static final String STOP = "stop";
    static final String FLOW = "flow";

    private static final Map<String, Integer> DATA_BITS = Map.of("5", 5, "6", 6, "7", 7, "8", 8);
    private static final Map<String, Parity> PARITIES = Map.of(
            "none", Parity.NONE, "odd", Parity.ODD, "even", Parity.EVEN, "mark", Parity.MARK, "space", Parity.SPACE);
    private static final Map<String, StopBits> STOP_BITS = Map.of(
            "1", StopBits.ONE, "1.5", StopBits.ONE_AND_HALF, "2", StopBits.TWO);
    private static final Map<String, FlowControl> FLOW_CONTROLS = Map.of(
            "none", FlowControl.NONE, "rtscts", FlowControl.RTS_CTS, "xonxoff", FlowControl.XON_XOFF);

    private PortSettingsQuery() {
    }

    static PortSettings parse(String query) throws SerialLinkException {
        if (query == null || query.isEmpty()) {
            return PortSettings.DEFAULT;
        }
        PortSettings defaults = PortSettings.DEFAULT;
        int baud = defaults.baud();
        int dataBits = defaults.dataBits();
        Parity parity = defaults.parity();
        StopBits stopBits = defaults.stopBits();
        FlowControl flowControl = defaults.flowControl();
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue; // "?baud=9600&" is harmless
            }
            int eq = pair.indexOf('=');
            // Keys are case-insensitive like values: the mail service checks a port's query the same way, and a
            // query it accepted must open.
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!seen.add(key)) {
                throw invalid("port setting '" + key + "' is given more than once");
            }
            switch (key) {
                case BAUD -> baud = parseBaud(value);
                case DATA -> dataBits = lookup(DATA, value, DATA_BITS, "5, 6, 7, 8");
                case PARITY -> parity = lookup(PARITY, value, PARITIES, "none, odd, even, mark, space");
                case STOP -> stopBits = lookup(STOP, value, STOP_BITS, "1, 1.5, 2");
                case FLOW -> flowControl = lookup(FLOW, value, FLOW_CONTROLS, "none, rtscts, xonxoff");
                default -> throw invalid("unknown port setting '" + key + "'; known settings: "
                        + String.join(", ", BAUD, DATA, PARITY, STOP, FLOW));
            }
        }
        return new PortSettings(baud, dataBits, parity, stopBits, flowControl);
    }

    static String format(PortSettings settings) {
        StringJoiner query = new StringJoiner("&");
        query.add(BAUD + "=" + settings.baud());
        query.add(DATA + "=" + settings.dataBits());
        query.add(PARITY + "=" + keyOf(PARITIES, settings.parity()));
        query.add(STOP + "=" + keyOf(STOP_BITS, settings.stopBits()));
        query.add(FLOW + "=" + keyOf(FLOW_CONTROLS, settings.flowControl()));
        return query.toString();
    }

    private static int parseBaud(String value) throws SerialLinkException {
        String problem = "port setting 'baud' must be a positive whole number of bits per second, e.g. 115200";
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(problem + "; got '" + value + "'");
        }
        try {
            int baud = Integer.parseInt(value);
            if (baud > 0) {
                return baud;
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to the same message as zero
        }
        throw invalid(problem + "; got '" + value + "'");
    }

    private static <T> T lookup(String key, String value, Map<String, T> allowed, String allowedText)
            throws SerialLinkException {
        T found = allowed.get(value.toLowerCase(Locale.ROOT));
        if (found == null) {
            throw invalid("port setting '" + key + "' must be one of " + allowedText + "; got '" + value + "'");
        }
        return found;
    }

    private static <T> String keyOf(Map<String, T> table, T value) {
        return table.entrySet().stream()
                .filter(e -> e.getValue().equals(value))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no query token for " + value));
    }

    private static SerialLinkException invalid(String message) {
        return new SerialLinkException(Reason.INVALID_URI, message);
    }
}
