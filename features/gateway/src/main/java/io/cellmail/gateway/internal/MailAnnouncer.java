/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import java.io.PrintStream;
import java.util.List;

/** Prints every mail the loopback SMTP server receives, as it arrives, for the operator at the console. */
final class MailAnnouncer implements AutoCloseable {

    private static final long WAIT_MILLIS = 1000;

    private final Thread thread;

    private MailAnnouncer(Thread thread) {
        this.thread = thread;
    }

    static MailAnnouncer start(LoopbackSmtpServer smtp, PrintStream out) {
        Thread thread = new Thread(() -> announce(smtp, out), "cellmail-gateway-smtp-announcer");
        thread.setDaemon(true);
        thread.start();
        return new MailAnnouncer(thread);
    }

    private static void announce(LoopbackSmtpServer smtp, PrintStream out) {
        int announced = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (!smtp.awaitMails(announced + 1, java.time.Duration.ofMillis(WAIT_MILLIS))) {
                continue;
            }
            List<ReceivedMail> mails = smtp.received();
            for (ReceivedMail mail : mails.subList(announced, mails.size())) {
                out.println();
                out.println("[SMTP server " + smtp.route() + " received a mail]");
                mail.describe().forEach(line -> out.println("  " + line));
            }
            announced = mails.size();
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join(WAIT_MILLIS * 2);
    }
}
