package io.cellmail.quectel.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SIM PINs a SIM refused, by the link of its modem, kept by the mailer factory so that they outlive a mailer:
 * a configuration change replaces the mailer, and a refused PIN must still never be entered a second time (three
 * wrong PINs block the SIM). Only a digest of each PIN is kept; a different configured PIN is entered again.
 * Thread-safe.
 */
public final class RejectedPins {

    private final Map<String, String> byLink = new ConcurrentHashMap<>();

    /**
     * @param linkUri the modem's link
     * @param pin a configured PIN
     * @return true if the SIM behind that link refused exactly this PIN
     */
    boolean refused(String linkUri, String pin) {
        return digest(pin).equals(byLink.get(Objects.requireNonNull(linkUri, "linkUri")));
    }

    /**
     * @param linkUri the modem's link
     * @param pin the PIN the SIM just refused
     */
    void remember(String linkUri, String pin) {
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
