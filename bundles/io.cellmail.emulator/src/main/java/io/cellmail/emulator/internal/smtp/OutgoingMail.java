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
 */
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
        List<Attachment> attachments) {

    public OutgoingMail {
        Objects.requireNonNull(serverHost, "serverHost");
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
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
    public record Attachment(String name, byte[] content) {
    }

    @Override
    public String toString() {
        // Never print the password.
        return "OutgoingMail[" + serverHost + ":" + serverPort + ", auth=" + authenticate + ", from=" + senderAddress
                + ", recipients=" + recipients.size() + ", attachments=" + attachments.size() + "]";
    }
}
