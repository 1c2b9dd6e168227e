/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cellmail.at.Urc;

/**
 * Recognises unsolicited result codes: the built-in ones of the modem's lifecycle and network, plus extra
 * prefixes from the settings. Word URCs ({@code RDY}, {@code Call Ready}, {@code RING}) match whole lines only,
 * so {@code RDYX} is none; a prefix ending in a colon matches any line it starts; another prefix matches when a
 * space or nothing follows it ({@code UNDER-VOLTAGE POWER DOWN}). {@code +PDP DEACT} may carry a context id
 * before it ({@code 0,+PDP DEACT}).
 */
public final class UrcClassifier {

    /** The modem (re)started. */
    public static final String RDY = "RDY";
    /** Phone functionality; {@code +CFUN: 1} is part of a boot. */
    public static final String CFUN = "+CFUN:";
    /** Call functions are ready; part of a boot. */
    public static final String CALL_READY = "Call Ready";

    /** The packet context was deactivated by the network; may come as {@code 0,+PDP DEACT}. */
    public static final String PDP_DEACT = "+PDP DEACT";

    /** URCs that are whole lines. */
    private static final List<String> WHOLE_LINES = List.of(RDY, CALL_READY, "SMS Ready", "NORMAL POWER DOWN",
            PDP_DEACT, "RING");
    /** URCs that start a line: after a colon anything may follow, after a word a space or nothing. */
    private static final List<String> BUILT_IN_PREFIXES = List.of(CFUN, "+CPIN:", "+CREG:", "+CGREG:",
            "UNDER-VOLTAGE", "OVER-VOLTAGE");

    private final List<String> prefixes;

    /** @param extraPrefixes further URC prefixes */
    public UrcClassifier(List<String> extraPrefixes) {
        List<String> all = new ArrayList<>(BUILT_IN_PREFIXES);
        all.addAll(extraPrefixes);
        this.prefixes = List.copyOf(all);
    }

    /**
     * @param line a received line
     * @return the URC it is, if it is one
     */
    public Optional<Urc> classify(String line) {
        if (WHOLE_LINES.contains(line)) {
            return Optional.of(new Urc(line, line));
        }
        for (String prefix : prefixes) {
            if (matches(line, prefix)) {
                return Optional.of(new Urc(prefix, line));
            }
        }
        if (isContextDeactivation(line)) {
            return Optional.of(new Urc(PDP_DEACT, line));
        }
        return Optional.empty();
    }

    /**
     * @param urc a classified URC
     * @return true if it shows that the modem booted: {@code RDY}, {@code +CFUN: 1}, {@code Call Ready}
     */
    public static boolean isBootIndicator(Urc urc) {
        return switch (urc.prefix()) {
            case RDY, CALL_READY -> true;
            case CFUN -> urc.info().text().equals("1");
            default -> false;
        };
    }

    /**
     * @param urc a classified URC
     * @return true if the modem is switching itself off ({@code NORMAL POWER DOWN}, {@code UNDER-VOLTAGE POWER
     *     DOWN}, ...)
     */
    public static boolean isPowerDown(Urc urc) {
        return urc.isKnown() && urc.line().endsWith("POWER DOWN");
    }

    /**
     * @return true for {@code <context id>,+PDP DEACT} (spaces allowed after the comma). Scanned by hand, not by a
     *     regular expression: every line the modem sends that is no other URC comes here, and a matcher per line was
     *     a measurable part of what the reader thread spends on a short command.
     */
    private static boolean isContextDeactivation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        if (i == 0 || i == line.length() || line.charAt(i) != ',') {
            return false;
        }
        i++;
        while (i < line.length() && " \t\n\u000B\f\r".indexOf(line.charAt(i)) >= 0) {
            i++;
        }
        return line.length() - i == PDP_DEACT.length() && line.startsWith(PDP_DEACT, i);
    }

    private static boolean matches(String line, String prefix) {
        if (!line.startsWith(prefix)) {
            return false;
        }
        if (line.length() == prefix.length() || prefix.endsWith(":")) {
            return true;
        }
        char next = line.charAt(prefix.length());
        return next == ' ' || next == ':';
    }
}
