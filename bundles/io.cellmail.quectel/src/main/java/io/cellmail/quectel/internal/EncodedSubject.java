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

/**
 * A subject as {@code AT+QSMTPSUB=<charset>,"<title>"} takes it: plain text for charset 0 when every character
 * is safe in a quoted parameter, else the bytes in the mail's charset as upper-case hex. An ASCII mail whose
 * subject holds an unsafe character ({@code "}, {@code ;}, {@code \}) goes out as UTF-8 hex: ASCII is a subset of
 * UTF-8, so the recipient reads the same text.
 *
 * @param charset the {@code <charset>} number, 0 to 3
 * @param title the {@code <title>} parameter without its quotes: safe text or hex digits
 */
record EncodedSubject(int charset, String title) {

    EncodedSubject {
        Objects.requireNonNull(title, "title");
        if (!SafeText.isQuotable(title)) {
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
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (Character.isISOControl(c)) {
                throw MailException.invalid("subject", "control character " + SafeText.describe(c) + " at index " + i
                        + "; a subject is one line of text");
            }
        }
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
}
