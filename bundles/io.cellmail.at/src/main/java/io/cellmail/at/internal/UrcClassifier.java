package io.cellmail.at.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cellmail.at.Urc;

/**
 * Recognises unsolicited result codes: the built-in ones of the modem's lifecycle and network, plus extra
 * prefixes from the settings. A pattern matches a whole line, or a line that continues it after a space or
 * colon, so {@code RDY} matches {@code RDY} but not {@code RDYX}; {@code +PDP DEACT} may carry a context id
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

    private static final List<String> BUILT_IN = List.of(RDY, CFUN, "+CPIN:", CALL_READY, "SMS Ready",
            "NORMAL POWER DOWN", "UNDER-VOLTAGE", "OVER-VOLTAGE", PDP_DEACT, "+CREG:", "+CGREG:", "RING");
    private static final Pattern CONTEXT_ID = Pattern.compile("^\\d+,");

    private final List<String> prefixes;

    /** @param extraPrefixes further URC prefixes */
    public UrcClassifier(List<String> extraPrefixes) {
        List<String> all = new ArrayList<>(BUILT_IN);
        all.addAll(extraPrefixes);
        this.prefixes = List.copyOf(all);
    }

    /**
     * @param line a received line
     * @return the URC it is, if it is one
     */
    public Optional<Urc> classify(String line) {
        for (String prefix : prefixes) {
            if (matches(line, prefix)) {
                return Optional.of(new Urc(prefix, line));
            }
        }
        Matcher contextId = CONTEXT_ID.matcher(line);
        if (contextId.find() && matches(line.substring(contextId.end()), PDP_DEACT)) {
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
