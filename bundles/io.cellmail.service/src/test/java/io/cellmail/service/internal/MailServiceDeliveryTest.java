/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.T0;
import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.SenderIdentity;

/** What happens to a mail after it was accepted: delivery, retries with backoff, permanent failure, expiry. */
class MailServiceDeliveryTest {

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldDeliverAMailAndCompleteItsStageWithAReceipt() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.start();

        String id = harness.send(mail("Pump 3 pressure high"));
        DeliveryReceipt receipt = harness.receipt(id);

        assertThat(receipt).isEqualTo(new DeliveryReceipt(id, 1, T0));
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "SENT");
        assertThat(harness.status(id).state()).isEqualTo(MessageState.SENT);
        assertThat(harness.outboxFiles()).isEmpty();
        assertThat(harness.service.counters().sent()).isEqualTo(1);
        assertThat(harness.mailer.calls()).containsExactly(new ScriptedMailer.Call("Pump 3 pressure high",
                new SenderIdentity("gateway@example.com", ""), MailerSettings.DEFAULT_SEND_DEADLINE));
    }

    @Test
    void shouldNotQueueAMailTwiceWhenItsIdIsStillInTheOutbox() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        MailMessage alarm = MailMessage.builder().id("pump3-overpressure-1702").to("ops@example.com")
                .subject("Pump 3 pressure high").build();
        String id = harness.send(alarm);

        CompletionStage<DeliveryReceipt> resent = harness.service.send(alarm);
        harness.start();

        DeliveryReceipt receipt = harness.receipt(id);
        assertThat(resent.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo(receipt);
        assertThat(harness.mailer.calls()).hasSize(1);
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "SENT");
    }

    @Test
    void shouldSendWithTheMessagesOwnSenderOverTheConfiguredOne() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.start();

        String id = harness.send(MailMessage.builder().to("ops@example.com").subject("own sender")
                .senderAddress("pump3@example.com").senderName("Pump 3").build());
        harness.receipt(id);

        assertThat(harness.mailer.calls().get(0).sender())
                .isEqualTo(new SenderIdentity("pump3@example.com", "Pump 3"));
    }

    @Test
    void shouldRetryTransientFailuresWithGrowingJitteredBackoffWithinBaseAndCap() throws Exception {
        harness = new ServiceHarness(directory, s -> s.retry(Duration.ofSeconds(10), Duration.ofSeconds(80)));
        harness.mailer.failFirst("flaky", MailErrorCode.NETWORK_ERROR, MailErrorCode.SMTP_421);
        harness.start();

        String id = harness.send(mail("flaky"));
        Instant firstRetry = awaitBackoffAfterAttempt(id, 1);
        assertThat(firstRetry).isBetween(T0.plusSeconds(10), T0.plusSeconds(20));
        harness.awaitParkedUntil(firstRetry);
        assertThat(harness.mailer.calls()).hasSize(1);

        harness.time.advanceTo(firstRetry);
        Instant secondRetry = awaitBackoffAfterAttempt(id, 2);
        assertThat(secondRetry).isBetween(firstRetry.plusSeconds(20), firstRetry.plusSeconds(40));

        harness.time.advanceTo(secondRetry);
        assertThat(harness.receipt(id)).isEqualTo(new DeliveryReceipt(id, 3, secondRetry));
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "RETRYING", "RETRYING", "SENT");
        assertThat(harness.service.counters()).satisfies(c -> {
            assertThat(c.retried()).isEqualTo(2);
            assertThat(c.sent()).isEqualTo(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MailErrorCode.class, names = {"SMTP_BUSY", "DNS_FAILURE", "NETWORK_ERROR", "CLOSED_BY_PEER",
        "CONTEXT_DEACTIVATED", "TIMEOUT", "SMTP_421", "SMTP_450", "SMTP_451", "SMTP_452", "MODEM_REBOOTED",
        "MODEM_UNAVAILABLE"})
    void shouldRetryEveryTransientFailureTheIssueNames(MailErrorCode code) throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failFirst("transient", code);
        harness.start();

        String id = harness.send(mail("transient"));
        harness.time.advanceTo(awaitBackoffAfterAttempt(id, 1));

        assertThat(harness.receipt(id).attempts()).isEqualTo(2);
        assertThat(harness.events.of(id).get(1).properties())
                .containsEntry(MailEvents.ERROR_CODE, code.code())
                .containsEntry(MailEvents.ERROR_NAME, code.name());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MailErrorCode.class, names = {"AUTHENTICATION_FAILED", "UNSUPPORTED_AUTHENTICATION",
        "NO_RECIPIENT", "INVALID_PARAMETER", "SMTP_550", "SMTP_553", "SMTP_554"})
    void shouldEndAPermanentFailureAtOnce(MailErrorCode code) throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failAlways("doomed", code);
        harness.start();

        String id = harness.send(mail("doomed"));

        assertThat(harness.failure(id).code()).isEqualTo(code);
        assertThat(harness.mailer.calls()).hasSize(1);
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "FAILED");
        assertThat(harness.events.of(id).get(1).properties()).containsEntry(MailEvents.ERROR_CODE, code.code());
        assertThat(harness.status(id)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageState.FAILED);
            assertThat(s.lastError()).contains(code);
        });
        assertThat(harness.outboxFiles()).isEmpty();
        assertThat(harness.service.counters().failed()).isEqualTo(1);
        assertThat(harness.service.serviceStatus().lastError()).contains(code);
    }

    @Test
    void shouldExpireAMailThatKeepsFailingTransiently() throws Exception {
        harness = new ServiceHarness(directory, s -> s.expiry(Duration.ofHours(1))
                .retry(Duration.ofMinutes(20), Duration.ofMinutes(20)));
        harness.mailer.failAlways("unlucky", MailErrorCode.NETWORK_ERROR);
        harness.start();

        String id = harness.send(mail("unlucky"));
        harness.time.advanceTo(awaitBackoffAfterAttempt(id, 1));
        harness.time.advanceTo(awaitBackoffAfterAttempt(id, 2));
        Instant third = awaitBackoffAfterAttempt(id, 3);
        assertThat(third).as("a retry never waits past the expiry").isEqualTo(T0.plus(Duration.ofHours(1)));
        harness.time.advanceTo(third);

        MailException failure = harness.failure(id);
        assertThat(failure.code()).isEqualTo(MailErrorCode.EXPIRED);
        assertThat(failure.getMessage()).as("names the last failure").contains(MailErrorCode.NETWORK_ERROR.describe());
        assertThat(harness.mailer.calls()).hasSize(3);
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "RETRYING", "RETRYING", "RETRYING",
                "EXPIRED");
        assertThat(harness.events.of(id).get(4).properties())
                .containsEntry(MailEvents.ERROR_CODE, MailErrorCode.EXPIRED.code())
                .containsEntry(MailEvents.ATTEMPT, 3);
        assertThat(harness.status(id).state()).isEqualTo(MessageState.EXPIRED);
        assertThat(harness.outboxFiles()).isEmpty();
        assertThat(harness.service.counters().expired()).isEqualTo(1);
    }

    @Test
    void shouldExpireAMailThatNeverGotAnAttempt() throws Exception {
        harness = new ServiceHarness(directory, s -> s.expiry(Duration.ofHours(24)));
        String id = harness.send(mail("stale"));
        harness.time.advance(Duration.ofHours(24));

        harness.start();

        assertThat(harness.failure(id).code()).isEqualTo(MailErrorCode.EXPIRED);
        assertThat(harness.mailer.calls()).isEmpty();
        assertThat(harness.events.of(id).get(1).properties()).containsEntry(MailEvents.ATTEMPT, 0);
    }

    @Test
    void shouldPostEventsCarryingMessageIdAttemptErrorAndServiceName() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failFirst("observed", MailErrorCode.TIMEOUT);
        harness.start();

        String id = harness.send(mail("observed"));
        harness.time.advanceTo(awaitBackoffAfterAttempt(id, 1));
        harness.receipt(id);

        assertThat(harness.events.of(id)).extracting(RecordingEvents.Event::topic, RecordingEvents.Event::properties)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MailEvents.QUEUED, Map.of(MailEvents.MESSAGE_ID, id,
                                MailEvents.ATTEMPT, 0, MailEvents.SERVICE_NAME, harness.name)),
                        org.assertj.core.groups.Tuple.tuple(MailEvents.RETRYING, Map.of(MailEvents.MESSAGE_ID, id,
                                MailEvents.ATTEMPT, 1, MailEvents.SERVICE_NAME, harness.name,
                                MailEvents.ERROR_CODE, -9, MailEvents.ERROR_NAME, "TIMEOUT")),
                        org.assertj.core.groups.Tuple.tuple(MailEvents.SENT, Map.of(MailEvents.MESSAGE_ID, id,
                                MailEvents.ATTEMPT, 2, MailEvents.SERVICE_NAME, harness.name)));
    }

    /** @return when the retry after the given failed attempt is due */
    private Instant awaitBackoffAfterAttempt(String id, int attempt) {
        MessageStatus status = harness.awaitStatus(id,
                s -> s.state() == MessageState.RETRY_WAIT && s.attempts() == attempt);
        return status.nextAttemptAt().orElseThrow();
    }
}
