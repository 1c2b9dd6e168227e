/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.Objects;

/**
 * A recipient of a mail.
 *
 * @param type To, Cc or Bcc
 * @param address the e-mail address, e.g. {@code ops@example.com}
 */
public record Recipient(RecipientType type, String address) {

    public Recipient {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(address, "address");
    }
}
