/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailCharset;
import io.cellmail.api.MailMessage;
import io.cellmail.service.internal.MailService;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Mail through the real service, the Quectel driver, the AT engine and the emulated module to a real SMTP
 * server, at the limits of the module.
 */
class DeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    @TempDir
    Path outbox;

    private ModemBench bench;
    private MailService service;
    private final RecordedEvents events = new RecordedEvents();

    @BeforeEach
    void startService() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        service = bench.service(outbox, events);
    }

    @AfterEach
    void stopService() throws Exception {
        bench.close();
    }

    private DeliveryReceipt deliver(MailMessage message) throws Exception {
        return service.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void shouldDeliverToEachRecipientTypeWithoutNamingBccInAnyHeader() throws Exception {
        MailMessage message = MailMessage.builder().to("ops@example.com").cc("boss@example.com")
                .bcc("audit@audit.example.org").subject("Pump 3 pressure high").body("7.9 bar at 14:02").build();

        DeliveryReceipt receipt = deliver(message);

        assertThat(receipt.messageId()).isEqualTo(message.id());
        assertThat(receipt.attempts()).isEqualTo(1);
        MimeMessage[] copies = GreenMailInbox.await(SMTP, 3);
        assertThat(copies).hasSize(3);
        for (MimeMessage copy : copies) {
            assertThat(copy.getFrom()).containsExactly(new InternetAddress(ModemBench.SENDER, ModemBench.SENDER_NAME));
            assertThat(copy.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress("ops@example.com"));
            assertThat(copy.getRecipients(Message.RecipientType.CC))
                    .containsExactly(new InternetAddress("boss@example.com"));
            assertThat(GreenMailInbox.headers(copy)).doesNotContain("audit");
        }
        assertThat(GreenMailInbox.inboxSize(SMTP, "audit@audit.example.org")).isEqualTo(1);
        assertThat(events.kindsOf(message.id())).containsExactly("QUEUED", "SENT");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ASCII,  Pump 3 pressure high,                 Pressure 7.9 bar at 14:02; valve V7 closed.",
        "UTF_8,  Überdruck in Pumpe 3 – sofort prüfen, Druck 7.9 bar um 14:02 – Ventil V7 zu. ✓",
        "GB2312, 三号泵压力过高,                         压力7.9巴，14点02分，阀门V7已关闭。",
        "BIG5,   三號泵壓力過高,                         壓力7.9巴，14點02分，閥門V7已關閉。",
    })
    void shouldDeliverSubjectAndBodyInEachCharsetOfTheModule(MailCharset charset, String subject, String body)
            throws Exception {
        deliver(MailMessage.builder().to("ops@example.com").charset(charset).subject(subject).body(body).build());

        MimeMessage received = GreenMailInbox.only(SMTP);
        assertThat(received.getSubject()).isEqualTo(subject);
        assertThat(GreenMailInbox.text(received)).isEqualTo(body);
        assertThat(received.getContentType()).containsIgnoringCase(charset.charset().name().equals("Big5") ? "big5"
                : charset.charset().name());
    }

    @Test
    void shouldDeliverToTwentyRecipients() throws Exception {
        MailMessage.Builder builder = MailMessage.builder().subject("Twenty").body("to all");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String address = "r" + i + "@example.com";
            addresses.add(address);
            switch (i % 3) {
                case 0 -> builder.to(address);
                case 1 -> builder.cc(address);
                default -> builder.bcc(address);
            }
        }

        deliver(builder.build());

        assertThat(GreenMailInbox.await(SMTP, 20)).hasSize(20);
        for (String address : addresses) {
            assertThat(GreenMailInbox.inboxSize(SMTP, address)).as(address).isEqualTo(1);
        }
    }

    @Test
    void shouldDeliverTheLargestBody() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int line = 0; body.length() < 10_240; line++) {
            body.append(String.format("%05d pressure 7.9 bar, valve V7 closed, pump 3 running....\r\n", line));
        }
        String largest = body.substring(0, 10_239) + "!";
        assertThat(largest.getBytes(StandardCharsets.US_ASCII)).hasSize(10_240);

        deliver(MailMessage.builder().to("ops@example.com").subject("Largest body").body(largest).build());

        assertThat(GreenMailInbox.text(GreenMailInbox.only(SMTP))).isEqualTo(largest.replace("\r\n", "\n"));
    }

    @Test
    void shouldDeliverTenAttachmentsOf100KilobytesTogether() throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        MailMessage.Builder builder = MailMessage.builder().to("ops@example.com").subject("Ten attachments")
                .body("see the logs");
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] content = new byte[10_240];
            random.nextBytes(content);
            contents.add(content);
            builder.attach("log-" + i + ".bin", content);
        }

        deliver(builder.build());

        List<BodyPart> parts = GreenMailInbox.attachments(GreenMailInbox.only(SMTP));
        assertThat(parts).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(parts.get(i).getFileName()).isEqualTo("log-" + i + ".bin");
            assertThat(GreenMailInbox.bytes(parts.get(i))).as("attachment %d", i).isEqualTo(contents.get(i));
        }
    }
}
