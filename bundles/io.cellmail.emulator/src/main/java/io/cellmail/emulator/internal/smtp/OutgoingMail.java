/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import java.util.List;
import java.util.Objects;

/**
 * Everything the module holds when {@code AT+QSMTPPUT} runs, already decoded: the hex subject of charsets
 * 1 to 3 is given as its bytes. The relay turns it into the mail the module would send.
 *
 * @param serverHost where to connect (after the emulator's route override, if any)
 * @param serverPort the SMTP port
 * @param authenticate whether {@code AT+QSMTPCFG=1,1} asks for SMTP AUTH
 * @param user the user name for AUTH, maybe empty
 * @param password the password for AUTH, maybe empty; never logged
 * @param senderAddress the envelope sender and the From address
 * @param senderName the From display name, maybe empty
 * @param recipients To, Cc and Bcc recipients in the order they were added
 * @param subjectCharset 0 ASCII, 1 UTF-8, 2 GB2312, 3 BIG5
 * @param subject the subject bytes in that charset
 * @param bodyCharset 0 ASCII, 1 UTF-8, 2 GB2312, 3 BIG5
 * @param body the body bytes in that charset
 * @param attachments the attachments in index order
 * @param tls how the connection is secured (the LTE dialect's {@code ssltype} and SSL context); none for GSM
 */
// Subject and body are the raw bytes the module holds (their charset is decided when the mail is composed);
// a mail is composed from them once and never compared.
@SuppressWarnings("ArrayRecordComponent")
public record OutgoingMail(
        String serverHost,
        int serverPort,
        boolean authenticate,
        String user,
        String password,
        String senderAddress,
        String senderName,
        List<Recipient> recipients,
        int subjectCharset,
        byte[] subject,
        int bodyCharset,
        byte[] body,
        List<Attachment> attachments,
        Tls tls) {

    public OutgoingMail {
        Objects.requireNonNull(serverHost, "serverHost");
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(tls, "tls");
    }

    /** A mail over plain SMTP, as the GSM module sends every mail. */
    public OutgoingMail(String serverHost, int serverPort, boolean authenticate, String user, String password,
            String senderAddress, String senderName, List<Recipient> recipients, int subjectCharset, byte[] subject,
            int bodyCharset, byte[] body, List<Attachment> attachments) {
        this(serverHost, serverPort, authenticate, user, password, senderAddress, senderName, recipients,
                subjectCharset, subject, bodyCharset, body, attachments, Tls.NONE);
    }

    /**
     * How the module secures its SMTP connection.
     *
     * @param type 0 plain, 1 TLS from the first byte, 2 STARTTLS (required)
     * @param protocol the only TLS version to offer ({@code TLSv1.2}), empty for the JDK's enabled ones
     * @param verifyServer true ({@code seclevel} 1 or 2): the server's chain must lead to {@code caCertificates}
     * @param caCertificates the PEM (or DER) text of the CA file, empty when none was set or found
     */
    // The certificates as stored in the module's files, read once by the SMTP client; nothing compares them.
    @SuppressWarnings("ArrayRecordComponent")
    public record Tls(int type, String protocol, boolean verifyServer, byte[] caCertificates) {

        /** Plain SMTP. */
        public static final Tls NONE = new Tls(0, "", false, new byte[0]);

        public Tls {
            Objects.requireNonNull(protocol, "protocol");
            caCertificates = caCertificates.clone();
        }
    }

    /** Recipient types of {@code AT+QSMTPDST}. */
    public enum RecipientType {
        TO(1), CC(2), BCC(3);

        private final int code;

        RecipientType(int code) {
            this.code = code;
        }

        /** @return the {@code <type>} number of {@code AT+QSMTPDST} */
        public int code() {
            return code;
        }

        /** @return the type for a {@code <type>} number 1 to 3 */
        public static RecipientType of(int code) {
            for (RecipientType type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            throw new IllegalArgumentException("recipient type " + code);
        }
    }

    /** A recipient as added by {@code AT+QSMTPDST=1,<type>,"<e-addr>"}. */
    public record Recipient(RecipientType type, String address) {
    }

    /** An attachment as uploaded by {@code AT+QSMTPATT}. */
    // The bytes as the module received them, handed to the SMTP client; nothing compares attachments.
    @SuppressWarnings("ArrayRecordComponent")
    public record Attachment(String name, byte[] content) {
    }

    @Override
    public String toString() {
        // Never print the password.
        return "OutgoingMail[" + serverHost + ":" + serverPort + ", auth=" + authenticate + ", from=" + senderAddress
                + ", recipients=" + recipients.size() + ", attachments=" + attachments.size() + ", tls=" + tls.type() + "]";
    }
}
