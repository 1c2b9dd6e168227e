/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.nio.charset.StandardCharsets;

import io.cellmail.api.MailMessage;

/**
 * The two mails of issue 7: (a) a 1 KB alarm to one recipient; (b) a 10 KB body with 10 attachments of 10 KB and
 * 20 recipients, the largest mail the module's limits allow (10 KB body, 10 attachments, 100 KB in all, 20
 * recipients). The text is plain ASCII without {@code +++}, so every byte goes over the line unchanged. A smoke
 * run shrinks the sizes by a factor but keeps the shape.
 */
public final class BenchMails {

    /** The full-size shape: 1 KB alarm body; 10 KB body, 10 attachments of 10 KB, 20 recipients. */
    public static final BenchMails FULL = new BenchMails(1024, 10 * 1024, 10, 10 * 1024, 20);

    private final int alarmBodyBytes;
    private final int largeBodyBytes;
    private final int attachments;
    private final int attachmentBytes;
    private final int recipients;

    /**
     * @param alarmBodyBytes body of mail (a)
     * @param largeBodyBytes body of mail (b)
     * @param attachments attachments of mail (b)
     * @param attachmentBytes size of each attachment of mail (b)
     * @param recipients recipients of mail (b)
     */
    public BenchMails(int alarmBodyBytes, int largeBodyBytes, int attachments, int attachmentBytes, int recipients) {
        this.alarmBodyBytes = alarmBodyBytes;
        this.largeBodyBytes = largeBodyBytes;
        this.attachments = attachments;
        this.attachmentBytes = attachmentBytes;
        this.recipients = recipients;
    }

    /** @return the same shape with every size divided by {@code factor} (at least 16 bytes), for smoke runs */
    public BenchMails shrunkBy(int factor) {
        return new BenchMails(Math.max(16, alarmBodyBytes / factor), Math.max(16, largeBodyBytes / factor),
                attachments, Math.max(16, attachmentBytes / factor), recipients);
    }

    /**
     * @param n a number that makes subject and id unique, so every mail really differs from the previous one
     * @return mail (a): one recipient, a short subject, a 1 KB body
     */
    public MailMessage alarm(int n) {
        return MailMessage.builder()
                .id("alarm-" + n)
                .to("ops@example.com")
                .subject("Pump 3 pressure high #" + n)
                .body(text(alarmBodyBytes, "Alarm " + n + ": pressure 7.9 bar at 14:02. "))
                .build();
    }

    /**
     * @param n a number that makes subject and id unique
     * @return mail (b): 20 recipients (To, Cc, Bcc), a 10 KB body, 10 attachments of 10 KB
     */
    public MailMessage large(int n) {
        MailMessage.Builder mail = MailMessage.builder()
                .id("report-" + n)
                .subject("Daily report #" + n)
                .body(text(largeBodyBytes, "Report " + n + ": all 20 pumps within limits. "));
        for (int i = 0; i < recipients; i++) {
            String address = "user" + i + "@example.com";
            if (i % 3 == 0) {
                mail.to(address);
            } else if (i % 3 == 1) {
                mail.cc(address);
            } else {
                mail.bcc(address);
            }
        }
        for (int i = 0; i < attachments; i++) {
            mail.attach("log" + i + ".csv", text(attachmentBytes, n + "," + i + ",t,pump,bar\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return mail.build();
    }

    /** @return payload bytes of mail (a): its body */
    public int alarmPayloadBytes() {
        return alarmBodyBytes;
    }

    /** @return payload bytes of mail (b): body and attachments */
    public int largePayloadBytes() {
        return largeBodyBytes + attachments * attachmentBytes;
    }

    /** @return recipients of mail (b) */
    public int largeRecipients() {
        return recipients;
    }

    /** @return attachments of mail (b) */
    public int largeAttachments() {
        return attachments;
    }

    private static String text(int bytes, String seed) {
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() < bytes) {
            text.append(seed);
        }
        text.setLength(bytes);
        return text.toString();
    }
}
