/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.quectel.GreenMailInbox;
import io.cellmail.quectel.ModemBench;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * An LTE module that reboots forgets its context, configuration and RAM files: the send in progress fails with
 * MODEM_REBOOTED without a PUT of a half-composed mail, and the next send sets everything again; a reboot nobody
 * saw is found by {@code AT+QSMTPCFG="smtpserver"}.
 */
class LteRebootTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);
    private static final List<String> FULL_SETUP = List.of("AT+QICSGP=1,1,\"internet\",\"\",\"****\"", "AT+QIACT?",
            "AT+QIACT=1", "AT+QSMTPCFG=\"contextid\",1", "AT+QSMTPCFG=\"ssltype\",0",
            "AT+QSMTPCFG=\"smtpserver\",\"smtp.example.com\",25", "AT+QSMTPCFG=\"account\",\"gw\",\"****\"",
            "AT+QSMTPCFG=\"sender\",\"Gateway\",\"gateway@example.com\"", "AT+QSMTPCLR", "AT+QFDEL=\"RAM:*\"");

    private ModemBench bench;

    @BeforeEach
    void startBench() {
        bench = LteBench.create(SMTP.getSmtp().getPort());
    }

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar")
                .attach("trend.csv", new byte[] {'t', ',', 'p'}).build();
    }

    @ParameterizedTest(name = "reboot instead of answering {0}")
    @ValueSource(strings = {"AT+QSMTPSUB", "AT+QSMTPBODY", "AT+QFUPL", "AT+QSMTPATT"})
    void shouldFailTheSendWhenTheModuleRebootsInTheMiddleAndSetEverythingUpAgain(String command) throws Exception {
        ModemMailer mailer = bench.readyMailer();
        mailer.send(alarm("before"), SENDER, Duration.ofSeconds(10));
        bench.emulator().faults().rebootOn(command);

        List<String> failed = bench.commandsDuring(() -> assertThatThrownBy(
                () -> mailer.send(alarm("during"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_REBOOTED)));
        List<String> after = bench.commandsDuring(() -> mailer.send(alarm("after"), SENDER, Duration.ofSeconds(10)));

        assertThat(failed).noneMatch(c -> c.startsWith("AT+QSMTPPUT"));
        assertThat(after).containsSubsequence(FULL_SETUP).containsSubsequence("AT+QFUPL=\"RAM:trend.csv\",3,6",
                "AT+QSMTPPUT=100", "AT+QFDEL=\"RAM:*\"");
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("before", "after");
        mailer.close();
        assertThat(LteBench.ramFiles(bench.emulator())).isEmpty();
    }

    @Test
    void shouldFindASilentRebootAndSetEverythingUpAgain() throws Exception {
        ModemMailer mailer = bench.readyMailer();
        mailer.send(alarm("before"), SENDER, Duration.ofSeconds(10));
        bench.emulator().faults().silentReboot();

        List<String> after = bench.commandsDuring(() -> mailer.send(alarm("after"), SENDER, Duration.ofSeconds(20)));

        assertThat(after.get(0)).isEqualTo("AT+QSMTPCFG=\"smtpserver\"");
        assertThat(after).containsSubsequence(FULL_SETUP).endsWith("AT+QSMTPPUT=100", "AT+QFDEL=\"RAM:*\"");
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("before", "after");
    }
}
