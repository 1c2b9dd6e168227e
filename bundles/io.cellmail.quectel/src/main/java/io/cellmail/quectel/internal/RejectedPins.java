/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the driver knows about wrong PINs, by the link of its modem, kept by the mailer factory so that it outlives
 * a mailer (a configuration change replaces the mailer, and a wrong PIN must still never be entered twice: three
 * wrong PINs block the SIM). For each link it keeps a digest of one configured PIN with what happened to it:
 * <ul>
 * <li>{@link #remember refused}: the SIM refused it;</li>
 * <li>{@link #declined}: the SIM already counted a wrong PIN (its tries left, {@code AT+QTRPIN}, were below full)
 *     while this PIN was configured, so it was not entered: after a restart the driver cannot tell whether that
 *     wrong PIN was this one.</li>
 * </ul>
 * Either way a <em>different</em> PIN, configured afterwards by an operator, may be tried once more while the SIM
 * has two tries left; this one may not. Only a digest of a PIN is kept, in memory. Thread-safe.
 */
public final class RejectedPins {

    /** The tries a SIM has for its PIN before it wants the PUK. */
    static final int FULL_TRIES = 3;

    private final Map<String, String> byLink = new ConcurrentHashMap<>();

    /**
     * @param linkUri the modem's link
     * @param pin a configured PIN
     * @return true if the SIM behind that link refused exactly this PIN, or this PIN was held back
     */
    boolean refused(String linkUri, String pin) {
        return digest(pin).equals(byLink.get(Objects.requireNonNull(linkUri, "linkUri")));
    }

    /**
     * @param linkUri the modem's link
     * @param pin the configured PIN
     * @param triesLeft what {@code AT+QTRPIN} says the SIM has left
     * @return true if the PIN may be entered now: the SIM has all its tries, or it has two and the one it lost
     *     went to another PIN than this one (an operator corrected the PIN since); never the SIM's last try
     */
    boolean mayEnter(String linkUri, String pin, int triesLeft) {
        if (triesLeft >= FULL_TRIES) {
            return true;
        }
        String known = byLink.get(Objects.requireNonNull(linkUri, "linkUri"));
        return triesLeft == FULL_TRIES - 1 && known != null && !known.equals(digest(pin));
    }

    /**
     * @param linkUri the modem's link
     * @param pin the PIN the SIM just refused
     */
    void remember(String linkUri, String pin) {
        byLink.put(Objects.requireNonNull(linkUri, "linkUri"), digest(pin));
    }

    /**
     * @param linkUri the modem's link
     * @param pin the configured PIN, not entered because the SIM had already lost a try to a wrong PIN
     */
    void declined(String linkUri, String pin) {
        // Overwrites only what cannot matter any more: a PIN is held back when no PIN is known for the link, or when
        // the SIM has one try left (or none), and then no PIN is entered whatever was refused before.
        byLink.put(Objects.requireNonNull(linkUri, "linkUri"), digest(pin));
    }

    /** @param linkUri the modem's link, whose SIM took a PIN: whatever it refused before is history */
    void accepted(String linkUri) {
        byLink.remove(Objects.requireNonNull(linkUri, "linkUri"));
    }

    private static String digest(String pin) {
        return Fingerprint.of("sim pin " + Objects.requireNonNull(pin, "pin"));
    }
}
