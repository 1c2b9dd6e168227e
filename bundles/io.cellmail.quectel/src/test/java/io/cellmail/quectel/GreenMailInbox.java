/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads what GreenMail received: the copies, one per envelope recipient, and each recipient's inbox. */
public final class GreenMailInbox {

    private GreenMailInbox() {
    }

    /**
     * @param smtp the server
     * @param count how many copies (one per envelope recipient) to wait for
     * @return every copy received, once at least {@code count} arrived
     */
    public static MimeMessage[] await(GreenMailExtension smtp, int count) {
        assertThat(smtp.waitForIncomingEmail(10_000, count)).as("%d mails arrive", count).isTrue();
        return smtp.getReceivedMessages();
    }

    /** @return the one mail received */
    public static MimeMessage only(GreenMailExtension smtp) {
        MimeMessage[] received = await(smtp, 1);
        assertThat(received).hasSize(1);
        return received[0];
    }

    /**
     * @param smtp the server
     * @param address an envelope recipient
     * @return how many mails are in that recipient's inbox (GreenMail keeps one copy per envelope recipient)
     */
    public static int inboxSize(GreenMailExtension smtp, String address) throws Exception {
        GreenMailUser user = smtp.getManagers().getUserManager().getUserByEmail(address);
        return user == null ? 0 : smtp.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    /** @return the subjects of every copy received so far */
    public static List<String> subjects(GreenMailExtension smtp) throws MessagingException {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    /** @return the text body, line ends as LF */
    public static String text(MimeMessage message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof Multipart multipart) {
            content = multipart.getBodyPart(0).getContent();
        }
        return ((String) content).replace("\r\n", "\n");
    }

    /** @return the attachment parts in order */
    public static List<BodyPart> attachments(MimeMessage message) throws MessagingException, IOException {
        List<BodyPart> parts = new ArrayList<>();
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    /** @return the bytes of an attachment */
    public static byte[] bytes(BodyPart part) throws MessagingException, IOException {
        return part.getInputStream().readAllBytes();
    }

    /** @return every header line, one a line */
    public static String headers(MimeMessage message) throws MessagingException {
        StringBuilder text = new StringBuilder();
        for (Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements();) {
            text.append(lines.nextElement()).append('\n');
        }
        return text.toString();
    }
}
