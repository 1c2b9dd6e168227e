/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What an SMTP server received, in the terms an operator checks.
 *
 * @param from the From header
 * @param to the To recipients
 * @param cc the Cc recipients
 * @param subject the decoded subject
 * @param body the text body
 * @param attachments each attachment's file name and size
 */
record ReceivedMail(String from, List<String> to, List<String> cc, String subject, String body,
        List<AttachmentSummary> attachments) {

    ReceivedMail {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        attachments = List.copyOf(attachments);
    }

    /**
     * An attachment as received.
     *
     * @param name its file name
     * @param bytes its decoded size
     */
    record AttachmentSummary(String name, int bytes) {
    }

    static ReceivedMail of(MimeMessage message) throws MessagingException, IOException {
        StringBuilder body = new StringBuilder();
        List<AttachmentSummary> attachments = new ArrayList<>();
        collect(message, body, attachments);
        return new ReceivedMail(addresses(message.getFrom()).stream().findFirst().orElse(""),
                addresses(message.getRecipients(Message.RecipientType.TO)),
                addresses(message.getRecipients(Message.RecipientType.CC)),
                message.getSubject() == null ? "" : message.getSubject(), body.toString(), attachments);
    }

    private static void collect(Part part, StringBuilder body, List<AttachmentSummary> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body, attachments);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(new AttachmentSummary(String.valueOf(part.getFileName()),
                    part.getInputStream().readAllBytes().length));
        } else if (part.isMimeType("text/*") && body.length() == 0) {
            body.append(String.valueOf(part.getContent()));
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(ReceivedMail::readable).toList();
    }

    /** Display names decoded (RFC 2047), as a mail client shows them. */
    private static String readable(Address address) {
        return address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString();
    }

    /** @return the mail as the demo prints it */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("From:        " + from);
        lines.add("To:          " + String.join(", ", to));
        if (!cc.isEmpty()) {
            lines.add("Cc:          " + String.join(", ", cc));
        }
        lines.add("Subject:     " + subject);
        lines.add("Attachments: " + (attachments.isEmpty() ? "none" : String.join(", ",
                attachments.stream().map(a -> a.name() + " (" + a.bytes() + " bytes)").toList())));
        lines.add("Body:");
        body.lines().forEach(line -> lines.add("  | " + line));
        return lines;
    }
}
