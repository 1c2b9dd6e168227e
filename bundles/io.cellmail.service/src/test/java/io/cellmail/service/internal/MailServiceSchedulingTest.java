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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.Priority;

/** Which mail goes next: priority, age, backoff, the rate limit. */
class MailServiceSchedulingTest {

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldSendHigherPriorityFirstAndOldestFirstWithinAPriority() {
        harness = new ServiceHarness(directory, s -> s);
        harness.send(mail("low", Priority.LOW));
        harness.send(mail("normal-1", Priority.NORMAL));
        harness.send(mail("urgent-1", Priority.URGENT));
        harness.send(mail("normal-2", Priority.NORMAL));
        harness.send(mail("high", Priority.HIGH));
        harness.send(mail("urgent-2", Priority.URGENT));

        harness.start();
        harness.awaitAttempts(6);

        assertThat(harness.mailer.subjects())
                .containsExactly("urgent-1", "urgent-2", "high", "normal-1", "normal-2", "low");
    }

    @Test
    void shouldNotLetAMailInBackoffBlockALaterOne() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failFirst("first", MailErrorCode.SMTP_451);
        harness.start();
        String first = harness.send(mail("first"));
        Instant retry = harness.awaitStatus(first, s -> s.state() == MessageState.RETRY_WAIT)
                .nextAttemptAt().orElseThrow();

        String second = harness.send(mail("second"));

        assertThat(harness.receipt(second)).isEqualTo(new DeliveryReceipt(second, 1, T0));
        assertThat(harness.status(first).state()).isEqualTo(MessageState.RETRY_WAIT);
        harness.time.advanceTo(retry);
        assertThat(harness.receipt(first).attempts()).isEqualTo(2);
        assertThat(harness.mailer.subjects()).containsExactly("first", "second", "first");
    }

    @Test
    void shouldHoldThe11thMailOfA10PerHourLimitUntilTheWindowMoves() throws Exception {
        harness = new ServiceHarness(directory, s -> s.maxPerHour(10));
        harness.start();
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            ids.add(harness.send(mail("alarm " + i)));
        }
        String eleventh = ids.get(10);
        Instant windowMoves = T0.plus(Duration.ofHours(1));

        harness.awaitIdle();
        assertThat(harness.mailer.calls()).hasSize(10);
        MessageStatus held = harness.status(eleventh);
        assertThat(held.state()).isEqualTo(MessageState.QUEUED);
        assertThat(held.nextAttemptAt()).contains(windowMoves);
        assertThat(harness.service.counters()).satisfies(c -> {
            assertThat(c.heldByRateLimit()).isEqualTo(1);
            assertThat(c.queued()).isEqualTo(1);
        });
        assertThat(harness.service.serviceStatus().queueDepth()).isEqualTo(1);

        harness.time.advance(Duration.ofMinutes(59));
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).hasSize(10);
        assertThat(harness.status(eleventh).nextAttemptAt()).contains(windowMoves);

        harness.time.advance(Duration.ofMinutes(1));
        assertThat(harness.receipt(eleventh)).isEqualTo(new DeliveryReceipt(eleventh, 1, windowMoves));
        assertThat(harness.service.counters().heldByRateLimit()).isZero();
    }

    @Test
    void shouldCountRetriesAgainstTheRateLimit() throws Exception {
        harness = new ServiceHarness(directory, s -> s.maxPerHour(2).retry(Duration.ofSeconds(10),
                Duration.ofSeconds(10)));
        harness.mailer.failFirst("flaky", MailErrorCode.NETWORK_ERROR, MailErrorCode.NETWORK_ERROR);
        harness.start();
        String id = harness.send(mail("flaky"));
        harness.time.advanceTo(harness.awaitStatus(id, s -> s.attempts() == 1 && !s.state().equals(
                MessageState.SENDING)).nextAttemptAt().orElseThrow());

        MessageStatus afterTwo = harness.awaitStatus(id, s -> s.attempts() == 2
                && s.state() == MessageState.RETRY_WAIT);

        assertThat(afterTwo.nextAttemptAt()).contains(T0.plus(Duration.ofHours(1)));
        harness.time.advanceTo(T0.plus(Duration.ofHours(1)));
        assertThat(harness.receipt(id).attempts()).isEqualTo(3);
    }
}
