/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

/**
 * The name of the Quectel LTE SMTP(S) dialect (EC2x, EG9x, EG2x-G, EM05, AG35, UC20: one {@code AT+QSMTPCFG} with
 * string keys, length-ended uploads, attachments from the module's RAM drive, TLS through {@code AT+QSSLCFG}) and
 * the limits its mailers enforce before any AT traffic: from the Quectel LTE SMTP and FILE manuals where they give
 * them, cellmail's own choices where they do not.
 */
public final class QuectelLteDialect {

    /** The value of {@link io.cellmail.service.spi.ModemMailerFactory#DIALECT_PROPERTY} of this dialect. */
    public static final String NAME = "quectel-lte";

    /** Most recipients of one mail, To, Cc and Bcc together (cellmail's choice, as for the GSM dialect). */
    public static final int MAX_RECIPIENTS = 20;
    /** Longest subject in bytes as it goes on the line: ASCII, or UTF-8 (cellmail's choice; no manual names one). */
    public static final int MAX_SUBJECT_BYTES = 255;
    /** Largest body in bytes after encoding ({@code AT+QSMTPBODY} {@code <body_length>}: 1-10240). */
    public static final int MAX_BODY_BYTES = 10_240;
    /** Most attachments of one mail ({@code AT+QSMTPATT} {@code <index>}: 1-10). */
    public static final int MAX_ATTACHMENTS = 10;
    /**
     * Most attachment bytes of one mail together: what the module's RAM drive must hold at once (cellmail's choice,
     * as for the GSM dialect; RAM drives of these modules hold more).
     */
    public static final int MAX_ATTACHMENT_BYTES = 102_400;
    /** Longest attachment file name: {@code AT+QFUPL} takes 80 bytes with the {@code RAM:} prefix. */
    public static final int MAX_ATTACHMENT_NAME = 76;
    /** Longest SMTP user name and password (cellmail's choice, as for the GSM dialect; also the APN's). */
    public static final int MAX_CREDENTIAL = 50;
    /** Longest {@code AT+QSMTPPUT} timeout in seconds ({@code 1-65535}: cellmail keeps to what it needs). */
    public static final int MAX_PUT_TIMEOUT_SECONDS = 65_535;
    /** Longest CA certificate in bytes uploaded to the module's UFS drive (cellmail's choice). */
    public static final int MAX_CA_CERTIFICATE_BYTES = 16_384;

    private QuectelLteDialect() {
    }
}
