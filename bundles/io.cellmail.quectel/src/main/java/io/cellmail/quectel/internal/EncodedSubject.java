/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.HexFormat;
import java.util.Objects;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailException;
import io.cellmail.quectel.QuectelDialect;
import io.cellmail.quectel.lte.QuectelLteDialect;

/**
 * A subject as {@code AT+QSMTPSUB=<charset>,"<title>"} takes it. The GSM module ({@link #of}): plain text for
 * charset 0 when every character is safe in a quoted parameter, else the bytes in the mail's charset as upper-case
 * hex. An ASCII mail whose subject holds an unsafe character ({@code "}, {@code ;}, {@code \}) goes out as UTF-8
 * hex: ASCII is a subset of UTF-8, so the recipient reads the same text. The LTE module ({@link #lte}) takes the
 * subject's bytes as they come on the line, no hex: ASCII, or UTF-8 text (charset 1) whatever the mail's charset.
 *
 * @param charset the {@code <charset>} number, 0 to 3
 * @param title the {@code <title>} parameter without its quotes: safe text, hex digits, or (LTE) UTF-8 text
 */
record EncodedSubject(int charset, String title) {

    EncodedSubject {
        Objects.requireNonNull(title, "title");
        if (!SafeText.isQuotableText(title)) {
            throw new IllegalArgumentException("an encoded subject is always quotable");
        }
    }

    /**
     * @param subject the mail's subject
     * @param mailCharset the mail's charset
     * @return the subject as the module takes it
     * @throws MailException {@code INVALID_MESSAGE} for field {@code subject}: a control character (a subject is
     *     one line), a character the charset cannot encode, or more than {@value QuectelDialect#MAX_SUBJECT}
     *     characters (ASCII) or encoded bytes (hex)
     */
    static EncodedSubject of(String subject, MailCharset mailCharset) {
        requireOneLine(subject);
        if (SafeText.isQuotable(subject)) {
            if (subject.length() > QuectelDialect.MAX_SUBJECT) {
                throw MailException.invalid("subject", "has " + subject.length() + " characters, the modem takes at "
                        + "most " + QuectelDialect.MAX_SUBJECT);
            }
            return new EncodedSubject(MailCharset.ASCII.code(), subject);
        }
        if (mailCharset == MailCharset.ASCII) {
            // refuses non-ASCII text in an ASCII mail; what passes is the same in UTF-8
            CharsetText.encode(subject, MailCharset.ASCII, "subject");
        }
        MailCharset charset = mailCharset == MailCharset.ASCII ? MailCharset.UTF_8 : mailCharset;
        byte[] bytes = CharsetText.encode(subject, charset, "subject");
        if (bytes.length > QuectelDialect.MAX_SUBJECT) {
            throw MailException.invalid("subject", "is " + bytes.length + " bytes in " + charset + ", the modem takes "
                    + "at most " + QuectelDialect.MAX_SUBJECT);
        }
        return new EncodedSubject(charset.code(), HexFormat.of().withUpperCase().formatHex(bytes));
    }

    /**
     * @param subject the mail's subject
     * @param mailCharset the mail's charset
     * @return the subject as the LTE module takes it: charset 0 when it is quotable ASCII, else charset 1 with the
     *     text itself, which the engine writes as UTF-8 (GB2312 and BIG5 mails too: the subject has a charset of its
     *     own, and the line carries UTF-8)
     * @throws MailException {@code INVALID_MESSAGE} for field {@code subject}: a control character, {@code "},
     *     {@code \} or {@code ;} (no hex form exists to carry them), a character an ASCII mail cannot hold, or
     *     more than {@value QuectelLteDialect#MAX_SUBJECT_BYTES} bytes
     */
    static EncodedSubject lte(String subject, MailCharset mailCharset) {
        requireOneLine(subject);
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c == '"' || c == '\\' || c == ';') {
                throw MailException.invalid("subject", "character " + SafeText.describe(c) + " at index " + i
                        + " cannot be sent to this modem, which takes the subject as quoted text; only '\"', '\\' "
                        + "and ';' are excluded");
            }
        }
        if (mailCharset == MailCharset.ASCII) {
            CharsetText.encode(subject, MailCharset.ASCII, "subject");
        }
        boolean ascii = SafeText.isQuotable(subject);
        byte[] bytes = CharsetText.encode(subject, ascii ? MailCharset.ASCII : MailCharset.UTF_8, "subject");
        if (bytes.length > QuectelLteDialect.MAX_SUBJECT_BYTES) {
            throw MailException.invalid("subject", "is " + bytes.length + " bytes, the modem takes at most "
                    + QuectelLteDialect.MAX_SUBJECT_BYTES);
        }
        return new EncodedSubject(ascii ? MailCharset.ASCII.code() : MailCharset.UTF_8.code(), subject);
    }

    private static void requireOneLine(String subject) {
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Character.isISOControl(c)) {
                throw MailException.invalid("subject", "control character " + SafeText.describe(c) + " at index " + i
                        + "; a subject is one line of text");
            }
        }
    }
}
