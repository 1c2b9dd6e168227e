/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;

import io.cellmail.api.MailMessage;
import io.cellmail.quectel.GreenMailInbox;
import io.cellmail.quectel.ModemBench;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * What an LTE mail costs on the emulated EG25-G, command by command: the first mail of an epoch sets the context and
 * every {@code AT+QSMTPCFG} key; later mails send only what changed, after {@code AT+QSMTPCFG="smtpserver"} shows
 * that the module still holds what the driver set; the content is composed anew each time, and the RAM drive holds
 * no file once a mail is done.
 */
class LteRoundTripTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);
    private static final String SERVER_CHECK = "AT+QSMTPCFG=\"smtpserver\"";

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

    private List<String> send(MailMessage message) {
        return bench.commandsDuring(() -> mailer.send(message, SENDER, Duration.ofSeconds(30)));
    }

    private static MailMessage alarm(String to, String subject, String body) {
        return MailMessage.builder().to(to).subject(subject).body(body).build();
    }

    @Test
    void shouldSetContextConfigurationAndContentBeforeTheFirstMail() throws Exception {
        List<String> commands = send(alarm("ops@example.com", "Pump 3", "7.9 bar"));

        assertThat(commands).containsExactly(
                // the password and what follows it are masked (SecretText: a secret not ending its command is
                // masked to the end of the line, so a malformed one can never show in part)
                "AT+QICSGP=1,1,\"internet\",\"\",\"****\"",
                "AT+QIACT?",
                "AT+QIACT=1",
                "AT+QSMTPCFG=\"contextid\",1",
                "AT+QSMTPCFG=\"ssltype\",0",
                "AT+QSMTPCFG=\"smtpserver\",\"smtp.example.com\",25",
                "AT+QSMTPCFG=\"account\",\"gw\",\"****\"",
                "AT+QSMTPCFG=\"sender\",\"Gateway\",\"gateway@example.com\"",
                "AT+QSMTPCLR",
                "AT+QFDEL=\"RAM:*\"",
                "AT+QSMTPDST=1,1,\"ops@example.com\"",
                "AT+QSMTPSUB=0,\"Pump 3\"",
                "AT+QSMTPBODY=0,7,6",
                "AT+QSMTPPUT=100");
        assertThat(GreenMailInbox.only(SMTP).getSubject()).isEqualTo("Pump 3");
        assertThat(GreenMailInbox.text(GreenMailInbox.only(SMTP))).isEqualTo("7.9 bar");
    }

    @Test
    void shouldSendOnlyTheContentInSteadyStateAndWhatChangedWhenSomethingDid() throws Exception {
        send(alarm("ops@example.com", "Pump 3", "7.9 bar"));

        List<String> steady = send(alarm("night@example.com", "Pump 4", "8.1 bar"));
        List<String> ownSender = bench.commandsDuring(() -> mailer.send(alarm("ops@example.com", "Pump 5", "8.3 bar"),
                new SenderIdentity("pump5@example.com", "Pump 5"), Duration.ofSeconds(30)));

        assertThat(steady).containsExactly(SERVER_CHECK, "AT+QIACT?", "AT+QSMTPCLR",
                "AT+QSMTPDST=1,1,\"night@example.com\"", "AT+QSMTPSUB=0,\"Pump 4\"", "AT+QSMTPBODY=0,7,6",
                "AT+QSMTPPUT=100");
        assertThat(ownSender).containsExactly(SERVER_CHECK, "AT+QIACT?",
                "AT+QSMTPCFG=\"sender\",\"Pump 5\",\"pump5@example.com\"", "AT+QSMTPCLR",
                "AT+QSMTPDST=1,1,\"ops@example.com\"", "AT+QSMTPSUB=0,\"Pump 5\"", "AT+QSMTPBODY=0,7,6",
                "AT+QSMTPPUT=100");
        GreenMailInbox.await(SMTP, 3);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactlyInAnyOrder("Pump 3", "Pump 4", "Pump 5");
        String pump5From = "";
        for (MimeMessage received : SMTP.getReceivedMessages()) {
            if ("Pump 5".equals(received.getSubject())) {
                pump5From = received.getFrom()[0].toString();
            }
        }
        assertThat(pump5From).contains("pump5@example.com");
    }

    @Test
    void shouldUploadAttachmentsToRamAttachThemAndEmptyTheRamDriveAfterTheSend() throws Exception {
        MailMessage withLogs = MailMessage.builder().to("ops@example.com").subject("Logs").body("7.9 bar")
                .attach("pressure.csv", "t,p\n1,7.9\n".getBytes(StandardCharsets.US_ASCII))
                .attach("valve.log", new byte[] {0, 1, 2, 3, '+', '+', '+'})
                .build();

        List<String> commands = send(withLogs);
        List<String> next = send(alarm("ops@example.com", "After", "no files"));
        mailer.close();

        assertThat(commands).containsSubsequence(
                "AT+QSMTPBODY=0,7,6",
                "AT+QFUPL=\"RAM:pressure.csv\",10,6",
                "AT+QSMTPATT=1,1,\"RAM:pressure.csv\"",
                "AT+QFUPL=\"RAM:valve.log\",7,6",
                "AT+QSMTPATT=1,2,\"RAM:valve.log\"",
                "AT+QSMTPPUT=100",
                "AT+QFDEL=\"RAM:*\"");
        assertThat(commands.get(commands.size() - 1)).as("the RAM drive is emptied last").isEqualTo(
                "AT+QFDEL=\"RAM:*\"");
        assertThat(next).as("known empty: not deleted again").doesNotContain("AT+QFDEL=\"RAM:*\"");
        List<BodyPart> parts = GreenMailInbox.attachments(GreenMailInbox.await(SMTP, 2)[0]);
        assertThat(parts).extracting(BodyPart::getFileName).containsExactly("pressure.csv",
                "valve.log");
        assertThat(GreenMailInbox.bytes(parts.get(1))).containsExactly(0, 1, 2, 3, '+', '+', '+');
        assertThat(LteBench.ramFiles(bench.emulator())).isEmpty();
    }
}
