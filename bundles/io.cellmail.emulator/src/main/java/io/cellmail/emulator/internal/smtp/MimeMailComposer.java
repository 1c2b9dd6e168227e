/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import io.cellmail.emulator.internal.smtp.OutgoingMail.Attachment;
import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

/**
 * Turns what the module holds into the MIME message its SMTP client would send: From with display name, To and
 * Cc headers (Bcc only in the envelope), an RFC 2047 subject in the module's charset, a text/plain body with the
 * uploaded bytes, and base64 attachments in a multipart/mixed message.
 */
final class MimeMailComposer {

    private static final String OCTET_STREAM = "application/octet-stream";
    /** Length of "Subject: ", so that folding keeps the first line within 76 characters. */
    private static final int SUBJECT_HEADER_NAME_LENGTH = 9;

    private MimeMailComposer() {
    }

    /**
     * @param mail what the module holds
     * @param session the session the message belongs to
     * @return the message, headers updated and ready for {@code Transport.sendMessage}
     * @throws MessagingException when the message can't be built
     */
    static MimeMessage compose(OutgoingMail mail, Session session) throws MessagingException {
        Objects.requireNonNull(mail, "mail");
        MimeMessage message = new MimeMessage(session);
        String sender = orEmpty(mail.senderAddress());
        if (!sender.isEmpty()) {
            message.setFrom(sender(sender, orEmpty(mail.senderName())));
        }
        Address[] to = recipients(mail, RecipientType.TO);
        if (to.length > 0) {
            message.setRecipients(Message.RecipientType.TO, to);
        }
        Address[] cc = recipients(mail, RecipientType.CC);
        if (cc.length > 0) {
            message.setRecipients(Message.RecipientType.CC, cc);
        }
        // No Bcc header, ever: blind recipients exist only in the envelope.
        message.setHeader("Subject", subject(mail));
        message.setSentDate(sentNow());
        DataHandler body = body(mail);
        if (mail.attachments().isEmpty()) {
            message.setDataHandler(body);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart text = new MimeBodyPart();
            text.setDataHandler(body);
            mixed.addBodyPart(text);
            for (Attachment attachment : mail.attachments()) {
                mixed.addBodyPart(attachmentPart(attachment));
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /**
     * @param mail what the module holds
     * @return every recipient, To, Cc and Bcc, in the order they were added: the RCPT TO list
     */
    static Address[] envelopeRecipients(OutgoingMail mail) {
        return mail.recipients().stream().map(recipient -> address(recipient.address())).toArray(Address[]::new);
    }

    private static Address[] recipients(OutgoingMail mail, RecipientType type) {
        return mail.recipients().stream()
                .filter(recipient -> recipient.type() == type)
                .map(recipient -> address(recipient.address()))
                .toArray(Address[]::new);
    }

    /** An address taken as given, unparsed: the module sends what it was told and lets the server judge. */
    private static InternetAddress address(String address) {
        InternetAddress result = new InternetAddress();
        result.setAddress(address);
        return result;
    }

    private static InternetAddress sender(String address, String name) {
        try {
            return new InternetAddress(address, name.isEmpty() ? null : name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException("UTF-8 is always supported", impossible);
        }
    }

    private static String subject(OutgoingMail mail) throws MessagingException {
        ModuleCharset charset = ModuleCharset.of(mail.subjectCharset());
        byte[] bytes = mail.subject() == null ? new byte[0] : mail.subject();
        String text = new String(bytes, charset.charset());
        try {
            // "B" because GB2312 and Big5 text is mostly non-ASCII; plain ASCII stays unencoded.
            return MimeUtility.fold(SUBJECT_HEADER_NAME_LENGTH,
                    MimeUtility.encodeText(text, charset.mimeName(), "B"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("subject charset " + charset.mimeName(), e);
        }
    }

    /** The body bytes exactly as uploaded, labelled with their charset. */
    private static DataHandler body(OutgoingMail mail) {
        ModuleCharset charset = ModuleCharset.of(mail.bodyCharset());
        byte[] bytes = mail.body() == null ? new byte[0] : mail.body();
        return new DataHandler(new ByteArrayDataSource(bytes, "text/plain; charset=" + charset.mimeName()));
    }

    private static MimeBodyPart attachmentPart(Attachment attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), contentType(attachment))));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(attachment.name());
        // Always base64: the bytes arrive exactly, whatever they are.
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    private static String contentType(Attachment attachment) {
        String guessed = URLConnection.getFileNameMap().getContentTypeFor(attachment.name());
        // A text/* guess would need a charset the module never knew; keep those as opaque bytes.
        if (guessed == null || guessed.startsWith("text/")) {
            return OCTET_STREAM;
        }
        return guessed;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    // Jakarta Mail's API takes a java.util.Date; it is made from the clock's Instant here and nowhere else.
    @SuppressWarnings("JavaUtilDate")
    private static Date sentNow() {
        return Date.from(Instant.now());
    }
}
