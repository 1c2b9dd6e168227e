/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The real SMTP server at the far end: GreenMail on a free {@code 127.0.0.1} port, where the emulated modules'
 * SMTP clients deliver. A thread notes every mail as it arrives, so the soak can count deliveries per alarm and
 * act the moment one arrives.
 */
final class SmtpSink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSink.class);
    private static final String HOST = "127.0.0.1";
    private static final long WAIT_MILLIS = 200;

    private final GreenMail greenMail;
    private final Map<String, Delivery> deliveries = new LinkedHashMap<>();
    private final Thread collector;
    private int copiesSeen;

    private SmtpSink(GreenMail greenMail) {
        this.greenMail = greenMail;
        this.collector = new Thread(this::collect, "cellmail-soak-smtp");
        collector.setDaemon(true);
    }

    /** @return a running server on a free loopback port */
    static SmtpSink start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, HOST, ServerSetup.PROTOCOL_SMTP).dynamicPort());
        greenMail.start();
        SmtpSink sink = new SmtpSink(greenMail);
        sink.collector.start();
        return sink;
    }

    /** @return {@code 127.0.0.1:<port>}, where the emulated modules route their mail */
    String route() {
        return HOST + ":" + greenMail.getSmtp().getPort();
    }

    /** @return every mail received so far, once per SMTP transaction, in arrival order */
    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return new ArrayList<>(deliveries.values());
        }
    }

    /** @return how many mails were received so far */
    int count() {
        synchronized (deliveries) {
            return deliveries.size();
        }
    }

    /**
     * @param known a count seen earlier
     * @param timeout the bound
     * @return whether more than {@code known} mails were received within it
     * @throws InterruptedException when interrupted
     */
    boolean awaitMoreThan(int known, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (deliveries) {
            while (deliveries.size() <= known) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                deliveries.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    private void collect() {
        while (!Thread.currentThread().isInterrupted()) {
            greenMail.waitForIncomingEmail(WAIT_MILLIS, copiesSeen + 1);
            MimeMessage[] copies = greenMail.getReceivedMessages();
            if (copies.length == copiesSeen) {
                continue;
            }
            Instant now = Instant.now();
            synchronized (deliveries) {
                for (MimeMessage copy : copies) {
                    note(copy, now);
                }
                copiesSeen = copies.length;
                deliveries.notifyAll();
            }
        }
    }

    private void note(MimeMessage copy, Instant now) {
        try {
            String id = copy.getMessageID();
            if (id != null && deliveries.containsKey(id)) {
                return;
            }
            Delivery delivery = Delivery.of(copy, now);
            deliveries.put(delivery.messageId(), delivery);
        } catch (MessagingException | IOException e) {
            LOG.warn("cannot read a received mail", e);
        }
    }

    @Override
    public void close() {
        collector.interrupt();
        try {
            collector.join(WAIT_MILLIS * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        greenMail.stop();
    }
}
