/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * An autobauding module whose echo was saved off reboots without a sign on the line: no boot URCs, no echo. The
 * driver finds out before the next mail from the one volatile setting it checks ({@code AT+QSMTPSRV?}), has the
 * engine start a new epoch, and sets everything up again, so the mail still goes out with the right server and
 * account.
 */
class SilentRebootTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    @Test
    void shouldNoticeASilentRebootBetweenTwoMailsAndSetEverythingUpAgain() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.autobaud(true));
        ModemMailer mailer = bench.readyMailer();
        mailer.send(alarm("before"), SENDER, Duration.ofSeconds(10));

        bench.emulator().faults().silentReboot();
        List<String> commands = bench.commandsDuring(() -> mailer.send(alarm("after"), SENDER,
                Duration.ofSeconds(10)));

        assertThat(commands).startsWith("AT+QSMTPSRV?").containsSubsequence("AT+QSMTPSRV?", "ATE0", "AT+CMEE=1",
                "AT+CPIN?", "AT+QIFGCNT=0", "AT+QSMTPSRV=\"smtp.example.com\",25", "AT+QSMTPCFG=1,1",
                "AT+QSMTPUSER=\"gw\"", "AT+QSMTPPWD=\"****\"", "AT+QSMTPADDR=\"gateway@example.com\"",
                "AT+QSMTPNAME=\"Gateway\"", "AT+QSMTPDST=1,1,\"ops@example.com\"", "AT+QSMTPPUT=100");
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).containsExactly("before", "after");
    }

    @Test
    void shouldNotAskTheModuleWhenItWillSetTheServerAnyway() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();

        List<String> first = bench.commandsDuring(() -> mailer.send(alarm("first"), SENDER, Duration.ofSeconds(10)));
        List<String> second = bench.commandsDuring(() -> mailer.send(alarm("second"), SENDER,
                Duration.ofSeconds(10)));

        assertThat(first).doesNotContain("AT+QSMTPSRV?").first().isEqualTo("AT+QIFGCNT=0");
        assertThat(second).first().isEqualTo("AT+QSMTPSRV?");
    }
}
