/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.T0;
import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;

/**
 * The outbox keeps its own time: ages, retry times, expiry and the rate limit's window advance while the service
 * runs and never with a step of the wall clock (a gateway without a battery-backed clock that NTP corrects by a year,
 * either way), during a run or across a restart. Time while no service runs does not count.
 */
class MailServiceClockTest {

    private static final Duration YEAR_AND_MORE = Duration.ofDays(400);

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @ParameterizedTest(name = "wall clock {0} days")
    @ValueSource(ints = {400, -400})
    void shouldNeitherExpireNorParkMailWhenTheWallClockStepsDuringARun(int days) throws Exception {
        Waiting waiting = mailInBackoffAndHeldByTheRateLimit();

        harness.time.stepWallClock(Duration.ofDays(days));
        harness.awaitIdle();

        assertStillWaitingAnHourOfServiceTimeAfterTheyStarted(waiting);
    }

    @ParameterizedTest(name = "wall clock {0} days")
    @ValueSource(ints = {400, -400})
    void shouldNeitherExpireNorParkMailWhenTheWallClockSteppedAcrossARestart(int days) throws Exception {
        Waiting waiting = mailInBackoffAndHeldByTheRateLimit();
        harness.close();
        harness.time.stepWallClock(Duration.ofDays(days));

        harness.restart(s -> s.maxPerHour(2));
        harness.start();
        harness.awaitIdle();

        assertStillWaitingAnHourOfServiceTimeAfterTheyStarted(waiting);
    }

    @Test
    void shouldExpireAfterTwentyFourHoursOfRunningWhateverTheWallClockSaysAndNotCountTimeSwitchedOff()
            throws Exception {
        harness = new ServiceHarness(directory, s -> s.retry(Duration.ofHours(8), Duration.ofHours(8))
                .expiry(Duration.ofHours(24)));
        harness.mailer.failAlways("stuck", MailErrorCode.NETWORK_ERROR);
        harness.start();
        String id = harness.send(mail("stuck"));
        harness.time.advanceTo(awaitBackoffAfterAttempt(id, 1));
        harness.time.advanceTo(awaitBackoffAfterAttempt(id, 2));
        awaitBackoffAfterAttempt(id, 3);
        // 16 hours of running. Then the power is cut for three days, and the clock comes back a year wrong.
        harness.close();
        harness.time.stepWallClock(Duration.ofDays(3).plus(YEAR_AND_MORE));

        harness.restart(s -> s.retry(Duration.ofHours(8), Duration.ofHours(8)).expiry(Duration.ofHours(24)));
        harness.mailer.failAlways("stuck", MailErrorCode.NETWORK_ERROR);
        harness.start();
        harness.awaitIdle();
        MessageStatus afterRestart = harness.status(id);
        assertThat(afterRestart.state()).isEqualTo(MessageState.RETRY_WAIT);
        assertThat(afterRestart.nextAttemptAt()).as("the last 8 of its 24 hours, on the wall clock now")
                .contains(harness.time.now().plus(Duration.ofHours(8)));

        harness.time.advance(Duration.ofHours(8).minusSeconds(1));
        harness.awaitIdle();
        assertThat(harness.events.kindsOf(id)).doesNotContain("EXPIRED");

        harness.time.advance(Duration.ofSeconds(1));
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("EXPIRED"));
        assertThat(harness.events.of(id)).last().satisfies(e -> assertThat(e.properties())
                .containsEntry(MailEvents.ATTEMPT, 3));
    }

    @Test
    void shouldHoldTheRateLimitForAnHourOfServiceTimeWhicheverWayTheWallClockSteps() throws Exception {
        harness = new ServiceHarness(directory, s -> s.maxPerHour(10));
        harness.start();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            ids.add(harness.send(mail("alarm " + i)));
        }
        String eleventh = ids.get(10);
        harness.awaitAttempts(10);
        harness.awaitIdle();

        harness.time.stepWallClock(YEAR_AND_MORE.negated());
        harness.time.advance(Duration.ofMinutes(30));
        harness.awaitIdle();
        assertThat(harness.status(eleventh).nextAttemptAt()).contains(harness.time.now().plusSeconds(30 * 60));
        harness.time.stepWallClock(YEAR_AND_MORE.multipliedBy(2));
        harness.time.advance(Duration.ofMinutes(29));
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).as("the window never slid with the wall clock").hasSize(10);

        harness.time.advance(Duration.ofMinutes(1));
        assertThat(harness.receipt(eleventh).attempts()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheRateLimitWindowAcrossARestartSoARestartLoopCannotBypassIt() throws Exception {
        harness = new ServiceHarness(directory, s -> s.maxPerHour(2));
        harness.start();
        harness.send(mail("one"));
        harness.send(mail("two"));
        String third = harness.send(mail("three"));
        harness.awaitAttempts(2);
        harness.awaitIdle();

        for (int restart = 0; restart < 3; restart++) {
            harness.restart(s -> s.maxPerHour(2));
            harness.start();
            harness.time.advance(Duration.ofMinutes(10));
            harness.awaitIdle();
            assertThat(harness.mailer.calls()).as("restart %d", restart).isEmpty();
        }
        assertThat(harness.status(third).nextAttemptAt()).contains(harness.time.now().plus(Duration.ofMinutes(30)));

        harness.time.advance(Duration.ofMinutes(30));
        harness.awaitAttempts(1);
        assertThat(harness.mailer.subjects()).containsExactly("three");
    }

    @Test
    void shouldKeepARetryNowAcrossARestart() throws Exception {
        harness = new ServiceHarness(directory, s -> s.retry(Duration.ofMinutes(10), Duration.ofMinutes(10)));
        harness.mailer.failFirst("flaky", MailErrorCode.NETWORK_ERROR);
        harness.start();
        String id = harness.send(mail("flaky"));
        awaitBackoffAfterAttempt(id, 1);
        harness.restart(s -> s.retry(Duration.ofMinutes(10), Duration.ofMinutes(10)));

        assertThat(harness.service.retryNow(id)).isTrue();
        harness.restart(s -> s.retry(Duration.ofMinutes(10), Duration.ofMinutes(10)));
        harness.start();

        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("SENT"));
        assertThat(harness.events.of(id)).last().satisfies(e -> assertThat(e.properties())
                .containsEntry(MailEvents.ATTEMPT, 2));
        assertThat(harness.time.now()).as("no time passed").isEqualTo(T0);
    }

    @Test
    void shouldCheckpointTheClockEveryFewMinutesWhileMailWaitsAndNeverWhenNothingDoes() throws Exception {
        CountingFileSystem disk = new CountingFileSystem();
        harness = new ServiceHarness(directory, disk, s -> s.retry(Duration.ofHours(3), Duration.ofHours(3)));
        harness.mailer.failFirst("waiting", MailErrorCode.NETWORK_ERROR);
        harness.start();
        String id = harness.send(mail("waiting"));
        awaitBackoffAfterAttempt(id, 1);
        int before = disk.writesOf(ServiceStateFile.NAME);

        for (int step = 0; step < 6 * 60; step++) {
            harness.time.advance(Duration.ofSeconds(10));
            harness.awaitIdle();
        }
        int firstHour = disk.writesOf(ServiceStateFile.NAME) - before;
        for (int step = 0; step < 60; step++) {
            harness.time.advance(Duration.ofMinutes(1));
            harness.awaitIdle();
        }
        int secondHour = disk.writesOf(ServiceStateFile.NAME) - before - firstHour;

        assertThat(firstHour).as("a few at first, then one every 5 minutes").isBetween(12, 16);
        assertThat(secondHour).as("one every 5 minutes").isBetween(11, 13);

        harness.time.advance(Duration.ofHours(1));
        assertThat(harness.receipt(id).attempts()).isEqualTo(2);
        harness.awaitIdle();
        int afterDelivery = disk.writesOf(ServiceStateFile.NAME);
        for (int step = 0; step < 60; step++) {
            harness.time.advance(Duration.ofMinutes(1));
            harness.awaitIdle();
        }
        assertThat(disk.writesOf(ServiceStateFile.NAME)).as("nothing waits, nothing to record")
                .isEqualTo(afterDelivery);
    }

    /** Mail A in backoff, B sent, C held by a rate limit of 2 per hour; both A and C wait until T0 + 1 h. */
    private Waiting mailInBackoffAndHeldByTheRateLimit() throws Exception {
        harness = new ServiceHarness(directory, s -> s.maxPerHour(2));
        harness.mailer.failFirst("A", MailErrorCode.NETWORK_ERROR);
        harness.start();
        String a = harness.send(mail("A"));
        String b = harness.send(mail("B"));
        String c = harness.send(mail("C"));
        assertThat(harness.receipt(b).attempts()).isEqualTo(1);
        harness.awaitIdle();
        assertThat(harness.status(a).state()).isEqualTo(MessageState.RETRY_WAIT);
        assertThat(harness.status(c).state()).isEqualTo(MessageState.QUEUED);
        harness.time.advance(Duration.ofMinutes(20));
        harness.awaitIdle();
        return new Waiting(a, c);
    }

    private void assertStillWaitingAnHourOfServiceTimeAfterTheyStarted(Waiting waiting) throws Exception {
        Instant windowMoves = harness.time.now().plus(Duration.ofMinutes(40));
        assertThat(harness.status(waiting.inBackoff())).satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageState.RETRY_WAIT);
            assertThat(s.nextAttemptAt()).as("shown on the wall clock as it is now").contains(windowMoves);
        });
        assertThat(harness.status(waiting.held()).state()).isEqualTo(MessageState.QUEUED);
        assertThat(harness.events.count(MailEvents.EXPIRED)).isZero();

        harness.time.advance(Duration.ofMinutes(40));

        // Followed by events: after a restart the stages of the first run are gone.
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(waiting.held()).contains("SENT")
                && harness.events.kindsOf(waiting.inBackoff()).contains("SENT"));
        assertThat(harness.events.of(waiting.inBackoff())).last().satisfies(e -> assertThat(e.properties())
                .containsEntry(MailEvents.ATTEMPT, 2));
        assertThat(harness.events.count(MailEvents.EXPIRED)).isZero();
    }

    private record Waiting(String inBackoff, String held) {
    }

    private Instant awaitBackoffAfterAttempt(String id, int attempt) {
        return harness.awaitStatus(id, s -> s.state() == MessageState.RETRY_WAIT && s.attempts() == attempt)
                .nextAttemptAt().orElseThrow();
    }
}
