/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.gateway.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server on a free 127.0.0.1 port (GreenMail), running in the launcher's JVM outside the framework:
 * the far end of the demo, where the emulated modem's SMTP client delivers. It accepts any sender and recipient
 * without authentication.
 */
final class LoopbackSmtpServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final GreenMail greenMail;

    private LoopbackSmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** @return a running server on a free loopback port */
    static LoopbackSmtpServer start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        return new LoopbackSmtpServer(greenMail);
    }

    /** @return the port it listens on */
    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** @return {@code 127.0.0.1:<port>}, the form of the emulator's {@code smtpRoute} */
    String route() {
        return HOST + ":" + port();
    }

    /**
     * @param mails how many distinct mails to wait for
     * @param timeout how long
     * @return whether they arrived
     */
    boolean awaitMails(int mails, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // GreenMail stores one copy per envelope recipient; wait for the copies, then count distinct mails.
        int copies = mails;
        while (System.nanoTime() < deadline) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (!greenMail.waitForIncomingEmail(left, copies)) {
                return false;
            }
            if (received().size() >= mails) {
                return true;
            }
            copies++;
        }
        return false;
    }

    /**
     * @return every mail received so far, once per mail (copies for several recipients count once), in arrival order
     * @throws IllegalStateException when a received message cannot be read
     */
    List<ReceivedMail> received() {
        Map<String, ReceivedMail> distinct = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                String id = message.getMessageID();
                ReceivedMail mail = ReceivedMail.of(message);
                distinct.putIfAbsent(id == null ? String.valueOf(distinct.size()) : id, mail);
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("cannot read a received mail", e);
            }
        }
        return new ArrayList<>(distinct.values());
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
