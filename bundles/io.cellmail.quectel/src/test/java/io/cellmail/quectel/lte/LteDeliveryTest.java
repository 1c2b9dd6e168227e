/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.quectel.GreenMailInbox;
import io.cellmail.quectel.ModemBench;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * What a recipient gets from the LTE dialect: every recipient type, subjects and bodies in every charset, ten
 * binary attachments byte for byte; and what never reaches the module: a mail beyond its limits, or one whose text
 * could break out of a command line.
 */
class LteDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);

    private ModemBench bench;
    private ModemMailer mailer;

    @BeforeEach
    void startBench() {
        bench = LteBench.create(SMTP.getSmtp().getPort());
        mailer = bench.readyMailer();
    }

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    @Test
    void shouldDeliverToEveryRecipientTypeWithBccHidden() throws Exception {
        MailMessage message = MailMessage.builder().to("ops@example.com").cc("lead@example.com")
                .bcc("audit@example.com").subject("Pump 3").body("7.9 bar").build();

        List<String> commands = bench.commandsDuring(() -> mailer.send(message, SENDER, Duration.ofSeconds(30)));

        assertThat(commands).containsSubsequence("AT+QSMTPDST=1,1,\"ops@example.com\"",
                "AT+QSMTPDST=1,2,\"lead@example.com\"", "AT+QSMTPDST=1,3,\"audit@example.com\"");
        MimeMessage received = GreenMailInbox.await(SMTP, 3)[0];
        assertThat(received.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ops@example.com");
        assertThat(received.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("lead@example.com");
        assertThat(GreenMailInbox.headers(received)).doesNotContain("audit@example.com");
        assertThat(GreenMailInbox.inboxSize(SMTP, "audit@example.com")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(MailCharset.class)
    void shouldDeliverSubjectAndBodyInEveryCharset(MailCharset charset) throws Exception {
        String text = switch (charset) {
            case ASCII -> "Pressure 7.9 bar";
            case UTF_8 -> "Druck 7,9 bar — Pumpe Süd";
            case GB2312 -> "压力过高";
            case BIG5 -> "壓力過高";
        };
        MailMessage message = MailMessage.builder().to("ops@example.com").subject(text).body(text + "\nline 2")
                .charset(charset).build();

        List<String> commands = bench.commandsDuring(() -> mailer.send(message, SENDER, Duration.ofSeconds(30)));

        // the subject travels as UTF-8 text (charset 1) unless it is plain ASCII (the emulator's transcript shows
        // bytes beyond ASCII as \xNN); the body in the mail's charset
        assertThat(commands).anyMatch(c -> c.startsWith("AT+QSMTPSUB=" + (charset == MailCharset.ASCII ? 0 : 1)
                + ",\"" + text.substring(0, 1)) || c.startsWith("AT+QSMTPSUB=1,\"\\x"));
        assertThat(commands).anyMatch(c -> c.startsWith("AT+QSMTPBODY=" + charset.code() + ","));
        MimeMessage received = GreenMailInbox.only(SMTP);
        assertThat(received.getSubject()).isEqualTo(text);
        assertThat(GreenMailInbox.text(received)).isEqualTo(text + "\nline 2");
    }

    @Test
    void shouldDeliverTenBinaryAttachmentsByteForByte() throws Exception {
        Random random = new Random(13);
        MailMessage.Builder builder = MailMessage.builder().to("ops@example.com").subject("logs").body("ten files");
        byte[][] contents = new byte[10][];
        for (int i = 0; i < 10; i++) {
            contents[i] = new byte[1000 + i * 777];
            random.nextBytes(contents[i]);
            builder.attach("log" + i + ".bin", contents[i]);
        }

        List<String> commands = bench.commandsDuring(() -> mailer.send(builder.build(), SENDER,
                Duration.ofSeconds(30)));

        assertThat(commands).contains("AT+QSMTPATT=1,10,\"RAM:log9.bin\"").endsWith("AT+QFDEL=\"RAM:*\"");
        List<BodyPart> parts = GreenMailInbox.attachments(GreenMailInbox.only(SMTP));
        assertThat(parts).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(parts.get(i).getFileName()).isEqualTo("log" + i + ".bin");
            assertThat(GreenMailInbox.bytes(parts.get(i))).as("attachment %d", i).isEqualTo(contents[i]);
        }
    }

    @Test
    void shouldSendAMailWithoutBodyWithoutAnEmptyBodyUpload() throws Exception {
        List<String> commands = bench.commandsDuring(() -> mailer.send(MailMessage.builder().to("ops@example.com")
                .subject("subject only").build(), SENDER, Duration.ofSeconds(30)));

        assertThat(commands).noneMatch(c -> c.startsWith("AT+QSMTPBODY"));
        assertThat(GreenMailInbox.only(SMTP).getSubject()).isEqualTo("subject only");
    }

    @Test
    void shouldRefuseBeforeAnyAtTrafficWhatTheModuleCannotTakeNamingTheField() {
        List<MailMessage> refused = List.of(
                MailMessage.builder().to("ops@example.com").subject("a \"quoted\" word").body("x").build(),
                MailMessage.builder().to("ops@example.com").subject("a;b").body("x").build(),
                MailMessage.builder().to("ops@example.com").subject("x".repeat(256)).body("x").build(),
                MailMessage.builder().to("ops@example.com").subject("s").body("x".repeat(10_241)).build(),
                MailMessage.builder().to("ops@example.com").subject("s").body("x")
                        .attach("RAM:evil", new byte[1]).build(),
                MailMessage.builder().to("ops@example.com").subject("s").body("x")
                        .attach("a.txt", new byte[1]).attach("A.TXT", new byte[1]).build(),
                MailMessage.builder().to("ops@example.com").subject("s").body("x")
                        .attach("n".repeat(77), new byte[1]).build());
        List<String> fields = List.of("subject", "subject", "subject", "body", "attachments", "attachments",
                "attachments");

        List<String> commands = bench.commandsDuring(() -> {
            for (int i = 0; i < refused.size(); i++) {
                MailMessage message = refused.get(i);
                String field = fields.get(i);
                assertThatThrownBy(() -> mailer.validate(message)).isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).hasValue(field);
                });
                assertThatThrownBy(() -> mailer.send(message, SENDER, Duration.ofSeconds(5)))
                        .isInstanceOf(MailException.class);
            }
        });

        assertThat(commands).isEmpty();
    }

    @Test
    void shouldKeepEveryPasswordOutOfTheTranscript() {
        try (ModemBench secret = LteBench.create(SMTP.getSmtp().getPort())) {
            ModemMailer withApnPassword = secret.mailer(secret.settings().apn("internet", "apnuser", "apn-s3cret")
                    .build());
            withApnPassword.send(MailMessage.builder().to("ops@example.com").subject("s").body("x").build(), SENDER,
                    Duration.ofSeconds(30));

            String transcript = String.join("\n", withApnPassword.transcript(500));
            assertThat(transcript).contains("AT+QICSGP=1,1,\"internet\",\"apnuser\",\"****\"")
                    .contains("AT+QSMTPCFG=\"account\",\"gw\",\"****\"")
                    .doesNotContain("apn-s3cret").doesNotContain(ModemBench.SMTP_PASSWORD);
            assertThat(String.join("\n", secret.commands())).doesNotContain("apn-s3cret")
                    .doesNotContain(ModemBench.SMTP_PASSWORD);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
