/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;

/**
 * Two {@code send}s of one id at the same moment (a caller retrying while its first call is still writing, two
 * threads of one alarm bundle): one mail, one file, one delivery, both callers following it, and no room lost.
 * Ids that differ only in case are different mails, also on a file system that ignores case.
 */
class MailServiceAcceptanceRaceTest {

    private static final int ROUNDS = 200;

    @TempDir
    Path directory;

    private ServiceHarness harness;
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        harness.close();
    }

    @Test
    void shouldAcceptAnIdOnceWhenTwoSendsOfItRaceAndLetBothCallersFollowIt() throws Exception {
        harness = new ServiceHarness(directory, s -> s.bounds(ROUNDS, 64L * 1024 * 1024));
        List<CompletionStage<DeliveryReceipt>> firsts = new ArrayList<>();
        List<CompletionStage<DeliveryReceipt>> seconds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            MailMessage alarm = MailMessage.builder().id("pump3-overpressure-" + round).to("ops@example.com")
                    .subject("alarm " + round).body("7.9 bar").build();
            CountDownLatch start = new CountDownLatch(1);
            Future<CompletionStage<DeliveryReceipt>> first = callers.submit(() -> {
                start.await();
                return harness.service.send(alarm);
            });
            Future<CompletionStage<DeliveryReceipt>> second = callers.submit(() -> {
                start.await();
                return harness.service.send(alarm);
            });
            start.countDown();
            firsts.add(first.get(10, TimeUnit.SECONDS));
            seconds.add(second.get(10, TimeUnit.SECONDS));
        }

        assertThat(harness.events.count(MailEvents.QUEUED)).as("one QUEUED per id").isEqualTo(ROUNDS);
        assertThat(harness.outboxFiles()).as("one file per id").hasSize(ROUNDS);
        assertThat(harness.service.queue()).extracting(MessageStatus::messageId).doesNotHaveDuplicates()
                .hasSize(ROUNDS);
        assertThatThrownBy(() -> harness.service.send(ServiceHarness.mail("one too many")))
                .as("the outbox holds exactly ROUNDS mails: every reservation was counted once")
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.QUEUE_FULL));

        harness.start();
        await().atMost(ServiceHarness.WAIT).until(() -> harness.service.counters().sent() == ROUNDS);
        for (int round = 0; round < ROUNDS; round++) {
            DeliveryReceipt receipt = firsts.get(round).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(seconds.get(round).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(receipt);
        }
        assertThat(harness.mailer.calls()).as("each mail sent once").hasSize(ROUNDS);
        assertThat(harness.outboxFiles()).isEmpty();
        assertThat(harness.service.counters().queued()).isZero();
        for (int i = 0; i < ROUNDS; i++) {
            harness.service.send(ServiceHarness.mail("after " + i));
        }
        assertThat(harness.events.count(MailEvents.QUEUED)).as("all the room came back").isEqualTo(2L * ROUNDS);
    }

    @Test
    void shouldTreatIdsThatDifferOnlyInCaseAsTwoMailsWithTwoFiles() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        String upper = harness.send(MailMessage.builder().id("Pump3-Alarm").to("ops@example.com").subject("upper")
                .build());
        String lower = harness.send(MailMessage.builder().id("pump3-alarm").to("ops@example.com").subject("lower")
                .build());

        assertThat(harness.outboxFiles()).extracting(file -> file.getFileName().toString().toLowerCase(Locale.ROOT))
                .as("names that stay distinct on a file system that ignores case").doesNotHaveDuplicates()
                .hasSize(2);
        harness.start();
        assertThat(harness.receipt(upper).messageId()).isEqualTo("Pump3-Alarm");
        assertThat(harness.receipt(lower).messageId()).isEqualTo("pump3-alarm");
        assertThat(harness.mailer.subjects()).containsExactlyInAnyOrder("upper", "lower");
    }

    @Test
    void shouldKeepBothMailsOfIdsThatDifferOnlyInCaseOnAFileSystemThatIgnoresCaseAcrossARestart() throws Exception {
        harness = new ServiceHarness(directory, new CaseFoldingFileSystem(), s -> s);
        harness.send(MailMessage.builder().id("Pump3-Alarm").to("ops@example.com").subject("upper").build());
        harness.send(MailMessage.builder().id("pump3-alarm").to("ops@example.com").subject("lower").build());

        harness.restart(s -> s);
        harness.start();

        harness.awaitAttempts(2);
        assertThat(harness.mailer.subjects()).containsExactlyInAnyOrder("upper", "lower");
        assertThat(harness.service.setAsideRecords()).isEmpty();
    }
}
