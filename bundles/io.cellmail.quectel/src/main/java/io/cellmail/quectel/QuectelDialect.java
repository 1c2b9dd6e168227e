/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

/**
 * The name of the Quectel GSM SMTP dialect and the limits its mailers enforce before any AT traffic, from the
 * Quectel GSM SMTP AT manual (V1.00) where it gives them and cellmail's own choices where it does not.
 */
public final class QuectelDialect {

    /** The value of {@link io.cellmail.service.spi.ModemMailerFactory#DIALECT_PROPERTY} of this dialect. */
    public static final String NAME = "quectel-gsm";

    /** Most recipients of one mail, To, Cc and Bcc together ({@code AT+QSMTPDST} note). */
    public static final int MAX_RECIPIENTS = 20;
    /** Longest e-mail address (RFC 5321 path limit). */
    public static final int MAX_ADDRESS_LENGTH = 254;
    /** Longest subject: characters when it goes out as ASCII, encoded bytes otherwise ({@code AT+QSMTPSUB}). */
    public static final int MAX_SUBJECT = 100;
    /** Largest body in bytes after encoding ({@code AT+QSMTPBODY} note 2: 10 Kbytes). */
    public static final int MAX_BODY_BYTES = 10_240;
    /** Most attachments of one mail ({@code AT+QSMTPATT} note 2). */
    public static final int MAX_ATTACHMENTS = 10;
    /** Most attachment bytes of one mail together ({@code AT+QSMTPATT} note 3: 100 KBytes). */
    public static final int MAX_ATTACHMENT_BYTES = 102_400;
    /** Longest attachment file name (cellmail's choice; the manual names none). */
    public static final int MAX_ATTACHMENT_NAME = 64;
    /** Longest SMTP user name and password ({@code AT+QSMTPUSER}, {@code AT+QSMTPPWD}); also used for the APN. */
    public static final int MAX_CREDENTIAL = 50;
    /** Longest access point name (3GPP TS 23.003). */
    public static final int MAX_APN = 100;
    /** Shortest {@code AT+QSMTPPUT} timeout in seconds. */
    public static final int MIN_PUT_TIMEOUT_SECONDS = 100;
    /** Longest {@code AT+QSMTPPUT}, {@code AT+QSMTPBODY} and {@code AT+QSMTPATT} timeout in seconds. */
    public static final int MAX_TIMEOUT_SECONDS = 48_000;

    private QuectelDialect() {
    }
}
