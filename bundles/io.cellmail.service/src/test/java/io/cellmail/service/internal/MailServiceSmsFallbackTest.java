/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.T0;
import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageState;
import io.cellmail.api.Priority;
import io.cellmail.api.SmsReason;

/**
 * When a mail gets an SMS about it (the fallback after a time of transient failures, at a permanent failure or
 * expiry; the copy of an urgent mail), that each is decided once, across failures and restarts, and that the mail
 * keeps its own life. The SMS outbox is a recording double of its seam ({@link SmsJobs}).
 */
class MailServiceSmsFallbackTest {

    private static final List<String> NUMBERS = List.of("+4917012345678", "01701234567");
    private static final Duration AFTER = Duration.ofMinutes(15);
    /** Base and cap equal: every retry waits exactly 4 minutes, so attempts fall at 0, 4, 8, 12, 16 minutes. */
    private static final Duration RETRY = Duration.ofMinutes(4);
    private static final String SUBJECT = "Pump 3 pressure high";

    @TempDir
    Path directory;

    private final RecordingSmsJobs jobs = new RecordingSmsJobs();
    private ServiceHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldDecideTheFallbackAtTheFirstTransientFailurePastTheConfiguredTimeOnceAndLetTheMailGoLater()
            throws Exception {
        harness = new ServiceHarness(directory, jobs, settings(sms(Optional.of(AFTER), false, false)));
        harness.mailer.failAlways(SUBJECT, MailErrorCode.NOT_REGISTERED);
        String id = harness.send(mail(SUBJECT));
        harness.start();

        Instant next = backoffAfter(id, 1);
        for (int attempt = 2; attempt <= 4; attempt++) {
            assertThat(jobs.decided()).as("after attempt %d, %s after acceptance", attempt - 1,
                    Duration.between(T0, harness.time.now())).isEmpty();
            harness.time.advanceTo(next);
            next = backoffAfter(id, attempt);
        }
        assertThat(jobs.decided()).as("the failure 12 minutes after acceptance").isEmpty();

        harness.time.advanceTo(next);
        next = backoffAfter(id, 5);
        assertThat(jobs.decided()).as("the failure 16 minutes after acceptance").singleElement().isEqualTo(
                new SmsJob(id, SmsReason.FALLBACK, NUMBERS, SUBJECT + ": Body of " + SUBJECT + " [mail " + id + "]"));

        harness.time.advanceTo(next);
        backoffAfter(id, 6);
        // Sent meanwhile: after the restart only the mark in the mail's file says that it was decided.
        jobs.sent(id);
        harness.restart(settings(sms(Optional.of(AFTER), false, false)));
        harness.mailer.failFirst(SUBJECT, MailErrorCode.NOT_REGISTERED);
        harness.start();
        harness.time.advance(RETRY);
        backoffAfter(id, 7);
        assertThat(jobs.decided()).as("once, across further failures and a restart").hasSize(1);

        harness.time.advance(RETRY);
        harness.awaitStatus(id, s -> s.state() == MessageState.SENT);
        assertThat(harness.status(id).state()).as("the mail delivered when the network came back")
                .isEqualTo(MessageState.SENT);
        assertThat(harness.events.kindsOf(id)).endsWith("RETRYING", "SENT");
        assertThat(jobs.decided()).hasSize(1);
    }

    @Test
    void shouldCountADecisionStoredBeforeAKillAsMadeThoughTheMailsMarkIsMissing() throws Exception {
        FaultyFileSystem files = new FaultyFileSystem();
        UnaryOperator<MailServiceSettings.Builder> settings = settings(sms(Optional.of(Duration.ZERO), false, false));
        harness = new ServiceHarness(directory, files, Optional.of(jobs), settings);
        harness.mailer.failAlways(SUBJECT, MailErrorCode.NOT_REGISTERED);
        String id = harness.send(mail(SUBJECT));
        // Killed after the SMS was stored, before the mail's state with the mark reached the disk: as if no state
        // of this attempt were written.
        files.fail(FaultyFileSystem.Operation.WRITE, FaultyFileSystem.named(".mail"), -1, "No space left on device");
        harness.start();
        backoffAfter(id, 1);
        assertThat(jobs.decided()).hasSize(1);
        files.heal();

        harness.restart(settings);
        harness.mailer.failAlways(SUBJECT, MailErrorCode.NOT_REGISTERED);
        harness.start();
        backoffAfter(id, 1);

        assertThat(jobs.decided()).as("the SMS stored before the kill is not decided again").hasSize(1);
    }

    @Test
    void shouldCountAnUrgentCopyStoredBeforeAKillAsMadeAndStillDecideTheFallback() throws Exception {
        FaultyFileSystem files = new FaultyFileSystem();
        UnaryOperator<MailServiceSettings.Builder> settings = settings(sms(Optional.empty(), true, true));
        harness = new ServiceHarness(directory, files, Optional.of(jobs), settings);
        // The copy is stored, its mark on the mail (an append to the mail's file) never written: a kill in between.
        files.fail(FaultyFileSystem.Operation.WRITE, FaultyFileSystem.named(".mail"), -1, "No space left on device");
        String id = harness.send(mail("Gas leak", Priority.URGENT));
        assertThat(jobs.decided()).extracting(SmsJob::reason).containsExactly(SmsReason.URGENT_COPY);
        files.heal();

        harness.restart(settings);
        harness.mailer.failFirst("Gas leak", MailErrorCode.SMTP_530);
        harness.start();
        harness.awaitStatus(id, s -> s.state() == MessageState.FAILED);

        assertThat(jobs.decided()).as("the copy not again, the fallback of the failure")
                .extracting(SmsJob::reason).containsExactly(SmsReason.URGENT_COPY, SmsReason.FALLBACK);
    }

    @Test
    void shouldStillDecideTheFallbackOfAnUrgentMailWhoseCopyWaitsAcrossARestart() throws Exception {
        UnaryOperator<MailServiceSettings.Builder> settings = settings(sms(Optional.empty(), true, true));
        harness = new ServiceHarness(directory, jobs, settings);
        String id = harness.send(mail("Gas leak", Priority.URGENT));

        harness.restart(settings);
        harness.mailer.failFirst("Gas leak", MailErrorCode.SMTP_530);
        harness.start();
        harness.awaitStatus(id, s -> s.state() == MessageState.FAILED);

        assertThat(jobs.pendingFor(id)).as("the copy has not gone yet").isTrue();
        assertThat(jobs.decided()).extracting(SmsJob::reason)
                .containsExactly(SmsReason.URGENT_COPY, SmsReason.FALLBACK);
    }

    @Test
    void shouldDecideTheFallbackOfAPermanentFailureBeforeTheMailsFileIsDeleted() throws Exception {
        harness = new ServiceHarness(directory, jobs, settings(sms(Optional.empty(), true, false)));
        harness.mailer.failFirst(SUBJECT, MailErrorCode.SMTP_530);
        String id = harness.send(mail(SUBJECT));
        Path file = harness.fileOf(id);
        AtomicBoolean fileThere = new AtomicBoolean();
        jobs.onDecide(() -> fileThere.set(Files.exists(file)));
        harness.start();

        assertThat(harness.failure(id).code()).isEqualTo(MailErrorCode.SMTP_530);
        assertThat(jobs.decided()).singleElement().satisfies(job -> {
            assertThat(job.reason()).isEqualTo(SmsReason.FALLBACK);
            assertThat(job.id()).isEqualTo(id);
        });
        assertThat(fileThere).as("the mail's file when the SMS was decided").isTrue();
        assertThat(harness.outboxFiles()).isEmpty();
    }

    @Test
    void shouldNotTellAPermanentFailureWhenNotConfigured() throws Exception {
        harness = new ServiceHarness(directory, jobs, settings(sms(Optional.of(AFTER), false, false)));
        harness.mailer.failFirst(SUBJECT, MailErrorCode.SMTP_530);
        String id = harness.send(mail(SUBJECT));
        harness.start();

        harness.failure(id);
        assertThat(jobs.decided()).isEmpty();
    }

    @Test
    void shouldDecideTheFallbackOfAMailThatExpires() throws Exception {
        harness = new ServiceHarness(directory, jobs, s -> settings(sms(Optional.empty(), true, false)).apply(s)
                .expiry(Duration.ofMinutes(10)));
        harness.mailer.failAlways(SUBJECT, MailErrorCode.NOT_REGISTERED);
        String id = harness.send(mail(SUBJECT));
        harness.start();
        backoffAfter(id, 1);
        assertThat(jobs.decided()).as("a transient failure, no time configured").isEmpty();

        harness.time.advance(Duration.ofMinutes(11));

        assertThat(harness.failure(id).code()).isEqualTo(MailErrorCode.EXPIRED);
        assertThat(jobs.decided()).singleElement().extracting(SmsJob::reason).isEqualTo(SmsReason.FALLBACK);
    }

    @Test
    void shouldCopyAnUrgentMailAtAcceptanceOnlyWhenConfiguredAndOnlyUrgentMail() throws Exception {
        harness = new ServiceHarness(directory, jobs, settings(sms(Optional.empty(), false, true)));

        String urgent = harness.send(mail("Gas leak", Priority.URGENT));
        String normal = harness.send(mail("Daily report", Priority.NORMAL));

        assertThat(jobs.decided()).as("before the dispatcher even runs").singleElement().isEqualTo(new SmsJob(urgent,
                SmsReason.URGENT_COPY, NUMBERS, "Gas leak: Body of Gas leak [mail " + urgent + "]"));
        harness.start();
        harness.receipt(urgent);
        harness.receipt(normal);
        assertThat(jobs.decided()).hasSize(1);

        harness.restart(settings(sms(Optional.of(AFTER), true, false)));
        harness.send(mail("Fire alarm", Priority.URGENT));
        assertThat(jobs.decided()).as("no copy when not configured").hasSize(1);
    }

    @Test
    void shouldGiveAnUrgentMailThatFailsForGoodItsCopyAndItsFallback() throws Exception {
        harness = new ServiceHarness(directory, jobs, settings(sms(Optional.empty(), true, true)));
        harness.mailer.failFirst("Gas leak", MailErrorCode.SMTP_530);
        String id = harness.send(mail("Gas leak", Priority.URGENT));
        harness.start();

        harness.failure(id);
        assertThat(jobs.decided()).extracting(SmsJob::reason)
                .containsExactly(SmsReason.URGENT_COPY, SmsReason.FALLBACK);
    }

    @Test
    void shouldLeaveTheMailAloneWhenTheSmsCannotBeStoredAndDecideAtItsNextFailure() throws Exception {
        harness = new ServiceHarness(directory, jobs, settings(sms(Optional.of(Duration.ZERO), false, false)));
        harness.mailer.failFirst(SUBJECT, MailErrorCode.NOT_REGISTERED, MailErrorCode.NOT_REGISTERED);
        jobs.failing(true);
        String id = harness.send(mail(SUBJECT));
        harness.start();

        Instant next = backoffAfter(id, 1);
        assertThat(jobs.decided()).isEmpty();
        assertThat(harness.status(id).state()).isEqualTo(MessageState.RETRY_WAIT);

        jobs.failing(false);
        harness.time.advanceTo(next);
        next = backoffAfter(id, 2);
        assertThat(jobs.decided()).as("decided at the next failure").singleElement().extracting(SmsJob::reason)
                .isEqualTo(SmsReason.FALLBACK);

        harness.time.advanceTo(next);
        assertThat(harness.receipt(id).attempts()).isEqualTo(3);
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "RETRYING", "RETRYING", "SENT");
    }

    @Test
    void shouldDecideNothingWithoutNumbers() throws Exception {
        harness = new ServiceHarness(directory, jobs, s -> s.sms(new SmsSettings(List.of(), Optional.of(Duration.ZERO),
                true, true, 3, 10)));
        harness.mailer.failFirst("Again", MailErrorCode.SMTP_530);
        harness.start();
        harness.failure(harness.send(mail("Again", Priority.URGENT)));
        assertThat(jobs.decided()).as("no numbers configured").isEmpty();
    }

    private static SmsSettings sms(Optional<Duration> after, boolean onPermanentFailure, boolean copyUrgent) {
        return new SmsSettings(NUMBERS, after, onPermanentFailure, copyUrgent, 3, 10);
    }

    private static UnaryOperator<MailServiceSettings.Builder> settings(SmsSettings sms) {
        return s -> s.retry(RETRY, RETRY).sms(sms);
    }

    /** @return when the retry after the given failed attempt is due, once the mail waits for it */
    private Instant backoffAfter(String id, int attempt) {
        await().atMost(ServiceHarness.WAIT).until(() -> harness.service.status(id)
                .filter(s -> s.state() == MessageState.RETRY_WAIT && s.attempts() == attempt).isPresent());
        return harness.status(id).nextAttemptAt().orElseThrow();
    }
}
