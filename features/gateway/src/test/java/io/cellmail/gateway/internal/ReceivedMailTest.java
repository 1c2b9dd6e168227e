/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ReceivedMailTest {

    private final Session session = Session.getInstance(new Properties());

    @Test
    void shouldReadHeadersBodyAndAttachmentsOfAMultipartMail() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("gateway@example.com", "Gateway 7"));
        message.setRecipients(Message.RecipientType.TO, "operator@example.com");
        message.setRecipients(Message.RecipientType.CC, "shift@example.com");
        message.setSubject("ALARM boiler-7", "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("line one\nline two", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart csv = new MimeBodyPart();
        csv.setDataHandler(new DataHandler(new ByteArrayDataSource("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII),
                "text/csv")));
        csv.setFileName("readings.csv");
        csv.setDisposition(MimeBodyPart.ATTACHMENT);
        mixed.addBodyPart(csv);
        message.setContent(mixed);
        message.saveChanges();

        ReceivedMail mail = ReceivedMail.of(new MimeMessage(session, asStream(message)));

        assertThat(mail.from()).isEqualTo("Gateway 7 <gateway@example.com>");
        assertThat(mail.to()).containsExactly("operator@example.com");
        assertThat(mail.cc()).containsExactly("shift@example.com");
        assertThat(mail.subject()).isEqualTo("ALARM boiler-7");
        assertThat(mail.body()).isEqualTo("line one\nline two");
        assertThat(mail.attachments()).containsExactly(new ReceivedMail.AttachmentSummary("readings.csv", 8));
        assertThat(mail.describe()).contains("To:          operator@example.com",
                "Attachments: readings.csv (8 bytes)", "  | line one", "  | line two");
    }

    @Test
    void shouldReadAPlainTextMailWithoutAttachments() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("gateway@example.com"));
        message.setRecipients(Message.RecipientType.TO, "operator@example.com");
        message.setSubject("plain");
        message.setText("just text");
        message.saveChanges();

        ReceivedMail mail = ReceivedMail.of(new MimeMessage(session, asStream(message)));

        assertThat(mail.body()).isEqualTo("just text");
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.cc()).isEmpty();
        assertThat(mail.describe()).contains("Attachments: none").noneMatch(line -> line.startsWith("Cc:"));
    }

    private static java.io.InputStream asStream(MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        message.writeTo(bytes);
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }
}
