/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/** How a recipient receives a mail. */
public enum RecipientType {
    /** Named in the To header. */
    TO,
    /** Named in the Cc header. */
    CC,
    /** Receives the mail without appearing in any header. */
    BCC
}
