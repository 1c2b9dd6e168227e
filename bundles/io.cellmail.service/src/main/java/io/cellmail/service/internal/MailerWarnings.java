/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.List;

import io.cellmail.service.spi.MailerSettings;

/**
 * What an operator must be warned of in settings that work: shown by {@code serviceStatus().warnings()} (and so by
 * {@code cellmail:status}) while the service runs with them, and logged once when they are applied.
 */
final class MailerWarnings {

    /** TLS that verifies nothing: the encryption keeps out only those who merely listen. */
    static final String UNVERIFIED_TLS = "TLS without server verification: anybody between the module and the SMTP "
            + "server can read the mail and the SMTP password (set verifyServer=true with the server's CA in "
            + "caCertificateFile)";

    private MailerWarnings() {
    }

    /**
     * @param settings the settings a mailer runs with
     * @return the warnings, empty when there is nothing to warn of
     */
    static List<String> of(MailerSettings settings) {
        MailerSettings.Tls tls = settings.tls();
        return tls.encrypted() && !tls.verifyServer() ? List.of(UNVERIFIED_TLS) : List.of();
    }
}
