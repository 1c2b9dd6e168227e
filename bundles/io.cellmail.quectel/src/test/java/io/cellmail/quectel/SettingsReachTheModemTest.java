/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * Every setting of {@link MailerSettings} that the driver hands on reaches the command it drives with its value, on
 * the way settings → driver → AT engine → module: the link URI's rate and flow control and {@code fixedBaud} the
 * engine's initialisation, the APN, server, account and sender their SMTP commands, the escape mode whether the
 * module's {@code +++} rule is probed. Values differ from every default, so a setting dropped on the way fails.
 */
class SettingsReachTheModemTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    @Test
    void shouldGiveEverySettingToTheCommandItDrives() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), UnaryOperator.identity(), "?baud=57600&flow=rtscts");
        MailerSettings settings = bench.settings().fixedBaud(true)
                .apn("apn.example", "apn-user", "apn-pw")
                .smtp("smtp.example.org", 2525)
                .sender("alarm@example.org", "Pump 4")
                .escapeMode(MailerSettings.EscapeMode.GUARDED)
                .build();
        ModemMailer mailer = bench.mailer(settings);
        ModemBench.awaitRadioKnown(mailer);

        mailer.send(MailMessage.builder().to("ops@example.com").subject("settings").body("7.9 bar").build(),
                new SenderIdentity(settings.senderAddress(), settings.senderName()), Duration.ofSeconds(10));

        List<String> commands = bench.commands();
        assertThat(commands).as("fixedBaud and the link's rate, the link's flow control").contains(
                "AT+IPR=57600;&W", "AT+IFC=2,2;&W");
        assertThat(commands).containsSubsequence("AT+QICSGP=1,\"apn.example\",\"apn-user\",\"****\"",
                "AT+QSMTPSRV=\"smtp.example.org\",2525", "AT+QSMTPCFG=1,1", "AT+QSMTPUSER=\"gw\"",
                "AT+QSMTPPWD=\"****\"", "AT+QSMTPADDR=\"alarm@example.org\"", "AT+QSMTPNAME=\"Pump 4\"");
        assertThat(commands.stream().filter(c -> c.startsWith("AT+QSMTPBODY="))).as("guarded: no +++ probe, "
                + "only the mail's own body").hasSize(1);
        MimeMessage received = GreenMailInbox.only(SMTP);
        assertThat(received.getFrom()).containsExactly(new InternetAddress("alarm@example.org", "Pump 4"));
    }

    @Test
    void shouldLeaveTheModemsRateAndFlowControlAloneUnlessTheSettingsAskForThem() {
        bench = new ModemBench(SMTP.getSmtp().getPort(), UnaryOperator.identity(), "?baud=57600&flow=none");
        ModemBench.awaitRadioKnown(bench.mailer(bench.settings().fixedBaud(false).build()));

        assertThat(bench.commands()).noneMatch(c -> c.startsWith("AT+IPR") || c.startsWith("AT+IFC"));
    }
}
