/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.T0;
import static io.cellmail.service.internal.ServiceHarness.WAIT;
import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageState;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsEvents;
import io.cellmail.api.SmsMessage;
import io.cellmail.api.SmsReason;
import io.cellmail.service.SmsStatus;

/**
 * The SMS side of the outbox: an SMS sent on purpose or decided by the fallback is stored in its own file, sent by
 * the dispatcher before mail, retried, failed, rate-limited on its own, and survives restarts and kills.
 */
class MailServiceSmsTest {

    private static final String NUMBER = "+41791234567";
    private static final String OTHER_NUMBER = "+41797654321";

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldSendAnSmsOnPurposeAndCompleteItsStageWithTheReferencesOfItsParts() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.start();
        String text = "Pump 3 pressure high. ".repeat(10);

        SmsDelivery delivery = delivered(harness.service.sendSms(new SmsMessage("alarm-1", NUMBER, text)));

        assertThat(delivery.id()).isEqualTo("alarm-1");
        assertThat(delivery.number()).isEqualTo(NUMBER);
        assertThat(delivery.parts()).isEqualTo(2);
        assertThat(delivery.messageReferences()).containsExactly(1, 2);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.sentAt()).isEqualTo(T0);
        assertThat(harness.mailer.smsCalls()).hasSize(1);
        assertThat(harness.mailer.smsCalls().get(0).text()).isEqualTo(text);
        assertThat(harness.mailer.smsCalls().get(0).maxParts()).isEqualTo(SmsSettings.DEFAULT_MAX_PARTS);
        RecordingEvents.Event sent = smsEvents().get(0);
        assertThat(sent.topic()).isEqualTo(SmsEvents.SENT);
        assertThat(sent.properties()).containsEntry(SmsEvents.MESSAGE_ID, "alarm-1")
                .containsEntry(SmsEvents.REASON, "DIRECT").containsEntry(SmsEvents.NUMBER, NUMBER)
                .containsEntry(SmsEvents.PARTS, 2).containsEntry(SmsEvents.ATTEMPT, 1)
                .containsEntry(SmsEvents.SERVICE_NAME, harness.name);
        assertThat((int[]) sent.properties().get(SmsEvents.MESSAGE_REFERENCES)).containsExactly(1, 2);
        await().atMost(WAIT).until(() -> smsFiles().isEmpty());
        assertThat(harness.service.counters().smsSent()).isEqualTo(1);
        assertThat(harness.service.counters().smsQueued()).isZero();
        assertThat(harness.service.serviceStatus().queueDepth()).isZero();
    }

    @Test
    void shouldRetryATransientFailureWithBackoffAndThenSend() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failSmsFirst("Pump 3", MailErrorCode.SMS_FAILED);
        harness.start();

        CompletionStage<SmsDelivery> stage = harness.service.sendSms(new SmsMessage("alarm-2", NUMBER, "Pump 3"));
        await().atMost(WAIT).until(() -> !smsEvents().isEmpty());
        assertThat(smsEvents().get(0).topic()).isEqualTo(SmsEvents.RETRYING);
        assertThat(smsEvents().get(0).properties()).containsEntry(SmsEvents.ERROR_NAME, "SMS_FAILED");
        SmsStatus waiting = harness.service.smsQueue().get(0);
        assertThat(waiting.state()).isEqualTo(MessageState.RETRY_WAIT);
        assertThat(waiting.lastError()).contains(MailErrorCode.SMS_FAILED);
        assertThat(waiting.nextAttemptAt().orElseThrow()).isAfter(T0);
        harness.awaitIdle();
        assertThat(stage.toCompletableFuture()).isNotDone();

        harness.time.advance(Duration.ofSeconds(20));

        SmsDelivery delivery = delivered(stage);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(smsEvents()).extracting(RecordingEvents.Event::topic)
                .containsExactly(SmsEvents.RETRYING, SmsEvents.SENT);
        assertThat(harness.service.counters().smsSent()).isEqualTo(1);
    }

    @Test
    void shouldFailAPermanentRefusalAtOnceWithAnEventAndTheStage() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failSmsFirst("refused", MailErrorCode.SMS_REFUSED);
        harness.start();

        CompletionStage<SmsDelivery> stage = harness.service.sendSms(new SmsMessage("alarm-3", NUMBER, "refused"));

        assertThat(failure(stage).code()).isEqualTo(MailErrorCode.SMS_REFUSED);
        assertThat(smsEvents()).extracting(RecordingEvents.Event::topic).containsExactly(SmsEvents.FAILED);
        assertThat(smsEvents().get(0).properties()).containsEntry(SmsEvents.ERROR_NAME, "SMS_REFUSED")
                .containsEntry(SmsEvents.NUMBER, NUMBER);
        assertThat(harness.mailer.smsCalls()).hasSize(1);
        assertThat(harness.service.counters().smsFailed()).isEqualTo(1);
        await().atMost(WAIT).until(() -> smsFiles().isEmpty());
    }

    @Test
    void shouldFailAnSmsThatKeepsFailingWhenItExpires() throws Exception {
        harness = new ServiceHarness(directory, s -> s.expiry(Duration.ofMinutes(1)));
        harness.mailer.failSmsFirst("no network", MailErrorCode.SMS_FAILED, MailErrorCode.SMS_FAILED,
                MailErrorCode.SMS_FAILED, MailErrorCode.SMS_FAILED, MailErrorCode.SMS_FAILED,
                MailErrorCode.SMS_FAILED, MailErrorCode.SMS_FAILED, MailErrorCode.SMS_FAILED);
        harness.start();
        CompletionStage<SmsDelivery> stage = harness.service.sendSms(new SmsMessage("alarm-4", NUMBER,
                "no network"));

        for (int i = 0; i < 8 && !stage.toCompletableFuture().isDone(); i++) {
            harness.awaitIdle();
            harness.time.advance(Duration.ofSeconds(20));
        }

        assertThat(failure(stage).code()).isEqualTo(MailErrorCode.EXPIRED);
        List<RecordingEvents.Event> events = smsEvents();
        assertThat(events.get(events.size() - 1).topic()).isEqualTo(SmsEvents.FAILED);
        assertThat(events.get(events.size() - 1).properties()).containsEntry(SmsEvents.ERROR_NAME, "EXPIRED");
    }

    @Test
    void shouldSendAnSmsStoredBeforeARestart() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        CompletionStage<SmsDelivery> before = harness.service.sendSms(new SmsMessage("alarm-5", NUMBER,
                "stored"));
        assertThat(smsFiles()).hasSize(1);

        harness.restart(s -> s);
        assertThat(failure(before).code()).isEqualTo(MailErrorCode.SERVICE_STOPPED);
        assertThat(harness.service.smsQueue()).extracting(SmsStatus::id, SmsStatus::state)
                .containsExactly(tuple("alarm-5", MessageState.QUEUED));
        harness.start();

        await().atMost(WAIT).until(() -> !smsEvents().isEmpty());
        assertThat(smsEvents().get(0).topic()).isEqualTo(SmsEvents.SENT);
        assertThat(harness.mailer.smsCalls()).extracting(r -> r.text()).containsExactly("stored");
        assertThat(harness.service.setAsideRecords()).as("the mail's recovery leaves SMS files alone").isEmpty();
        await().atMost(WAIT).until(() -> smsFiles().isEmpty());
    }

    @Test
    void shouldSetAsideAndCountAnSmsFileThatCannotBeDecodedAtStart() throws Exception {
        Files.write(directory.resolve(SmsOutbox.fileName(7)), new byte[] {1, 2, 3, 4, 5});

        harness = new ServiceHarness(directory, s -> s);

        assertThat(smsFiles()).isEmpty();
        assertThat(harness.service.setAsideRecords()).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo(SmsOutbox.fileName(7)));
        assertThat(harness.service.counters().setAside()).as("counted like a damaged mail file").isEqualTo(1);
        assertThat(harness.mailer.smsCalls()).isEmpty();
    }

    @Test
    void shouldSendAgainExactlyOnceAnSmsThatWasInFlightWhenTheProcessDied() throws Exception {
        StoredSms stored = new StoredSms(0, new SmsJob("alarm-6", SmsReason.DIRECT, List.of(NUMBER), "in flight"),
                T0, ServiceTime.ZERO);
        new SmsOutbox(new Outbox(directory)).create(stored, List.of(SmsState.initial(ServiceTime.ZERO).started()),
                ServiceTime.ZERO);

        harness = new ServiceHarness(directory, s -> s);
        harness.start();
        await().atMost(WAIT).until(() -> !smsEvents().isEmpty());
        await().atMost(WAIT).until(() -> smsFiles().isEmpty());
        ScriptedMailer afterTheCrash = harness.mailer;
        harness.restart(s -> s);
        harness.start();
        harness.awaitIdle();

        assertThat(smsEvents()).extracting(RecordingEvents.Event::topic).containsExactly(SmsEvents.SENT);
        assertThat(smsEvents().get(0).properties()).containsEntry(SmsEvents.ATTEMPT, 2);
        assertThat(afterTheCrash.smsCalls()).as("sent again after the crash, once").hasSize(1);
        assertThat(harness.mailer.smsCalls()).as("and not after the next restart").isEmpty();
    }

    @Test
    void shouldHoldTheSecondSmsOfAnHourWithALimitOfOneWhileMailStillGoes() throws Exception {
        harness = new ServiceHarness(directory, s -> s.sms(new SmsSettings(List.of(), Optional.empty(), true,
                false, 3, 1)));
        harness.start();
        SmsDelivery first = delivered(harness.service.sendSms(new SmsMessage("first", NUMBER, "first")));
        CompletionStage<SmsDelivery> second = harness.service.sendSms(new SmsMessage("second", NUMBER, "second"));

        String mailId = harness.send(mail("Pump 3 pressure high"));
        harness.receipt(mailId);
        harness.awaitIdle();

        assertThat(first.attempts()).isEqualTo(1);
        assertThat(second.toCompletableFuture()).isNotDone();
        assertThat(harness.mailer.smsCalls()).hasSize(1);
        assertThat(harness.service.smsQueue()).extracting(SmsStatus::id).containsExactly("second");
        assertThat(harness.service.counters().smsQueued()).isEqualTo(1);

        harness.time.advance(Duration.ofHours(1));

        delivered(second);
        assertThat(harness.mailer.smsCalls()).hasSize(2);
    }

    @Test
    void shouldKeepTheSmsRateLimitsWindowAcrossARestart() throws Exception {
        harness = new ServiceHarness(directory, s -> s.sms(new SmsSettings(List.of(), Optional.empty(), true,
                false, 3, 1)));
        harness.start();
        delivered(harness.service.sendSms(new SmsMessage("first", NUMBER, "first")));

        harness.restart(s -> s.sms(new SmsSettings(List.of(), Optional.empty(), true, false, 3, 1)));
        harness.start();
        harness.service.sendSms(new SmsMessage("second", NUMBER, "second"));
        harness.awaitIdle();

        assertThat(harness.mailer.smsCalls()).as("the new process's modem").isEmpty();
    }

    @Test
    void shouldNotQueueAnSmsTwiceForOneId() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        SmsMessage alarm = new SmsMessage("alarm-7", NUMBER, "once");
        CompletionStage<SmsDelivery> first = harness.service.sendSms(alarm);
        CompletionStage<SmsDelivery> again = harness.service.sendSms(alarm);
        assertThat(smsFiles()).hasSize(1);
        harness.start();

        SmsDelivery delivery = delivered(first);
        assertThat(delivered(again)).isEqualTo(delivery);
        assertThat(delivered(harness.service.sendSms(alarm))).as("ended within the hour").isEqualTo(delivery);
        harness.awaitIdle();
        assertThat(harness.mailer.smsCalls()).hasSize(1);
        assertThat(smsEvents()).hasSize(1);
    }

    @Test
    void shouldRefuseWhatDoesNotFitBeforeAnythingIsWritten() throws Exception {
        harness = new ServiceHarness(directory, s -> s.bounds(1, MailServiceSettings.DEFAULT_MAX_BYTES));

        assertThatThrownBy(() -> harness.service.sendSms(new SmsMessage("long", NUMBER, "a".repeat(460))))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).contains("text");
                    assertThat(e.getMessage()).contains("4 parts", "GSM_7", "at most 3");
                });
        assertThat(smsFiles()).isEmpty();
        harness.service.sendSms(new SmsMessage("fits", NUMBER, "a".repeat(459)));
        assertThatThrownBy(() -> harness.service.sendSms(new SmsMessage("full", NUMBER, "no room")))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.QUEUE_FULL));
        assertThat(smsFiles()).hasSize(1);
        harness.close();
        assertThatThrownBy(() -> harness.service.sendSms(new SmsMessage("stopped", NUMBER, "stopped")))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED));
    }

    @Test
    void shouldSendOneSmsPerNumberOfAFallbackDecisionWithTheMailsId() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        SmsJob job = new SmsJob("mail-8", SmsReason.FALLBACK, List.of(NUMBER, OTHER_NUMBER), "Mail mail-8: Pump 3");

        harness.service.smsJobs().decide(job);
        harness.service.smsJobs().decide(job);

        assertThat(smsFiles()).as("decided once").hasSize(1);
        assertThat(harness.service.smsJobs().pendingFor("mail-8")).isTrue();
        assertThat(harness.service.smsQueue()).extracting(SmsStatus::number).containsExactly(NUMBER, OTHER_NUMBER);
        harness.start();
        await().atMost(WAIT).until(() -> smsEvents().size() == 2);

        assertThat(smsEvents()).allSatisfy(event -> {
            assertThat(event.topic()).isEqualTo(SmsEvents.SENT);
            assertThat(event.properties()).containsEntry(SmsEvents.MESSAGE_ID, "mail-8")
                    .containsEntry(SmsEvents.REASON, "FALLBACK");
        });
        assertThat(smsEvents()).extracting(e -> e.properties().get(SmsEvents.NUMBER))
                .containsExactlyInAnyOrder(NUMBER, OTHER_NUMBER);
        await().atMost(WAIT).until(() -> !harness.service.smsJobs().pendingFor("mail-8"));
        assertThat(harness.mailer.smsCalls()).hasSize(2);
        assertThat(harness.service.counters().smsSent()).isEqualTo(2);
        await().atMost(WAIT).until(() -> smsFiles().isEmpty());
    }

    @Test
    void shouldSendAnSmsDueBeforeAMailDue() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        String mailId = harness.send(mail("older mail"));
        harness.service.smsJobs().decide(new SmsJob("mail-9", SmsReason.FALLBACK, List.of(NUMBER), "alarm"));
        harness.start();

        harness.receipt(mailId);
        await().atMost(WAIT).until(() -> smsEvents().size() == 1);
        assertThat(harness.events.all()).extracting(RecordingEvents.Event::topic)
                .containsSubsequence(SmsEvents.SENT, MailEvents.SENT);
    }

    private List<RecordingEvents.Event> smsEvents() {
        return harness.events.all().stream().filter(e -> e.topic().startsWith(SmsEvents.TOPIC_PREFIX)).toList();
    }

    private List<Path> smsFiles() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SmsOutbox.SUFFIX)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SmsDelivery delivered(CompletionStage<SmsDelivery> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static MailException failure(CompletionStage<SmsDelivery> stage) throws Exception {
        try {
            SmsDelivery delivery = delivered(stage);
            throw new AssertionError("the SMS was sent: " + delivery);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(MailException.class);
            return (MailException) e.getCause();
        }
    }
}
