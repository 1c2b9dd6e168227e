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
import org.junit.jupiter.api.Test;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.quectel.ModemBench;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;
import io.cellmail.service.spi.MailerSettings.Tls;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * STARTTLS ({@code ssltype} 2) through the LTE driver, the AT engine and the emulated EG25-G to a real SMTP server
 * that requires it ({@link StartTlsSmtpServer}): the module connects in the clear, upgrades, verifies the server
 * against the operator's CA, and only then authenticates and sends. A server another CA signed fails with
 * {@link MailErrorCode#TLS_FAILURE}, and so does a server that offers no STARTTLS: the mail never goes in the clear.
 */
class LteStartTlsDeliveryTest {

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);

    private StartTlsSmtpServer smtp;
    private ModemBench bench;

    @AfterEach
    void stop() throws Exception {
        if (bench != null) {
            bench.close();
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    private ModemMailer mailerFor(StartTlsSmtpServer server, Tls tls) {
        smtp = server;
        bench = LteBench.create(server.port());
        return bench.mailer(bench.settings().smtp("smtp.example.com", 587).tls(tls).build());
    }

    private static Tls verified(String ca) {
        return new Tls(SmtpSecurity.STARTTLS, true, ca, 1);
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    @Test
    void shouldUpgradeWithStartTlsVerifyingTheServerAgainstTheUploadedCa() throws Exception {
        StartTlsSmtpServer server = StartTlsSmtpServer.offeringStartTls();
        String ca = CaCertificates.pem(server.certificate());
        ModemMailer mailer = mailerFor(server, verified(ca));

        List<String> commands = bench.commandsDuring(() -> mailer.send(alarm("over STARTTLS"), SENDER,
                Duration.ofSeconds(30)));

        assertThat(commands).containsSubsequence(
                "AT+QSMTPCFG=\"ssltype\",2",
                "AT+QSMTPCFG=\"sslctxid\",1",
                "AT+QSSLCFG=\"seclevel\",1,1",
                "AT+QSMTPCFG=\"smtpserver\",\"smtp.example.com\",587",
                "AT+QSMTPPUT=100");
        assertThat(commands).anyMatch(c -> c.startsWith("AT+QSSLCFG=\"cacert\",1,\"UFS:ca"));
        StartTlsSmtpServer.Received mail = smtp.only();
        assertThat(mail.overTls()).as("taken after the STARTTLS upgrade").isTrue();
        assertThat(mail.recipient()).isEqualTo("ops@example.com");
        assertThat(mail.message().getSubject()).isEqualTo("over STARTTLS");
    }

    @Test
    void shouldFailWithATlsFailureWhenAnotherCaSignedTheServer() throws Exception {
        String otherCa = CaCertificates.pem(CaCertificates.someOtherAuthority());
        ModemMailer mailer = mailerFor(StartTlsSmtpServer.offeringStartTls(), verified(otherCa));

        assertThatThrownBy(() -> mailer.send(alarm("wrong CA"), SENDER, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.TLS_FAILURE));
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void shouldNeverSendInTheClearWhenTheServerOffersNoStartTls() throws Exception {
        StartTlsSmtpServer server = StartTlsSmtpServer.withoutStartTls();
        ModemMailer mailer = mailerFor(server, verified(CaCertificates.pem(server.certificate())));

        assertThatThrownBy(() -> mailer.send(alarm("in the clear?"), SENDER, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.TLS_FAILURE);
                    assertThat(e.code().isTransient()).as("waits for the operator to mend the server or setting")
                            .isTrue();
                });
        assertThat(smtp.received()).isEmpty();
    }

    @Test
    void shouldUpgradeWithoutVerifyingOnlyWhenConfiguredNotTo() throws Exception {
        ModemMailer mailer = mailerFor(StartTlsSmtpServer.offeringStartTls(),
                new Tls(SmtpSecurity.STARTTLS, false, "", 1));

        List<String> commands = bench.commandsDuring(() -> mailer.send(alarm("unverified"), SENDER,
                Duration.ofSeconds(30)));

        assertThat(commands).contains("AT+QSMTPCFG=\"ssltype\",2", "AT+QSSLCFG=\"seclevel\",1,0")
                .noneMatch(c -> c.startsWith("AT+QFUPL") || c.contains("cacert"));
        assertThat(smtp.only().overTls()).isTrue();
    }
}
