/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailCharset;
import io.cellmail.api.MailMessage;
import io.cellmail.quectel.GreenMailInbox;
import io.cellmail.quectel.ModemBench;
import io.cellmail.quectel.RecordedEvents;
import io.cellmail.service.internal.MailService;

/**
 * What an alarm bundle does, on an LTE module: mail handed to the real service, written to its outbox, sent by its
 * dispatcher through the LTE driver, the AT engine and the emulated EG25-G to GreenMail — every recipient type, a
 * subject and body in each charset, ten attachments — with the events an alarm bundle sees.
 */
class LteServiceDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    @TempDir
    Path outbox;

    private final RecordedEvents events = new RecordedEvents();
    private ModemBench bench;
    private MailService service;

    @BeforeEach
    void startService() throws Exception {
        bench = LteBench.create(SMTP.getSmtp().getPort());
        service = bench.service(outbox, events);
    }

    @AfterEach
    void stopService() throws Exception {
        bench.close();
    }

    @Test
    void shouldDeliverEveryRecipientTypeEveryCharsetAndTenAttachmentsThroughTheOutbox() throws Exception {
        MailMessage recipients = MailMessage.builder().to("ops@example.com").cc("lead@example.com")
                .bcc("audit@example.com").subject("Pump 3").body("7.9 bar").build();
        List<MailMessage> charsets = List.of(
                text(MailCharset.ASCII, "Pressure 7.9 bar"),
                text(MailCharset.UTF_8, "Druck 7,9 bar — Pumpe Süd"),
                text(MailCharset.GB2312, "压力过高"),
                text(MailCharset.BIG5, "壓力過高"));
        byte[][] contents = new byte[10][];
        MailMessage.Builder files = MailMessage.builder().to("logs@example.com").subject("logs").body("ten files");
        Random random = new Random(31);
        for (int i = 0; i < contents.length; i++) {
            contents[i] = new byte[500 + i * 311];
            random.nextBytes(contents[i]);
            files.attach("log" + i + ".bin", contents[i]);
        }
        MailMessage attachments = files.build();

        delivered(recipients);
        for (MailMessage mail : charsets) {
            delivered(mail);
        }
        delivered(attachments);

        MimeMessage[] received = GreenMailInbox.await(SMTP, 3 + charsets.size() + 1);
        MimeMessage toOps = withSubject(received, "Pump 3");
        assertThat(toOps.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("lead@example.com");
        assertThat(GreenMailInbox.headers(toOps)).doesNotContain("audit@example.com");
        assertThat(GreenMailInbox.inboxSize(SMTP, "audit@example.com")).isEqualTo(1);
        for (MailMessage mail : charsets) {
            assertThat(GreenMailInbox.text(withSubject(received, mail.subject()))).isEqualTo(mail.subject()
                    + "\nline 2");
        }
        List<BodyPart> parts = GreenMailInbox.attachments(withSubject(received, "logs"));
        assertThat(parts).hasSize(10);
        for (int i = 0; i < contents.length; i++) {
            assertThat(GreenMailInbox.bytes(parts.get(i))).as("attachment %d", i).isEqualTo(contents[i]);
        }
        assertThat(events.kindsOf(attachments.id())).containsExactly("QUEUED", "SENT");
        service.close();
        assertThat(LteBench.ramFiles(bench.emulator())).as("the RAM drive emptied after the send").isEmpty();
    }

    /** @return the first mail received with this subject (decoded) */
    private static MimeMessage withSubject(MimeMessage[] received, String subject) throws Exception {
        for (MimeMessage message : received) {
            if (subject.equals(message.getSubject())) {
                return message;
            }
        }
        throw new AssertionError("no mail with the subject " + subject + " arrived");
    }

    private static MailMessage text(MailCharset charset, String text) {
        return MailMessage.builder().to("ops@example.com").subject(text).body(text + "\nline 2").charset(charset)
                .build();
    }

    private void delivered(MailMessage mail) throws Exception {
        DeliveryReceipt receipt = service.send(mail).toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(receipt.attempts()).as(mail.subject()).isEqualTo(1);
    }
}
