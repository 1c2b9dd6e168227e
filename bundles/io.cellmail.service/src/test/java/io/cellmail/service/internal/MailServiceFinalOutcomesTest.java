/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;

/**
 * The outcome of a mail outlives the process that reached it: a delivered mail is not sent again when its id comes
 * back (from a caller that died during {@code send} and sends again after its restart, or from a mail file that
 * outlived its recorded outcome), and {@code status} tells a caller that missed the event how its mail ended.
 */
class MailServiceFinalOutcomesTest {

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldAnswerAnIdSentAgainAfterARestartWithTheFirstReceiptInsteadOfSendingItTwice() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.start();
        MailMessage alarm = mail("pump 3 pressure high");
        String id = harness.send(alarm);
        DeliveryReceipt first = harness.receipt(id);

        harness.restart(s -> s);
        harness.start();
        CompletableFuture<DeliveryReceipt> again = harness.service.send(alarm).toCompletableFuture();

        assertThat(again.get(ServiceHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(first);
        assertThat(harness.outboxFiles()).as("nothing queued").isEmpty();
        assertThat(harness.events.kindsOf(id)).as("one mail, one QUEUED, one SENT").containsExactly("QUEUED", "SENT");
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).as("the modem after the restart").isEmpty();
    }

    @Test
    void shouldTellTheStatusOfAMailDeliveredBeforeARestart() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.start();
        String id = harness.send(mail("A"));
        harness.receipt(id);

        harness.restart(s -> s);

        assertThat(harness.status(id)).satisfies(status -> {
            assertThat(status.state()).isEqualTo(MessageState.SENT);
            assertThat(status.attempts()).isEqualTo(1);
            assertThat(status.acceptedAt()).isEqualTo(ServiceHarness.T0);
        });
    }

    @Test
    void shouldTellAfterARestartThatAMailFailedForGoodAndAnswerItsIdWithThatFailure() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failFirst("A", MailErrorCode.AUTHENTICATION_FAILED);
        harness.start();
        MailMessage alarm = mail("A");
        String id = harness.send(alarm);
        assertThat(harness.failure(id).code()).isEqualTo(MailErrorCode.AUTHENTICATION_FAILED);

        harness.restart(s -> s);
        harness.start();

        assertThat(harness.status(id)).satisfies(status -> {
            assertThat(status.state()).isEqualTo(MessageState.FAILED);
            assertThat(status.lastError()).contains(MailErrorCode.AUTHENTICATION_FAILED);
        });
        CompletableFuture<DeliveryReceipt> again = harness.service.send(alarm).toCompletableFuture();
        assertThat(again).isCompletedExceptionally();
        assertThatThrownBy(again::join).hasCauseInstanceOf(MailException.class)
                .cause().satisfies(e -> assertThat(((MailException) e).code())
                        .isEqualTo(MailErrorCode.AUTHENTICATION_FAILED));
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).as("not queued again").isEmpty();
    }

    @Test
    void shouldDeleteRatherThanSendAMailFileThatOutlivedItsRecordedDelivery() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        String id = harness.send(mail("A"));
        Path file = harness.fileOf(id);
        Path copy = Files.copy(file, directory.resolveSibling("kept-" + file.getFileName()));
        harness.start();
        harness.receipt(id);
        harness.close();
        // The process died after recording the delivery and before the file was deleted.
        Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);

        harness.restart(s -> s);
        harness.start();

        assertThat(harness.outboxFiles()).isEmpty();
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).isEmpty();
        assertThat(harness.status(id).state()).isEqualTo(MessageState.SENT);
    }

    @Test
    void shouldSendAnIdAgainOnceItsDeliveryIsOlderThanTheRetention() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.start();
        MailMessage alarm = mail("A");
        String id = harness.send(alarm);
        harness.receipt(id);

        harness.restart(s -> s);
        harness.time.advance(FinalOutcomes.RETENTION.plusSeconds(1));
        harness.start();
        harness.service.send(alarm).toCompletableFuture().get(ServiceHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(harness.mailer.calls()).hasSize(1);
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "SENT", "QUEUED", "SENT");
    }

    @Test
    void shouldJoinAMailSentAgainWhileItIsQueuedAndAnswerFromTheRecordOnceDelivered() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        MailMessage alarm = mail("A");
        String id = harness.send(alarm);
        CompletableFuture<DeliveryReceipt> joined = harness.service.send(alarm).toCompletableFuture();
        harness.start();
        DeliveryReceipt receipt = harness.receipt(id);

        assertThat(joined.get(ServiceHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(receipt);
        assertThat(harness.service.send(alarm).toCompletableFuture().getNow(null)).isEqualTo(receipt);
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("SENT"));
        assertThat(harness.events.all().stream().filter(e -> e.topic().equals(MailEvents.QUEUED))).hasSize(1);
        assertThat(harness.mailer.calls()).hasSize(1);
    }

    @Test
    void shouldStillAnswerFromMemoryWhenTheRecordCannotBeWritten() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        Files.createDirectory(directory.resolve(FinalOutcomes.NAME + Outbox.TEMP_SUFFIX));
        harness.start();
        MailMessage alarm = mail("A");
        String id = harness.send(alarm);
        DeliveryReceipt receipt = harness.receipt(id);

        assertThat(Files.exists(directory.resolve(FinalOutcomes.NAME))).as("the write failed").isFalse();
        assertThat(harness.service.send(alarm).toCompletableFuture().getNow(null)).isEqualTo(receipt);
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).hasSize(1);
    }
}
