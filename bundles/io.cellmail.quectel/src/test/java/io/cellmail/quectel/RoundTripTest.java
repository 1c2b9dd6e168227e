/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * How many AT round trips a mail costs, counted on the emulated module: the first mail of an epoch sets
 * everything; later mails send only what changed, after one {@code AT+QSMTPSRV?} that checks the module still
 * holds what the driver set.
 */
class RoundTripTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);
    /** Before a mail that relies on settings the module holds: does it still hold them? */
    private static final String SERVER_CHECK = "AT+QSMTPSRV?";

    private ModemBench bench;
    private ModemMailer mailer;

    @BeforeEach
    void startBench() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
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
    void shouldSetContextAccountSenderAndContentBeforeTheFirstMail() throws Exception {
        List<String> commands = send(alarm("ops@example.com", "Pump 3", "7.9 bar"));

        assertThat(commands).containsExactly(
                "AT+QIFGCNT=0",
                "AT+QICSGP=1,\"internet\"",
                "AT+QSMTPSRV=\"smtp.example.com\",25",
                "AT+QSMTPCFG=1,1",
                "AT+QSMTPUSER=\"gw\"",
                "AT+QSMTPPWD=\"****\"",
                "AT+QSMTPADDR=\"gateway@example.com\"",
                "AT+QSMTPNAME=\"Gateway\"",
                "AT+QSMTPDST=0",
                "AT+QSMTPDST=1,1,\"ops@example.com\"",
                "AT+QSMTPSUB=0,\"Pump 3\"",
                "AT+QSMTPBODY=0,6",
                "AT+QSMTPDATT",
                "AT+QSMTPPUT=100");
        assertThat(GreenMailInbox.only(SMTP).getSubject()).isEqualTo("Pump 3");
    }

    @Test
    void shouldCheckTheRadioBeforeTheFirstMailOfAnEpoch() throws Exception {
        try (ModemBench fresh = new ModemBench(SMTP.getSmtp().getPort())) {
            ModemMailer unchecked = fresh.mailer();
            // the send may find the background check done or do it itself: either way it comes first, once
            unchecked.send(alarm("ops@example.com", "Pump 3", "7.9 bar"), SENDER, Duration.ofSeconds(30));

            List<String> commands = fresh.commands();
            List<String> radio = List.of("AT+CPIN?", "AT+CREG?", "AT+CGATT?", "AT+CSQ");
            assertThat(commands).containsSubsequence(radio).containsSubsequence("AT+CSQ", "AT+QIFGCNT=0");
            assertThat(commands.stream().filter(radio::contains)).hasSize(4);
        }
    }

    @Test
    void shouldSendAtMostSixCommandsForAOneRecipientAlarmInSteadyState() throws Exception {
        // The mail's own content (subject, body) goes out for every mail: the manual does not say the module keeps
        // it after AT+QSMTPPUT. Settings and a repeated recipient list are not sent again, once AT+QSMTPSRV? shows
        // that the module still holds them.
        send(alarm("ops@example.com", "Pump 3", "7.9 bar"));

        List<String> sameRecipient = send(alarm("ops@example.com", "Pump 4", "8.1 bar"));
        List<String> newRecipient = send(alarm("night@example.com", "Pump 5", "8.3 bar"));
        List<String> sameMailAgain = send(alarm("night@example.com", "Pump 5", "8.3 bar"));

        assertThat(sameRecipient).containsExactly(SERVER_CHECK, "AT+QSMTPSUB=0,\"Pump 4\"", "AT+QSMTPBODY=0,6",
                "AT+QSMTPPUT=100");
        assertThat(newRecipient).hasSizeLessThanOrEqualTo(6).containsExactly(SERVER_CHECK, "AT+QSMTPDST=0",
                "AT+QSMTPDST=1,1,\"night@example.com\"", "AT+QSMTPSUB=0,\"Pump 5\"", "AT+QSMTPBODY=0,6",
                "AT+QSMTPPUT=100");
        assertThat(sameMailAgain).containsExactly(SERVER_CHECK, "AT+QSMTPSUB=0,\"Pump 5\"", "AT+QSMTPBODY=0,6",
                "AT+QSMTPPUT=100");
        GreenMailInbox.await(SMTP, 4);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("Pump 3", "Pump 4", "Pump 5", "Pump 5");
    }

    @Test
    void shouldDeleteAttachmentsOnlyWhenTheModuleMayHoldSome() throws Exception {
        send(alarm("ops@example.com", "Pump 3", "7.9 bar"));
        MailMessage.Builder withLogs = MailMessage.builder().to("ops@example.com").body("7.9 bar")
                .attach("pressure.csv", "t,p\n1,7.9\n".getBytes(StandardCharsets.US_ASCII))
                .attach("valve.log", new byte[] {0, 1, 2, 3});

        List<String> firstWithLogs = send(withLogs.subject("Logs 1").build());
        List<String> sameLogs = send(withLogs.subject("Logs 2").build());
        List<String> noLogs = send(alarm("ops@example.com", "No logs", "7.9 bar"));

        // The first mail had none: known none, nothing to delete. After a mail with attachments the module may or
        // may not keep them: delete before the next mail, whether it has attachments or not.
        assertThat(firstWithLogs).containsExactly(SERVER_CHECK, "AT+QSMTPSUB=0,\"Logs 1\"", "AT+QSMTPBODY=0,6",
                "AT+QSMTPATT=\"pressure.csv\",10,6", "AT+QSMTPATT=\"valve.log\",4,6", "AT+QSMTPPUT=100");
        assertThat(sameLogs).containsExactly(SERVER_CHECK, "AT+QSMTPSUB=0,\"Logs 2\"", "AT+QSMTPBODY=0,6", "AT+QSMTPDATT",
                "AT+QSMTPATT=\"pressure.csv\",10,6", "AT+QSMTPATT=\"valve.log\",4,6", "AT+QSMTPPUT=100");
        assertThat(noLogs).containsExactly(SERVER_CHECK, "AT+QSMTPSUB=0,\"No logs\"", "AT+QSMTPBODY=0,6", "AT+QSMTPDATT",
                "AT+QSMTPPUT=100");
        assertThat(GreenMailInbox.attachments(GreenMailInbox.await(SMTP, 4)[2])).hasSize(2);
        assertThat(GreenMailInbox.attachments(GreenMailInbox.await(SMTP, 4)[3])).isEmpty();
    }

    @Test
    void shouldSetTheSenderOfAMailThatNamesItsOwnAndTheDefaultOneAfterIt() {
        send(alarm("ops@example.com", "Pump 3", "7.9 bar"));

        List<String> own = bench.commandsDuring(() -> mailer.send(alarm("ops@example.com", "Pump 3", "7.9 bar"),
                new SenderIdentity("pump3@example.com", "Pump 3"), Duration.ofSeconds(30)));
        List<String> back = send(alarm("ops@example.com", "Pump 3", "7.9 bar"));

        assertThat(own).containsExactly(SERVER_CHECK, "AT+QSMTPADDR=\"pump3@example.com\"", "AT+QSMTPNAME=\"Pump 3\"",
                "AT+QSMTPSUB=0,\"Pump 3\"", "AT+QSMTPBODY=0,6", "AT+QSMTPPUT=100");
        assertThat(back).containsExactly(SERVER_CHECK, "AT+QSMTPADDR=\"gateway@example.com\"", "AT+QSMTPNAME=\"Gateway\"",
                "AT+QSMTPSUB=0,\"Pump 3\"", "AT+QSMTPBODY=0,6", "AT+QSMTPPUT=100");
    }

    @Test
    void shouldSetTheContentAgainWhenTheModuleLostTheRecipientsItWasThoughtToHold() throws Exception {
        send(alarm("ops@example.com", "Pump 3", "7.9 bar"));
        bench.emulator().faults().smtpReply(-10);

        List<String> commands = send(alarm("ops@example.com", "Pump 4", "8.1 bar"));

        assertThat(commands).containsExactly(SERVER_CHECK, "AT+QSMTPSUB=0,\"Pump 4\"", "AT+QSMTPBODY=0,6",
                "AT+QSMTPPUT=100", "AT+QSMTPDST=0", "AT+QSMTPDST=1,1,\"ops@example.com\"", "AT+QSMTPSUB=0,\"Pump 4\"",
                "AT+QSMTPBODY=0,6", "AT+QSMTPDATT", "AT+QSMTPPUT=100");
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("Pump 3", "Pump 4");
    }
}
