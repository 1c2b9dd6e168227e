/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * A module that reboots forgets everything: the send in progress fails with MODEM_REBOOTED, nothing configured
 * before the reboot is relied on after it (no {@code AT+QSMTPPUT} of a half-configured mail), and the next send
 * sets the context, the account and the content again.
 */
class RebootTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);
    private static final List<String> FULL_SEQUENCE = List.of("AT+CPIN?", "AT+CREG?", "AT+CGATT?", "AT+CSQ",
            "AT+QIFGCNT=0", "AT+QICSGP=1,\"internet\"", "AT+QSMTPSRV=\"smtp.example.com\",25", "AT+QSMTPCFG=1,1",
            "AT+QSMTPUSER=\"gw\"", "AT+QSMTPPWD=\"****\"", "AT+QSMTPADDR=\"gateway@example.com\"",
            "AT+QSMTPNAME=\"Gateway\"", "AT+QSMTPDST=0", "AT+QSMTPDST=1,1,\"ops@example.com\"");

    @TempDir
    Path outbox;

    private ModemBench bench;

    @BeforeEach
    void startBench() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
    }

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    /** @return a mail that differs from {@link #alarm} in every part, so that every command of it is sent */
    private static MailMessage other(String subject) {
        return MailMessage.builder().to("night@example.com").subject(subject).body("8.1 bar").build();
    }

    @ParameterizedTest(name = "reboot instead of answering {0}")
    @ValueSource(strings = {"AT+QSMTPSUB", "AT+QSMTPBODY", "AT+QSMTPDST=1"})
    void shouldFailTheSendWhenTheModuleRebootsInTheMiddle(String command) throws Exception {
        ModemMailer mailer = bench.readyMailer();
        mailer.send(alarm("before"), SENDER, Duration.ofSeconds(10));
        bench.emulator().faults().rebootOn(command);

        List<String> failed = bench.commandsDuring(() -> assertThatThrownBy(
                () -> mailer.send(other("during"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_REBOOTED)));
        List<String> after = bench.commandsDuring(() -> mailer.send(alarm("after"), SENDER, Duration.ofSeconds(10)));

        assertThat(failed).noneMatch(c -> c.startsWith("AT+QSMTPPUT"));
        assertThat(after).containsSubsequence(FULL_SEQUENCE).endsWith("AT+QSMTPPUT=100");
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("before", "after");
    }

    @Test
    void shouldNeverPutAMailConfiguredBeforeARebootAfterIt() throws Exception {
        ModemMailer mailer = bench.readyMailer();
        mailer.send(alarm("before"), SENDER, Duration.ofSeconds(10));
        // answered, then the module reboots: the next command of the sequence belongs to a forgotten setup
        bench.emulator().faults().rebootAfter("AT+QSMTPSUB");

        List<String> failed = bench.commandsDuring(() -> assertThatThrownBy(
                () -> mailer.send(other("during"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_REBOOTED)));

        assertThat(failed).contains("AT+QSMTPSUB=0,\"during\"").noneMatch(c -> c.startsWith("AT+QSMTPPUT"));
        mailer.send(alarm("after"), SENDER, Duration.ofSeconds(10));
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("before", "after");
    }

    @Test
    void shouldRetryAMailTheRebootInterruptedAndDeliverIt() throws Exception {
        RecordedEvents events = new RecordedEvents();
        MailService service = bench.service(outbox, events);
        service.send(alarm("before")).toCompletableFuture().get(30, TimeUnit.SECONDS);
        bench.emulator().faults().rebootOn("AT+QSMTPBODY");
        MailMessage message = other("during");

        DeliveryReceipt receipt = service.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(events.kindsOf(message.id())).containsExactly("QUEUED", "RETRYING", "SENT");
        assertThat(events.of(message.id()).get(1).errorCode()).isEqualTo(MailErrorCode.MODEM_REBOOTED.code());
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("before", "during");
    }
}
