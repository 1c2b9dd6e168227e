/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.util.Objects;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the value of a Kura Password attribute into the password itself. Kura stores Password attributes encrypted
 * and hands them to the component that way; factory configurations of older Kura releases and snapshot fragments
 * applied with {@code encrypted="false"} may still arrive in plain text, so a value that does not decrypt is used
 * as given. No value, encrypted or not, ever reaches a log line or an exception message.
 */
final class KuraPasswords {

    /**
     * What Kura's web UI sends for a password field the operator did not touch. Kura swaps it for the stored value
     * before the component sees the configuration; should it ever get through, it means "unchanged", never a
     * password.
     */
    static final String PLACEHOLDER = "Placeholder";

    private static final Logger LOG = LoggerFactory.getLogger(KuraPasswords.class);

    private final CryptoService crypto;

    KuraPasswords(CryptoService crypto) {
        this.crypto = Objects.requireNonNull(crypto, "crypto");
    }

    /**
     * @param attribute the attribute's id, for the debug log
     * @param value the attribute's value as Kura delivered it, possibly null
     * @param current the password in use now, kept when the value is {@link #PLACEHOLDER}
     * @return the password; empty when the value is absent or empty
     */
    String reveal(String attribute, Object value, String current) {
        String text = value == null ? "" : String.valueOf(value);
        if (text.isEmpty()) {
            return "";
        }
        if (text.equals(PLACEHOLDER)) {
            LOG.debug("{} is Kura's placeholder: the password in use stays", attribute);
            return current;
        }
        try {
            return new String(crypto.decryptAes(text.toCharArray()));
        } catch (KuraException | IllegalArgumentException e) {
            // Kura's CryptoService refuses what it did not encrypt; some implementations let a bad Base64 input
            // through as IllegalArgumentException. Either way the value is a password typed in plain text.
            LOG.debug("{} is not encrypted ({}); using it as given", attribute,
                    e instanceof KuraException kura ? kura.getCode() : e.getClass().getSimpleName());
            return text;
        }
    }
}
