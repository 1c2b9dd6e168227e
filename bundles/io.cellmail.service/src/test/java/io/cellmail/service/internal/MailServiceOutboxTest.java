/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.api.ServiceStatus;
import io.cellmail.service.spi.ModemHealth;

/** Acceptance into the outbox, its bounds, cancel, restart recovery, damaged files, and the service's lifecycle. */
class MailServiceOutboxTest {

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldHaveTheMailOnDiskWhenSendReturns() throws IOException {
        harness = new ServiceHarness(directory, s -> s);
        MailMessage message = mail("durable");

        String id = harness.send(message);

        assertThat(harness.fileOf(id)).isRegularFile();
        List<OutboxRecord> reopened = OutboxContents.records(directory);
        assertThat(reopened).singleElement().satisfies(r -> {
            assertThat(r.header().id()).isEqualTo(id);
            assertThat(OutboxContents.message(directory, r.file()).message()).isEqualTo(message);
            assertThat(r.state().attempts()).isZero();
        });
        assertThat(harness.status(id).state()).isEqualTo(MessageState.QUEUED);
    }

    @Test
    void shouldRefuseMailWithQueueFullWhenTheOutboxHoldsMaxMessages() {
        harness = new ServiceHarness(directory, s -> s.bounds(2, 1 << 20));
        harness.send(mail("one"));
        String two = harness.send(mail("two"));

        assertThatThrownBy(() -> harness.service.send(mail("three")))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.QUEUE_FULL));
        assertThat(harness.outboxFiles()).hasSize(2);
        assertThat(harness.events.count(MailEvents.QUEUED)).isEqualTo(2);

        harness.service.cancel(two);
        harness.send(mail("three"));
        assertThat(harness.outboxFiles()).hasSize(2);
    }

    @Test
    void shouldRefuseMailWithQueueFullWhenItWouldExceedMaxBytes() {
        harness = new ServiceHarness(directory, s -> s.bounds(100, 4096));
        harness.send(withAttachment("first", 2500));

        assertThatThrownBy(() -> harness.service.send(withAttachment("second", 2500)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.QUEUE_FULL));
        assertThat(harness.outboxFiles()).hasSize(1);
        harness.send(mail("small"));
        assertThat(harness.outboxFiles()).hasSize(2);
    }

    @Test
    void shouldRefuseAMailTheDialectRejectsBeforeWritingAnything() {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.validator(m -> {
            throw MailException.invalid("subject", "longer than the modem takes");
        });

        assertThatThrownBy(() -> harness.service.send(mail("too long")))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).contains("subject");
                });
        assertThat(harness.outboxFiles()).isEmpty();
        assertThat(harness.events.all()).isEmpty();
    }

    @Test
    void shouldCancelAQueuedMail() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        String id = harness.send(mail("never mind"));

        assertThat(harness.service.cancel(id)).isTrue();

        assertThat(harness.failure(id).code()).isEqualTo(MailErrorCode.CANCELLED);
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "CANCELLED");
        assertThat(harness.events.of(id).get(1).properties())
                .containsEntry(MailEvents.ERROR_CODE, MailErrorCode.CANCELLED.code());
        assertThat(harness.status(id).state()).isEqualTo(MessageState.CANCELLED);
        assertThat(harness.outboxFiles()).isEmpty();
        assertThat(harness.service.cancel(id)).as("already final").isFalse();
        assertThat(harness.service.counters().cancelled()).isEqualTo(1);
        harness.start();
        harness.awaitParkedUntil(Instant.MAX);
        assertThat(harness.mailer.calls()).isEmpty();
    }

    @Test
    void shouldNotCancelAMailBeingSent() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.hold();
        harness.start();
        String id = harness.send(mail("in flight"));
        harness.awaitAttempts(1);

        assertThat(harness.service.cancel(id)).isFalse();
        assertThat(harness.status(id).state()).isEqualTo(MessageState.SENDING);

        harness.mailer.release();
        assertThat(harness.receipt(id).attempts()).isEqualTo(1);
    }

    @Test
    void shouldAnswerFalseWhenCancellingAnUnknownMail() {
        harness = new ServiceHarness(directory, s -> s);

        assertThat(harness.service.cancel("no-such-id")).isFalse();
        assertThat(harness.service.status("no-such-id")).isEmpty();
    }

    @Test
    void shouldKeepOrderAndAttemptCountsAcrossARestart() throws Exception {
        harness = new ServiceHarness(directory, s -> s.maxPerHour(1));
        harness.mailer.failFirst("A", MailErrorCode.NETWORK_ERROR);
        harness.start();
        String a = harness.send(mail("A"));
        String b = harness.send(mail("B"));
        String c = harness.send(mail("C"));
        MessageStatus aBefore = harness.awaitStatus(a, s -> s.state() == MessageState.RETRY_WAIT);
        assertThat(aBefore.nextAttemptAt()).as("held by the rate limit of 1 per hour")
                .contains(ServiceHarness.T0.plus(Duration.ofHours(1)));

        harness.restart(s -> s.maxPerHour(0));

        assertThat(harness.failure(a).code()).as("a stage of the closed service")
                .isEqualTo(MailErrorCode.SERVICE_STOPPED);
        assertThat(harness.status(a)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageState.RETRY_WAIT);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.lastError()).contains(MailErrorCode.NETWORK_ERROR);
            assertThat(s.nextAttemptAt()).as("its own backoff, no rate limit now").hasValueSatisfying(
                    next -> assertThat(next).isBetween(ServiceHarness.T0.plusSeconds(10),
                            ServiceHarness.T0.plusSeconds(20)));
        });
        assertThat(harness.status(b).attempts()).isZero();
        assertThat(harness.status(c).attempts()).isZero();

        harness.start();
        harness.awaitAttempts(2);
        assertThat(harness.mailer.subjects()).containsExactly("B", "C");
        harness.time.advanceTo(harness.status(a).nextAttemptAt().orElseThrow());
        harness.awaitAttempts(3);
        assertThat(harness.mailer.subjects()).containsExactly("B", "C", "A");
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(a).contains("SENT"));
        assertThat(harness.events.of(a)).last()
                .satisfies(e -> assertThat(e.properties()).containsEntry(MailEvents.ATTEMPT, 2));
    }

    @Test
    void shouldSetAsideTornAndCorruptFilesReportEachAsFailedAndSendTheOthers() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        String torn = harness.send(mail("torn"));
        String corrupt = harness.send(mail("corrupt"));
        String intact = harness.send(mail("intact"));
        String unnamed = harness.send(mail("header damaged"));
        Path tornFile = harness.fileOf(torn);
        Path corruptFile = harness.fileOf(corrupt);
        Path unnamedFile = harness.fileOf(unnamed);
        harness.close();
        OutboxTest.truncate(tornFile, Files.size(tornFile) - 10);
        flipByteAt(corruptFile, Files.size(corruptFile) - 20);
        flipByteAt(unnamedFile, 12);

        harness.restart(s -> s);

        assertThat(harness.service.status(torn)).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(MessageState.FAILED);
            assertThat(s.lastError()).contains(MailErrorCode.OUTBOX_DAMAGED);
        });
        assertThat(harness.events.kindsOf(torn)).containsExactly("QUEUED", "FAILED");
        assertThat(harness.events.of(torn).get(1).properties())
                .containsEntry(MailEvents.ERROR_CODE, MailErrorCode.OUTBOX_DAMAGED.code())
                .containsEntry(MailEvents.SERVICE_NAME, harness.name);
        assertThat(harness.status(intact).state()).isEqualTo(MessageState.QUEUED);
        assertThat(harness.events.kindsOf(unnamedFile.getFileName().toString())).as("named by its file")
                .containsExactly("FAILED");

        harness.start();
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(corrupt).contains("FAILED"));
        harness.awaitAttempts(1);
        assertThat(harness.mailer.subjects()).containsExactly("intact");
        assertThat(harness.status(corrupt).lastError()).contains(MailErrorCode.OUTBOX_DAMAGED);
        assertThat(harness.service.setAsideRecords()).hasSize(3).allSatisfy(p -> {
            assertThat(p.getParent()).isEqualTo(directory.resolve(Outbox.CORRUPT_DIRECTORY));
            assertThat(p).isRegularFile();
        });
        assertThat(harness.service.counters().setAside()).isEqualTo(3);
    }

    @Test
    void shouldRefuseASecondServiceOnTheSameOutboxUntilTheFirstCloses() throws IOException {
        harness = new ServiceHarness(directory, s -> s);
        MailServiceSettings sameDirectory = MailServiceSettings
                .builder("copy", ServiceHarness.MAILER, directory).build();

        assertThatThrownBy(() -> new MailService(sameDirectory, new ScriptedMailer(), (topic, properties) -> { }))
                .isInstanceOf(IOException.class).hasMessageContaining("used by another mail service");

        harness.close();
        new MailService(sameDirectory, new ScriptedMailer(), (topic, properties) -> { }).close();
    }

    @Test
    void shouldReportModemHealthQueueDepthAndStoppedAfterClose() {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.health(new ModemHealth(ModemState.UNAVAILABLE, Registration.SEARCHING, OptionalInt.empty()));
        harness.send(mail("one"));
        harness.send(mail("two"));

        assertThat(harness.service.serviceStatus()).isEqualTo(new ServiceStatus(harness.name,
                ModemState.UNAVAILABLE, Registration.SEARCHING, OptionalInt.empty(), 2, java.util.Optional.empty()));

        harness.close();
        assertThat(harness.service.serviceStatus().modem()).isEqualTo(ModemState.STOPPED);
        assertThat(harness.mailer.isClosed()).isTrue();
    }

    @Test
    void shouldLeaveNoThreadAfterClose() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.start();
        harness.receipt(harness.send(mail("one")));
        assertThat(threadsOf(harness.name)).isNotEmpty();

        harness.close();

        await().atMost(ServiceHarness.WAIT).until(() -> threadsOf(harness.name).isEmpty());
    }

    @Test
    void shouldCutASendShortOnCloseKeepTheMailAndFailItsStage() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.hold();
        harness.start();
        String id = harness.send(mail("interrupted"));
        harness.awaitAttempts(1);

        harness.close();

        assertThat(harness.failure(id).code()).isEqualTo(MailErrorCode.SERVICE_STOPPED);
        assertThat(harness.fileOf(id)).isRegularFile();
        assertThat(OutboxContents.records(directory)).singleElement()
                .satisfies(r -> assertThat(r.state().attempts()).isEqualTo(1));
        await().atMost(ServiceHarness.WAIT).until(() -> threadsOf(harness.name).isEmpty());
        assertThatThrownBy(() -> harness.service.send(mail("late")))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED));
    }

    private static List<Thread> threadsOf(String serviceName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("cellmail-")
                        && t.getName().endsWith("-" + serviceName))
                .toList();
    }

    private static MailMessage withAttachment(String subject, int size) {
        return MailMessage.builder().to("ops@example.com").subject(subject).attach("log.bin", new byte[size]).build();
    }

    private static void flipByteAt(Path file, long position) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) position] ^= 0x5a;
        Files.write(file, bytes);
    }
}
