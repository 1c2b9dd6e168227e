/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

/** A PDU or an entered text the module cannot make a message of: answered {@code +CMS ERROR: 304} or 305. */
public final class SmsFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SmsFormatException(String message) {
        super(message);
    }
}
