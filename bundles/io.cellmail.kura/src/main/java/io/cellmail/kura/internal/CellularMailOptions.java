/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.util.Objects;

import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;

/**
 * The configuration of one Kura instance, read once: the plain service's configuration
 * ({@link CellularMailConfiguration}, same names, same defaults) with its Password attributes decrypted into
 * {@link CellularMailSecrets}. Kura's own bookkeeping ({@code kura.service.pid}, ...) is no part of it.
 */
final class CellularMailOptions {

    /** The property Kura gives each instance: the name the operator typed when creating it. */
    static final String KURA_SERVICE_PID = "kura.service.pid";

    private final CellularMailConfiguration configuration;
    private final CellularMailSecrets secrets;

    /**
     * @param configuration the configuration Kura delivered to {@code activate} or {@code updated}
     * @param passwords turns Password attributes into passwords
     * @param previous the options in force before, whose passwords stay where Kura sent its placeholder; null at
     *     activation
     */
    CellularMailOptions(CellularMailConfiguration configuration, KuraPasswords passwords,
            CellularMailOptions previous) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(passwords, "passwords");
        this.configuration = configuration;
        CellularMailSecrets before = previous == null ? new CellularMailSecrets("", "", "") : previous.secrets;
        this.secrets = new CellularMailSecrets(
                passwords.reveal(".simPin", configuration._simPin(), before.simPin()),
                passwords.reveal(".apnPassword", configuration._apnPassword(), before.apnPassword()),
                passwords.reveal(".smtpPassword", configuration._smtpPassword(), before.smtpPassword()));
    }

    /** @return the configuration as Kura delivered it, Password attributes still encrypted */
    CellularMailConfiguration configuration() {
        return configuration;
    }

    /** @return the passwords and PIN in clear: never log them */
    CellularMailSecrets secrets() {
        return secrets;
    }

    /** @return which secrets are set, never their values */
    @Override
    public String toString() {
        return "CellularMailOptions[" + secrets + "]";
    }
}
