package io.cellmail.kura.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import io.cellmail.service.MailServiceProperties;
import io.cellmail.service.MailServiceSettings;

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

    /**
     * @param dataArea where a default outbox lives: the bundle's data area, or null
     * @return the settings of the mail service
     * @throws IllegalArgumentException naming every invalid property; never quoting a password
     */
    MailServiceSettings settings(Path dataArea) {
        return MailServiceProperties.toSettings(serviceProperties, dataArea);
    }

    /** @return the configured dialect */
    String dialect() {
        return MailServiceProperties.dialect(serviceProperties);
    }

    /** @return the configured service name, else the Kura instance's name, for messages about this instance */
    String name() {
        Object name = serviceProperties.get(MailServiceProperties.NAME);
        if (name != null && !String.valueOf(name).isBlank()) {
            return String.valueOf(name).strip();
        }
        Object pid = serviceProperties.get(KURA_SERVICE_PID);
        return pid == null ? MailServiceProperties.DEFAULT_NAME : String.valueOf(pid);
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
