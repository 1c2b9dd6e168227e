/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The secrets of a {@link CellularMailConfiguration} as the front end revealed them: the plain component takes them
 * as configured, the Kura component after decrypting its Password attributes. Kept apart from the configuration so
 * that no front end has to rewrite a configuration to hand over a decrypted password. {@link #toString()} masks
 * them; no accessor result may reach a log line.
 *
 * @param simPin the SIM's PIN, empty when the SIM needs none
 * @param apnPassword the access point password, possibly empty
 * @param smtpPassword the SMTP password, possibly empty
 */
@ProviderType
public record CellularMailSecrets(String simPin, String apnPassword, String smtpPassword) {

    public CellularMailSecrets {
        Objects.requireNonNull(simPin, "simPin");
        Objects.requireNonNull(apnPassword, "apnPassword");
        Objects.requireNonNull(smtpPassword, "smtpPassword");
    }

    /**
     * @param configuration a configuration whose Password attributes hold the secrets themselves
     * @return its secrets
     */
    public static CellularMailSecrets of(CellularMailConfiguration configuration) {
        return new CellularMailSecrets(configuration._simPin(), configuration._apnPassword(),
                configuration._smtpPassword());
    }

    /** @return which secrets are set, never their values */
    @Override
    public String toString() {
        return "CellularMailSecrets[simPin=" + mask(simPin) + ", apnPassword=" + mask(apnPassword) + ", smtpPassword="
                + mask(smtpPassword) + "]";
    }

    private static String mask(String secret) {
        return secret.isEmpty() ? "" : "****";
    }
}
