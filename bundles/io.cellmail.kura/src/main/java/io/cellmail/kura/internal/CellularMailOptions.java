package io.cellmail.kura.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.cellmail.service.MailServiceProperties;

/**
 * The configuration of one Kura instance, read once: the plain mail service's properties (same names, same
 * defaults, see {@link MailServiceProperties}) with the Password attributes decrypted. Kura's own bookkeeping
 * ({@code kura.service.pid}, {@code service.pid}, ...) rides along and is ignored by the mapping.
 */
final class CellularMailOptions {

    /** The property Kura gives each instance: the name the operator typed when creating it. */
    static final String KURA_SERVICE_PID = "kura.service.pid";

    private final Map<String, Object> serviceProperties;

    /**
     * @param kuraProperties the properties Kura delivered to {@code activate} or {@code updated}
     * @param passwords turns Password attributes into passwords
     * @param previous the options in force before, whose passwords stay where Kura sent its placeholder; null at
     *     activation
     */
    CellularMailOptions(Map<String, ?> kuraProperties, KuraPasswords passwords, CellularMailOptions previous) {
        Objects.requireNonNull(kuraProperties, "kuraProperties");
        Objects.requireNonNull(passwords, "passwords");
        Map<String, Object> properties = new HashMap<>(kuraProperties);
        for (String key : MailServiceProperties.PASSWORDS) {
            String current = previous == null ? "" : previous.password(key);
            properties.put(key, passwords.reveal(key, kuraProperties.get(key), current));
        }
        this.serviceProperties = Map.copyOf(properties);
    }

    /** @return the properties of the plain mail service, passwords in clear: never log them */
    Map<String, Object> serviceProperties() {
        return serviceProperties;
    }

    private String password(String key) {
        Object value = serviceProperties.get(key);
        return value == null ? "" : String.valueOf(value);
    }

    /** @return the property names only: the values include passwords */
    @Override
    public String toString() {
        return "CellularMailOptions" + new TreeSet<>(serviceProperties.keySet());
    }
}
