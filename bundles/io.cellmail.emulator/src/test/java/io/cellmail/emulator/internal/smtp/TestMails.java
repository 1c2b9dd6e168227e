/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import io.cellmail.emulator.internal.smtp.OutgoingMail.Attachment;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Recipient;
import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link OutgoingMail} a test needs, starting from a plain ASCII mail to one recipient. */
final class TestMails {

    private String host = "127.0.0.1";
    private int port;
    private boolean authenticate;
    private String user = "";
    private String password = "";
    private String senderAddress = "panel@example.org";
    private String senderName = "Alarm Panel";
    private final List<Recipient> recipients = new ArrayList<>();
    private int subjectCharset;
    private byte[] subject = "Door open".getBytes(StandardCharsets.US_ASCII);
    private int bodyCharset;
    private byte[] body = "The front door is open.\r\n".getBytes(StandardCharsets.US_ASCII);
    private final List<Attachment> attachments = new ArrayList<>();

    private TestMails(int port) {
        this.port = port;
    }

    static TestMails to(int port) {
        return new TestMails(port);
    }

    TestMails host(String value) {
        host = value;
        return this;
    }

    TestMails auth(String userName, String secret) {
        authenticate = true;
        user = userName;
        password = secret;
        return this;
    }

    TestMails sender(String address, String name) {
        senderAddress = address;
        senderName = name;
        return this;
    }

    TestMails recipient(RecipientType type, String address) {
        recipients.add(new Recipient(type, address));
        return this;
    }

    TestMails subject(int charset, byte[] bytes) {
        subjectCharset = charset;
        subject = bytes;
        return this;
    }

    TestMails body(int charset, byte[] bytes) {
        bodyCharset = charset;
        body = bytes;
        return this;
    }

    TestMails attachment(String name, byte[] content) {
        attachments.add(new Attachment(name, content));
        return this;
    }

    OutgoingMail build() {
        List<Recipient> all = recipients.isEmpty()
                ? List.of(new Recipient(RecipientType.TO, "ops@example.org"))
                : recipients;
        return new OutgoingMail(host, port, authenticate, user, password, senderAddress, senderName, all,
                subjectCharset, subject, bodyCharset, body, attachments);
    }

    /** @return the mail with no recipient at all */
    OutgoingMail buildWithoutRecipients() {
        return new OutgoingMail(host, port, authenticate, user, password, senderAddress, senderName, List.of(),
                subjectCharset, subject, bodyCharset, body, attachments);
    }
}
