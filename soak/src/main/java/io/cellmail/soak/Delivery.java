/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * One mail the SMTP server received: one SMTP transaction, however many recipients (GreenMail keeps a copy per
 * recipient; they share the Message-ID).
 *
 * @param messageId the Message-ID the module's SMTP client gave it
 * @param alarmId the alarm id its subject carries ({@code SOAK <id> ...}), empty when it carries none
 * @param firstSeen when the soak saw it arrive
 * @param recipients its To and Cc addresses
 * @param body its text body
 * @param attachmentBytes the decoded size of each attachment
 */
record Delivery(String messageId, Optional<String> alarmId, Instant firstSeen, List<String> recipients, String body,
        List<Integer> attachmentBytes) {

    private static final Pattern SUBJECT_ID = Pattern.compile("SOAK ([A-Za-z0-9._-]+)");

    Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(firstSeen, "firstSeen");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(body, "body");
        attachmentBytes = List.copyOf(attachmentBytes);
    }

    /**
     * @param subject a subject or an {@code AT+QSMTPSUB} command line
     * @return the alarm id it carries
     */
    static Optional<String> alarmIdIn(String subject) {
        Matcher matcher = SUBJECT_ID.matcher(subject == null ? "" : subject);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static Delivery of(MimeMessage message, Instant seen) throws MessagingException, IOException {
        StringBuilder body = new StringBuilder();
        List<Integer> attachments = new ArrayList<>();
        collect(message, body, attachments);
        List<String> recipients = new ArrayList<>();
        recipients.addAll(addresses(message.getRecipients(Message.RecipientType.TO)));
        recipients.addAll(addresses(message.getRecipients(Message.RecipientType.CC)));
        String id = message.getMessageID();
        return new Delivery(id == null ? "(none) " + seen : id, alarmIdIn(message.getSubject()), seen, recipients,
                body.toString(), attachments);
    }

    private static void collect(Part part, StringBuilder body, List<Integer> attachments)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), body, attachments);
            }
        } else if (part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            attachments.add(part.getInputStream().readAllBytes().length);
        } else if (part.isMimeType("text/*") && body.length() == 0) {
            body.append(String.valueOf(part.getContent()));
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).toList();
    }
}
