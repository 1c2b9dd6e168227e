/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import io.cellmail.quectel.GreenMailInbox;
import io.cellmail.quectel.ModemBench;
import io.cellmail.quectel.RecordedEvents;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * Every result the emulated EG25-G can report, through the real service: {@code +QSMTPPUT: <err>,<protocol_error>}
 * read by its SMTP reply when there is one and by the {@code <err>} table otherwise; a transient failure is retried
 * and the mail then delivered, a permanent one ends the mail with its code; an {@code <err>} nobody knows is retried
 * a few times only. Whatever the outcome, the module's RAM drive holds no attachment afterwards.
 */
class LteFailureClassificationTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail().withPerMethodLifecycle(false);

    @TempDir
    static Path sharedOutbox;

    private static ModemBench shared;
    private static MailService sharedService;
    private static final RecordedEvents EVENTS = new RecordedEvents();

    @TempDir
    Path outbox;

    @BeforeAll
    static void startSharedService() throws Exception {
        shared = LteBench.create(SMTP.getSmtp().getPort());
        sharedService = shared.service(sharedOutbox, EVENTS);
        await().atMost(Duration.ofSeconds(10)).until(() -> sharedService.serviceStatus().registration().isRegistered());
    }

    @AfterAll
    static void stopSharedService() throws Exception {
        shared.close();
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "dns-failure,    DNS_FAILURE",
        "smtp-down,      NETWORK_ERROR",
        "pdp-deact,      CONTEXT_DEACTIVATED",
        "smtp-reply=-9,  TIMEOUT",
        "smtp-reply=-1,  UNKNOWN",
        "smtp-reply=-3,  SMTP_BUSY",
        "smtp-reply=-7,  CLOSED_BY_PEER",
        "smtp-reply=-11, SEND_FAILED",
        "smtp-reply=-421, SMTP_421",
        "smtp-reply=-450, SMTP_450",
        "smtp-reply=-451, SMTP_451",
        "smtp-reply=-452, SMTP_452",
    })
    void shouldRetryATransientFailureAndThenDeliver(String fault, MailErrorCode code) throws Exception {
        assertThat(code.isTransient()).isTrue();
        int received = SMTP.getReceivedMessages().length;
        shared.emulator().faults().apply(fault);
        MailMessage message = alarm(fault);

        DeliveryReceipt receipt = sharedService.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(receipt.attempts()).isEqualTo(2);
        assertThat(EVENTS.kindsOf(message.id())).containsExactly("QUEUED", "RETRYING", "SENT");
        assertThat(EVENTS.of(message.id()).get(1).errorCode()).isEqualTo(code.code());
        assertThat(GreenMailInbox.subjects(SMTP)).hasSize(received + 1).last().isEqualTo(fault);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "auth-failure,    AUTHENTICATION_FAILED",
        "smtp-reply=-550, SMTP_550",
        "smtp-reply=-6,   UNSUPPORTED_AUTHENTICATION",
        "smtp-reply=-10,  NO_RECIPIENT",
        "smtp-reply=-15,  INVALID_PARAMETER",
        "smtp-reply=-500, SMTP_500",
        "smtp-reply=-501, SMTP_501",
        "smtp-reply=-502, SMTP_502",
        "smtp-reply=-503, SMTP_503",
        "smtp-reply=-504, SMTP_504",
        "smtp-reply=-521, SMTP_521",
        "smtp-reply=-530, SMTP_530",
        "smtp-reply=-551, SMTP_551",
        "smtp-reply=-552, SMTP_552",
        "smtp-reply=-553, SMTP_553",
        "smtp-reply=-554, SMTP_554",
    })
    void shouldFailAMailPermanentlyWithTheModulesCode(String fault, MailErrorCode code) throws Exception {
        assertThat(code.isTransient()).isFalse();
        int received = SMTP.getReceivedMessages().length;
        shared.emulator().faults().apply(fault);
        MailMessage message = alarm(fault);

        assertFailsWith(sharedService.send(message).toCompletableFuture(), code);
        assertThat(EVENTS.kindsOf(message.id())).containsExactly("QUEUED", "FAILED");
        assertThat(SMTP.getReceivedMessages()).hasSize(received);
    }

    @Test
    void shouldRetryAnErrNobodyKnowsAFewTimesOnlyAndSayBothNumbers() throws Exception {
        // the module numbers its <err> from another base than the driver's table: every failure is unknown
        try (ModemBench bench = LteBench.create(SMTP.getSmtp().getPort(), emulator -> emulator.lteErrorBase(700))) {
            ModemMailer mailer = bench.readyMailer();
            bench.emulator().faults().smtpDown();

            assertThatThrownBy(() -> mailer.send(alarm("unknown"), sender(), Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(MailException.class, e -> {
                        assertThat(e.code()).isEqualTo(MailErrorCode.UNKNOWN_MODEM_RESULT);
                        assertThat(e.code().isTransient()).isTrue();
                        assertThat(e.code().attemptLimit()).hasValue(3);
                        assertThat(e.getMessage()).contains("+QSMTPPUT: 705,0");
                    });
        }
    }

    @Test
    void shouldFailAMailPermanentlyWhenTheRealServerRefusesTheCredentials() throws Exception {
        try (ModemBench bench = LteBench.create(SMTP.getSmtp().getPort())) {
            RecordedEvents events = new RecordedEvents();
            MailService service = bench.service(bench.settings()
                    .authentication(ModemBench.SMTP_USER, "wrong-password").build(), outbox, events);
            MailMessage message = alarm("refused");

            assertFailsWith(service.send(message).toCompletableFuture(), MailErrorCode.AUTHENTICATION_FAILED);
            assertThat(events.kindsOf(message.id())).containsExactly("QUEUED", "FAILED");
        }
    }

    @Test
    void shouldEmptyTheRamDriveAfterAFailedSend() throws Exception {
        try (ModemBench bench = LteBench.create(SMTP.getSmtp().getPort())) {
            ModemMailer mailer = bench.readyMailer();
            bench.emulator().faults().smtpDown();
            MailMessage withLog = MailMessage.builder().to("ops@example.com").subject("log").body("7.9 bar")
                    .attach("valve.log", new byte[] {1, 2, 3}).build();

            assertThatThrownBy(() -> mailer.send(withLog, sender(), Duration.ofSeconds(30)))
                    .isInstanceOfSatisfying(MailException.class,
                            e -> assertThat(e.code()).isEqualTo(MailErrorCode.NETWORK_ERROR));
            mailer.close();

            assertThat(bench.commands()).endsWith("AT+QSMTPPUT=100", "AT+QFDEL=\"RAM:*\"");
            assertThat(LteBench.ramFiles(bench.emulator())).isEmpty();
        }
    }

    private static SenderIdentity sender() {
        return new SenderIdentity(ModemBench.SENDER, ModemBench.SENDER_NAME);
    }

    private static void assertFailsWith(CompletableFuture<DeliveryReceipt> stage, MailErrorCode code) {
        assertThatThrownBy(() -> stage.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(MailException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
