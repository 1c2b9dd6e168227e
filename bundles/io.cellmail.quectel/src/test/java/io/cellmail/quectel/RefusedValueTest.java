/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * An {@code ERROR} to an SMTP write when no send runs is the module refusing the value: a field of the mail fails
 * it for good with INVALID_MESSAGE naming the field; a configured setting keeps it queued with SETTING_REJECTED
 * naming the setting (never a password); a command that carries neither is UNKNOWN. Only while a send may still
 * run is it SMTP_BUSY ({@link PutResultTest}). The module's refusal is the emulator's {@code error-on} fault.
 */
class RefusedValueTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity CONFIGURED_SENDER = new SenderIdentity(ModemBench.SENDER,
            ModemBench.SENDER_NAME);

    @TempDir
    Path outbox;

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage.Builder alarm() {
        return MailMessage.builder().to("ops@example.com").subject("Pump 3").body("7.9 bar")
                .attach("trend.csv", "t,p\n1,7.9\n".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest(name = "ERROR to {0} -> {1} {2}")
    @CsvSource({
        // the mail's own values: a retry cannot help
        "AT+QSMTPSUB,       INVALID_MESSAGE,  subject",
        "AT+QSMTPBODY,      INVALID_MESSAGE,  body",
        "AT+QSMTPATT,       INVALID_MESSAGE,  attachments",
        "AT+QSMTPDST=1,     INVALID_MESSAGE,  recipients",
        // the configuration's: the operator corrects them
        "AT+QSMTPSRV,       SETTING_REJECTED, smtpHost",
        "AT+QSMTPCFG,       SETTING_REJECTED, authentication",
        "AT+QSMTPUSER,      SETTING_REJECTED, smtpUser",
        "AT+QSMTPPWD,       SETTING_REJECTED, smtpPassword",
        "AT+QSMTPADDR,      SETTING_REJECTED, senderAddress",
        "AT+QSMTPNAME,      SETTING_REJECTED, senderName",
        "AT+QICSGP,         SETTING_REJECTED, apn",
        // commands cellmail builds from nothing anyone gave
        "AT+QSMTPDST=0,     UNKNOWN,",
        "AT+QSMTPDATT,      UNKNOWN,",
        "AT+QSMTPPUT,       UNKNOWN,",
    })
    void shouldNameWhatTheModuleRefused(String command, MailErrorCode code, String field) {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();
        bench.emulator().faults().errorOn(command);

        assertThatThrownBy(() -> mailer.send(alarm().build(), CONFIGURED_SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.field()).isEqualTo(java.util.Optional.ofNullable(field));
                })
                .hasMessageNotContaining(ModemBench.SMTP_PASSWORD);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldNameTheMailsOwnSenderAsAFieldOfTheMail() {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();
        bench.emulator().faults().errorOn("AT+QSMTPADDR");
        MailMessage own = alarm().senderAddress("pump3@example.com").senderName("Pump 3").build();

        assertThatThrownBy(() -> mailer.send(own, new SenderIdentity("pump3@example.com", "Pump 3"),
                Duration.ofSeconds(10))).isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).hasValue("senderAddress");
                });
    }

    @Test
    void shouldFailAMailWhoseSubjectTheModuleRefusesForGoodInsteadOfRetryingItAsBusy() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        RecordedEvents events = new RecordedEvents();
        MailService service = bench.service(outbox, events);
        ModemBench.awaitRadioKnown(service);
        bench.emulator().faults().errorOn("AT+QSMTPSUB");
        MailMessage message = alarm().build();

        assertThatThrownBy(() -> service.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).hasValue("subject");
                });
        assertThat(events.kindsOf(message.id())).containsExactly("QUEUED", "FAILED");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldKeepAMailWhoseSettingTheModuleRefusedQueuedAndDeliverItOnceTheModuleTakesIt() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        RecordedEvents events = new RecordedEvents();
        MailService service = bench.service(outbox, events);
        ModemBench.awaitRadioKnown(service);
        bench.emulator().faults().errorOn("AT+QSMTPPWD");
        MailMessage message = alarm().build();

        DeliveryReceipt receipt = service.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(events.kindsOf(message.id())).containsExactly("QUEUED", "RETRYING", "SENT");
        assertThat(events.of(message.id()).get(1).errorCode()).isEqualTo(MailErrorCode.SETTING_REJECTED.code());
        assertThat(events.of(message.id()).get(1).properties().toString()).doesNotContain(ModemBench.SMTP_PASSWORD);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }
}
