/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import io.cellmail.api.MessageState;
import io.cellmail.service.internal.MailService;

/**
 * Every chapter 3 result the emulator can produce, through the real service: a transient one is retried and the
 * mail then delivered; a permanent one ends the mail as FAILED with its code.
 */
class FailureClassificationTest {

    /**
     * One server, module and service for the table cases: faults are one-shot, so each case arms its own and
     * the next case finds the module healthy again.
     */
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
        shared = new ModemBench(SMTP.getSmtp().getPort());
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
        "pdp-deact=0,    CONTEXT_DEACTIVATED",
        "network-loss,   NETWORK_ERROR",
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
        // a recipient of its own, so the module gets the recipients afresh: -10 then means what it says (after
        // reused recipients the driver would first set the content again, see RoundTripTest)
        MailMessage message = MailMessage.builder().to("case" + Integer.toHexString(fault.hashCode()) + "@example.com")
                .subject(fault).body("7.9 bar").build();

        CompletableFuture<DeliveryReceipt> stage = sharedService.send(message).toCompletableFuture();

        assertFailsWith(stage, code);
        assertThat(EVENTS.kindsOf(message.id())).containsExactly("QUEUED", "FAILED");
        assertThat(EVENTS.of(message.id()).get(1).errorCode()).isEqualTo(code.code());
        assertThat(sharedService.status(message.id())).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(MessageState.FAILED);
            assertThat(s.lastError()).hasValue(code);
        });
        assertThat(SMTP.getReceivedMessages()).hasSize(received);
    }

    @Test
    void shouldFailAMailPermanentlyWhenTheRealServerRefusesTheCredentials() throws Exception {
        try (ModemBench bench = new ModemBench(SMTP.getSmtp().getPort())) {
            RecordedEvents events = new RecordedEvents();
            MailService service = bench.service(bench.settings()
                    .authentication(ModemBench.SMTP_USER, "wrong-password").build(), outbox, events);
            int received = SMTP.getReceivedMessages().length;
            MailMessage message = alarm("refused");

            assertFailsWith(service.send(message).toCompletableFuture(), MailErrorCode.AUTHENTICATION_FAILED);
            assertThat(events.kindsOf(message.id())).containsExactly("QUEUED", "FAILED");
            assertThat(SMTP.getReceivedMessages()).hasSize(received);
        }
    }

    @Test
    void shouldCheckTheRadioAgainAfterANetworkFailure() throws Exception {
        try (ModemBench bench = new ModemBench(SMTP.getSmtp().getPort())) {
            MailService service = bench.service(outbox, new RecordedEvents());
            service.send(alarm("first")).toCompletableFuture().get(30, TimeUnit.SECONDS);
            bench.emulator().faults().smtpDown();

            List<String> commands = bench.commandsDuring(() -> service.send(alarm("first")).toCompletableFuture()
                    .join());

            assertThat(commands).containsExactly(
                    "AT+QSMTPSRV?", "AT+QSMTPSUB=0,\"first\"", "AT+QSMTPBODY=0,6",
                    "AT+QSMTPPUT=100",                                   // -5: network error
                    "AT+CPIN?", "AT+CREG?", "AT+CGATT?", "AT+CSQ",       // the retry looks at the radio first
                    "AT+QSMTPSRV?", "AT+QSMTPSUB=0,\"first\"", "AT+QSMTPBODY=0,6",
                    "AT+QSMTPPUT=100");
        }
    }

    private static void assertFailsWith(CompletableFuture<DeliveryReceipt> stage, MailErrorCode code) {
        assertThatThrownBy(() -> stage.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(MailException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
