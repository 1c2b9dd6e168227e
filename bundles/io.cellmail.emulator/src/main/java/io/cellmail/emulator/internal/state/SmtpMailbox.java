/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.cellmail.emulator.internal.smtp.OutgoingMail;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Attachment;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Recipient;
import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;

/**
 * What the module's SMTP client holds: the nine items {@code AT+QSMTPCLR} clears, plus the authentication flag of
 * {@code AT+QSMTPCFG=1} (factory default 1), which it does not clear. Limits are the spec's.
 */
public final class SmtpMailbox {

    /** Most recipients ({@code AT+QSMTPDST} note). */
    public static final int MAX_RECIPIENTS = 20;
    /** Most attachments ({@code AT+QSMTPATT} note 2). */
    public static final int MAX_ATTACHMENTS = 10;
    /** Most attachment bytes together, 100 KB ({@code AT+QSMTPATT} note 3). */
    public static final int MAX_ATTACHMENT_BYTES = 102_400;
    /** Largest body, 10 KB ({@code AT+QSMTPBODY} note 2). */
    public static final int MAX_BODY_BYTES = 10_240;
    /** Port reported before {@code AT+QSMTPSRV} set one. */
    public static final int DEFAULT_PORT = 25;

    private String user = "";
    private String password = "";
    private String senderAddress = "";
    private String senderName = "";
    private String server = "";
    private int port = DEFAULT_PORT;
    private final List<Recipient> recipients = new ArrayList<>();
    private int subjectCharset;
    private String subject = "";
    private int bodyCharset;
    private byte[] body = new byte[0];
    private final List<Attachment> attachments = new ArrayList<>();
    private boolean authenticate = true;

    /** Clears exactly the nine items the spec lists for {@code AT+QSMTPCLR}. */
    public void clear() {
        user = "";
        password = "";
        senderAddress = "";
        senderName = "";
        server = "";
        port = DEFAULT_PORT;
        recipients.clear();
        subjectCharset = 0;
        subject = "";
        bodyCharset = 0;
        body = new byte[0];
        attachments.clear();
    }

    /** What the LTE {@code AT+QSMTPCLR} clears: recipients, subject, body and attachments, not server or account. */
    public void clearContent() {
        recipients.clear();
        subjectCharset = 0;
        subject = "";
        bodyCharset = 0;
        body = new byte[0];
        attachments.clear();
    }

    /** Back to the power-on state: everything cleared, authentication on. */
    public void reset() {
        clear();
        authenticate = true;
    }

    public String user() {
        return user;
    }

    public void user(String value) {
        user = value;
    }

    public String password() {
        return password;
    }

    public void password(String value) {
        password = value;
    }

    public String senderAddress() {
        return senderAddress;
    }

    public void senderAddress(String value) {
        senderAddress = value;
    }

    public String senderName() {
        return senderName;
    }

    public void senderName(String value) {
        senderName = value;
    }

    public String server() {
        return server;
    }

    public int port() {
        return port;
    }

    public void server(String host, int serverPort) {
        server = host;
        port = serverPort;
    }

    public boolean authenticate() {
        return authenticate;
    }

    public void authenticate(boolean value) {
        authenticate = value;
    }

    public List<Recipient> recipients() {
        return List.copyOf(recipients);
    }

    /** @return false when {@link #MAX_RECIPIENTS} are already held */
    public boolean addRecipient(RecipientType type, String address) {
        if (recipients.size() >= MAX_RECIPIENTS) {
            return false;
        }
        recipients.add(new Recipient(type, address));
        return true;
    }

    /** @return false if no recipient of that type has that address (compared ignoring case) */
    public boolean removeRecipient(RecipientType type, String address) {
        return recipients.removeIf(r -> r.type() == type && r.address().equalsIgnoreCase(address));
    }

    public void removeRecipients(RecipientType type) {
        recipients.removeIf(r -> r.type() == type);
    }

    public void removeAllRecipients() {
        recipients.clear();
    }

    public int subjectCharset() {
        return subjectCharset;
    }

    /** @return the subject as given: text for charset 0, hex digits for charsets 1 to 3 */
    public String subject() {
        return subject;
    }

    public void subject(int charset, String text) {
        subjectCharset = charset;
        subject = text;
    }

    public int bodyCharset() {
        return bodyCharset;
    }

    public byte[] body() {
        return body.clone();
    }

    public void body(int charset, byte[] bytes) {
        bodyCharset = charset;
        body = bytes.clone();
    }

    public List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    /** @return the bytes of all attachments together */
    public int attachmentBytes() {
        return attachments.stream().mapToInt(a -> a.content().length).sum();
    }

    public void addAttachment(String name, byte[] content) {
        attachments.add(new Attachment(name, content.clone()));
    }

    /**
     * Removes one attachment; the ones after it move up one index, as in a list.
     *
     * @param index 1 for the first attachment
     * @return false if there is no attachment with that index
     */
    public boolean removeAttachment(int index) {
        if (index < 1 || index > attachments.size()) {
            return false;
        }
        attachments.remove(index - 1);
        return true;
    }

    public void removeAllAttachments() {
        attachments.clear();
    }

    /**
     * @param host where to connect (the emulator's route, or {@link #server()})
     * @param serverPort the port to connect to
     * @return a snapshot for the SMTP relay, the hex subject of charsets 1-3 decoded to its bytes
     */
    public OutgoingMail toMail(String host, int serverPort) {
        return toMail(host, serverPort, authenticate, attachments, OutgoingMail.Tls.NONE);
    }

    /**
     * The LTE module's mail: it authenticates when it has an account, and its attachments are files.
     *
     * @param files the attached files' names and bytes, in index order
     * @param tls how the connection is secured
     */
    public OutgoingMail toMail(String host, int serverPort, boolean withAuthentication, List<Attachment> files,
            OutgoingMail.Tls tls) {
        byte[] subjectBytes = subjectCharset == 0 ? subject.getBytes(StandardCharsets.ISO_8859_1)
                : HexFormat.of().parseHex(subject);
        return new OutgoingMail(host, serverPort, withAuthentication, user, password, senderAddress, senderName,
                recipients, subjectCharset, subjectBytes, bodyCharset, body.clone(), files, tls);
    }
}
