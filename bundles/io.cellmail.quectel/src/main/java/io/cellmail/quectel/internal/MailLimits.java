/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.api.MailCharset;
import io.cellmail.quectel.QuectelDialect;
import io.cellmail.quectel.lte.QuectelLteDialect;

/**
 * A dialect's limits of one mail, checked by {@link MessageRules} before any AT traffic, and how its subject goes
 * on the command line.
 *
 * @param maxRecipients most recipients, To, Cc and Bcc together
 * @param maxBodyBytes largest body in bytes after encoding
 * @param maxAttachments most attachments
 * @param maxAttachmentBytes most attachment bytes together
 * @param maxAttachmentName longest attachment file name
 * @param fileNames true if attachments become files on the module's drive, whose names may not hold a drive or
 *     wildcard character ({@code :}, {@code *}, {@code ?}) and must differ from each other
 * @param subjects how the subject is encoded
 */
record MailLimits(int maxRecipients, int maxBodyBytes, int maxAttachments, int maxAttachmentBytes,
        int maxAttachmentName, boolean fileNames, SubjectEncoding subjects) {

    /** How a dialect puts a subject on the command line. */
    @FunctionalInterface
    interface SubjectEncoding {
        /**
         * @param subject the mail's subject
         * @param charset the mail's charset
         * @return the subject as the module takes it
         */
        EncodedSubject encode(String subject, MailCharset charset);
    }

    /** The GSM manual's limits; subjects as text or hex. */
    static final MailLimits GSM = new MailLimits(QuectelDialect.MAX_RECIPIENTS, QuectelDialect.MAX_BODY_BYTES,
            QuectelDialect.MAX_ATTACHMENTS, QuectelDialect.MAX_ATTACHMENT_BYTES, QuectelDialect.MAX_ATTACHMENT_NAME,
            false, EncodedSubject::of);

    /** The LTE modules' limits; subjects as ASCII or UTF-8 text, attachments as RAM files. */
    static final MailLimits LTE = new MailLimits(QuectelLteDialect.MAX_RECIPIENTS, QuectelLteDialect.MAX_BODY_BYTES,
            QuectelLteDialect.MAX_ATTACHMENTS, QuectelLteDialect.MAX_ATTACHMENT_BYTES,
            QuectelLteDialect.MAX_ATTACHMENT_NAME, true, EncodedSubject::lte);
}
