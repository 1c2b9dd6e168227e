/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.List;
import java.util.Objects;

import io.cellmail.api.Recipient;

/**
 * A mail checked against every limit of the module and turned into what its commands take: safe recipient
 * addresses, the encoded subject, the body bytes in the mail's charset and the attachments. Immutable.
 *
 * @param recipients To, Cc and Bcc in the order of the message
 * @param subject the subject as {@code AT+QSMTPSUB} takes it
 * @param bodyCharset the {@code <charset>} of {@code AT+QSMTPBODY}
 * @param body the body bytes
 * @param attachments the attachments in order
 * @param ownSenderAddress true if the mail names its own sender address, false if the configured one is used
 * @param ownSenderName true if the mail names its own sender name, false if the configured one is used
 */
record PreparedMail(List<Recipient> recipients, EncodedSubject subject, int bodyCharset, Payload body,
        List<AttachmentUpload> attachments, boolean ownSenderAddress, boolean ownSenderName) {

    PreparedMail {
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
    }

    /** @return body and attachment bytes together: what the module sends, before MIME encoding */
    long payloadBytes() {
        return body.size() + attachments.stream().mapToLong(a -> a.content().size()).sum();
    }

    /**
     * One attachment.
     *
     * @param name the file name, safe in a quoted parameter
     * @param content its bytes
     */
    record AttachmentUpload(String name, Payload content) {

        AttachmentUpload {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
            if (!SafeText.isQuotable(name)) {
                throw new IllegalArgumentException("an attachment name is always quotable");
            }
        }
    }
}
