/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;

/**
 * Attachments on a module that ends an attachment upload by itself at its announced size, and on one that waits
 * for {@code +++} (the manual, the emulator's default): driver → AT engine → emulator → GreenMail. Both deliver the
 * same mail; after an attachment, only the module that waits gets a {@code +++}.
 */
class LengthEndedAttachmentTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, "");
    private static final String BODY = "Pressure 7.9 bar at pump 3.";
    /** {@code +++} inside, and a {@code +} at the end: data on a module that honours the guard time. */
    private static final byte[] LOG = "a+++b\r\n+++\r\nAT+QSMTPCLR\r\nend +".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TREND = new byte[3000];

    static {
        for (int i = 0; i < TREND.length; i++) {
            TREND[i] = (byte) (i * 7);
        }
    }

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    @Test
    void shouldSendNoEscapeAfterAttachmentsToAModuleThatEndsThemAtTheirSize() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.attachmentsEndByLength(true));

        List<String> transcript = send();

        assertDelivered();
        assertThat(linesAfterEachAttachment(transcript)).hasSize(2)
                .allSatisfy(lines -> assertThat(lines).noneMatch(l -> l.endsWith(" >> +++")));
        assertThat(bench.commands()).as("no stray +++ reached the module's command line")
                .noneMatch(c -> c.contains("+++"));
        assertThat(transcript).anyMatch(l -> l.contains("the modem ended the upload at its length"));
    }

    @Test
    void shouldEscapeAfterAttachmentsToAModuleThatWaitsForIt() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());

        List<String> transcript = send();

        assertDelivered();
        assertThat(linesAfterEachAttachment(transcript)).hasSize(2)
                .allSatisfy(lines -> assertThat(lines).anyMatch(l -> l.endsWith(" >> +++")));
        assertThat(transcript).noneMatch(l -> l.contains("at its length"));
    }

    private List<String> send() {
        ModemMailer mailer = bench.mailer();
        ModemBench.awaitRadioKnown(mailer);
        mailer.send(MailMessage.builder().to("ops@example.com").subject("Pump 3 logs").body(BODY)
                .attach("log.txt", LOG).attach("trend.bin", TREND).build(), SENDER, Duration.ofSeconds(20));
        return mailer.transcript(1000);
    }

    private static void assertDelivered() throws Exception {
        MimeMessage received = GreenMailInbox.only(SMTP);
        assertThat(received.getSubject()).isEqualTo("Pump 3 logs");
        assertThat(GreenMailInbox.text(received)).isEqualTo(BODY);
        List<BodyPart> parts = GreenMailInbox.attachments(received);
        assertThat(parts).extracting(BodyPart::getFileName).containsExactly("log.txt", "trend.bin");
        assertThat(GreenMailInbox.bytes(parts.get(0))).isEqualTo(LOG);
        assertThat(GreenMailInbox.bytes(parts.get(1))).isEqualTo(TREND);
    }

    /** @return for each attachment upload, the transcript lines from it to the next command */
    private static List<List<String>> linesAfterEachAttachment(List<String> transcript) {
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).contains(" >> AT+QSMTPATT=")) {
                List<String> following = new ArrayList<>();
                for (int j = i + 1; j < transcript.size() && !transcript.get(j).contains(" >> AT"); j++) {
                    following.add(transcript.get(j));
                }
                result.add(following);
            }
        }
        return result;
    }
}
