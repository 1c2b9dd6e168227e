/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;

/**
 * The result line of {@code AT+QSMTPPUT} in either dialect: the GSM {@code +QSMTPPUT: <result>} (0 or a negative
 * code of chapter 3, no second field) and the LTE {@code +QSMTPPUT: <err>,<protocol_error>} (0,0 on success; the
 * SMTP server's reply code in the second field). What a failure means is the dialect's to say.
 *
 * @param error the first field
 * @param protocolError the second field; 0 when the line has none
 */
record PutResult(int error, int protocolError) {

    /** A mail the module delivered. */
    static final PutResult SUCCESS = new PutResult(0, 0);

    /**
     * @param line a {@code +QSMTPPUT:} line
     * @return its fields
     * @throws AtException when a field is not a number
     */
    static PutResult of(InfoLine line) throws AtException {
        int error = line.intField(0);
        return new PutResult(error, line.fieldCount() > 1 ? line.intField(1) : 0);
    }

    /** @return true if the module reports the mail delivered */
    boolean success() {
        return error == 0 && protocolError == 0;
    }

    @Override
    public String toString() {
        return protocolError == 0 ? Integer.toString(error) : error + "," + protocolError;
    }
}
