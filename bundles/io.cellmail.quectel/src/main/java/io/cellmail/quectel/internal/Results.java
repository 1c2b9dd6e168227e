/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

/** The prefixes of the module's SMTP result lines. */
public final class Results {

    /** {@code AT+QSMTPPUT}, deferred. */
    public static final String PUT = "+QSMTPPUT:";
    /** {@code AT+QSMTPBODY}, after the upload. */
    static final String BODY = "+QSMTPBODY:";
    /** {@code AT+QSMTPATT}, after the upload (or instead of it). */
    static final String ATTACHMENT = "+QSMTPATT:";
    /** {@code AT+QSMTPDST}, deferred. */
    static final String RECIPIENT = "+QSMTPDST:";
    /** {@code AT+QSMTPSRV?}, the server the module holds. */
    static final String SERVER = "+QSMTPSRV:";
    /** {@code AT+QSMTPDATT}, deferred. */
    static final String DELETE_ATTACHMENTS = "+QSMTPDATT:";

    private Results() {
    }
}
