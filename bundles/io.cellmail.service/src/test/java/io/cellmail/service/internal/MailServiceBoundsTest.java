/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;

/**
 * Memory stays bounded whatever the outbox holds: the queue keeps a few numbers per mail, never its content, which
 * the dispatcher reads from disk when it sends the mail; and after a restart the bounds hold even for an outbox
 * that holds more than they allow (they were lowered): nothing is dropped, the rest waits on disk, oldest first.
 */
class MailServiceBoundsTest {

    private static final int LARGE = 100 * 1024;

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldHoldNoMailContentInMemoryWhateverTheOutboxHolds() throws Exception {
        harness = new ServiceHarness(directory, s -> s.bounds(100, 64L * 1024 * 1024));
        for (int i = 0; i < 40; i++) {
            harness.send(withAttachment("large " + i, LARGE));
        }
        long afterSends = RetainedContent.bytesReachableFrom(harness.service);

        harness.restart(s -> s.bounds(100, 64L * 1024 * 1024));
        long afterRestart = RetainedContent.bytesReachableFrom(harness.service);

        // 40 mails of 100 KB are 4 MB; the index of 40 mails is a few KB of ids, names and settings.
        assertThat(afterSends).as("after accepting 4 MB of mail").isLessThan(32 * 1024);
        assertThat(afterRestart).as("after loading 4 MB of mail").isLessThan(32 * 1024);
        assertThat(harness.service.queue()).hasSize(40);
    }

    @Test
    void shouldSendTheMailAsItsFileHoldsItReadWhenItIsSent() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        byte[] content = new byte[LARGE];
        new SplittableRandom(7).nextBytes(content);
        MailMessage sent = MailMessage.builder().to("ops@example.com").cc("shift@example.com").subject("trend")
                .body("attached").attach("trend.bin", content).build();
        harness.send(sent);

        harness.start();

        harness.awaitAttempts(1);
        assertThat(harness.mailer.messages()).containsExactly(sent);
    }

    @Test
    void shouldIndexOnlyWhatTheLoweredBoundsAllowAndTheRestOldestFirstAsRoomFreesUp() throws Exception {
        harness = new ServiceHarness(directory, s -> s.bounds(100, 1 << 20));
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> harness.send(mail("mail " + i))).toList();

        harness.restart(s -> s.bounds(4, 1 << 20));

        assertThat(harness.service.queue()).extracting(MessageStatus::messageId)
                .as("the four oldest").containsExactlyElementsOf(ids.subList(0, 4));
        assertThat(harness.service.serviceStatus().queueDepth()).as("all ten are in the outbox").isEqualTo(10);
        assertThat(harness.service.counters().queued()).isEqualTo(10);
        assertThatThrownBy(() -> harness.service.send(mail("new")))
                .as("new mail waits until the old fits the bounds")
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.QUEUE_FULL);
                    assertThat(e.getMessage()).contains("more on disk");
                });

        harness.start();
        harness.awaitAttempts(10);

        assertThat(harness.mailer.subjects()).as("every one, oldest first")
                .containsExactlyElementsOf(IntStream.range(0, 10).mapToObj(i -> "mail " + i).toList());
        await().atMost(ServiceHarness.WAIT).until(() -> harness.outboxFiles().isEmpty());
        harness.send(mail("new"));
        harness.awaitAttempts(11);
    }

    @Test
    void shouldStillSendAMailLargerThanTheLoweredByteBound() throws Exception {
        harness = new ServiceHarness(directory, s -> s.bounds(100, 1 << 20));
        harness.send(withAttachment("big", LARGE));
        harness.send(mail("small"));

        harness.restart(s -> s.bounds(100, 4096));
        harness.start();

        harness.awaitAttempts(2);
        assertThat(harness.mailer.subjects()).containsExactly("big", "small");
    }

    private static MailMessage withAttachment(String subject, int size) {
        return MailMessage.builder().to("ops@example.com").subject(subject).attach("log.bin", new byte[size]).build();
    }
}
