/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.FaultyFileSystem.named;
import static io.cellmail.service.internal.ServiceHarness.mail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MessageState;

/**
 * What a disk that fails for a moment does to accepted mail: a state append that fails half-way, a read error or
 * too many open files at start-up or when the mail is sent, a delete that fails after the outcome. No accepted mail
 * is lost or condemned for any of them, and none that reached its outcome is sent again.
 */
class MailServiceDiskFaultTest {

    @TempDir
    Path directory;

    private final FaultyFileSystem disk = new FaultyFileSystem();
    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void shouldDeliverAMailWhoseStateAppendsFailedHalfWayAfterARestart() throws Exception {
        harness = new ServiceHarness(directory, disk, s -> s);
        harness.mailer.failFirst("alarm", MailErrorCode.NETWORK_ERROR);
        String id = harness.send(mail("alarm"));
        // The disk fills up: the append of "attempt 1 started" tears half-way and cannot even be cut back.
        disk.tearWrites(named(Outbox.SUFFIX), 1, "No space left on device")
                .fail(FaultyFileSystem.Operation.TRUNCATE, named(Outbox.SUFFIX), 1, "No space left on device");
        harness.start();
        harness.awaitStatus(id, s -> s.state() == MessageState.RETRY_WAIT);
        assertThat(disk.hits()).isEqualTo(2);

        harness.restart(s -> s);

        assertThat(harness.service.setAsideRecords()).isEmpty();
        assertThat(harness.status(id)).satisfies(s -> {
            assertThat(s.attempts()).as("the append after the torn one is the last state").isEqualTo(1);
            assertThat(s.lastError()).contains(MailErrorCode.NETWORK_ERROR);
        });
        harness.time.advanceTo(harness.status(id).nextAttemptAt().orElseThrow());
        harness.start();
        harness.awaitAttempts(1);
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("SENT"));
        assertThat(harness.events.kindsOf(id)).doesNotContain("FAILED");
    }

    @Test
    void shouldKeepTheMailWhenAStateFrameInTheMiddleOfItsFileIsDamaged() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.mailer.failFirst("alarm", MailErrorCode.TIMEOUT, MailErrorCode.TIMEOUT);
        harness.start();
        String id = harness.send(mail("alarm"));
        harness.time.advanceTo(harness.awaitStatus(id, s -> s.attempts() == 1
                && s.state() == MessageState.RETRY_WAIT).nextAttemptAt().orElseThrow());
        harness.awaitStatus(id, s -> s.attempts() == 2 && s.state() == MessageState.RETRY_WAIT);
        Path file = harness.fileOf(id);
        harness.close();
        // The first state frame ("attempt 1 started") right after the message frame: flip a byte in it.
        long firstStateFrame = Files.size(file) - 4L * (RecordCodec.FRAME_OVERHEAD
                + RecordCodec.STATE_PAYLOAD_LENGTH);
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) firstStateFrame + 10] ^= 0x40;
        Files.write(file, bytes);

        harness.restart(s -> s);

        assertThat(harness.service.setAsideRecords()).isEmpty();
        assertThat(harness.status(id).attempts()).as("the last intact state holds").isEqualTo(2);
        harness.time.advanceTo(harness.status(id).nextAttemptAt().orElseThrow());
        harness.start();
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("SENT"));
        assertThat(harness.events.of(id)).last().satisfies(e -> assertThat(e.properties())
                .containsEntry(MailEvents.ATTEMPT, 3));
    }

    @Test
    void shouldLeaveAFileItCannotReadAtStartUpInPlaceAndSendItOnceItCan() throws Exception {
        harness = new ServiceHarness(directory, disk, s -> s);
        String id = harness.send(mail("unlucky"));
        String other = harness.send(mail("lucky"));
        Path file = harness.fileOf(id);
        harness.close();
        disk.fail(FaultyFileSystem.Operation.READ, f -> f.equals(file), -1, "Input/output error");

        harness.restart(s -> s);
        harness.start();
        harness.awaitAttempts(1);
        harness.awaitIdle();

        assertThat(harness.mailer.subjects()).containsExactly("lucky");
        assertThat(file).as("never moved to corrupt/").isRegularFile();
        assertThat(harness.service.setAsideRecords()).isEmpty();
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED");
        assertThat(harness.events.kindsOf(other)).endsWith("SENT");

        disk.heal();
        harness.time.advance(OutboxRecovery.FIRST_PAUSE);

        harness.awaitAttempts(2);
        assertThat(harness.mailer.subjects()).containsExactly("lucky", "unlucky");
    }

    @Test
    void shouldRetryAMailWhoseFileCannotBeReadWhenItIsSentWithoutCountingAnAttempt() throws Exception {
        harness = new ServiceHarness(directory, disk, s -> s);
        String id = harness.send(mail("alarm"));
        disk.fail(FaultyFileSystem.Operation.OPEN, named(Outbox.SUFFIX), 3, "Too many open files");
        harness.start();
        harness.awaitIdle();

        assertThat(harness.mailer.calls()).isEmpty();
        assertThat(harness.status(id)).satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageState.QUEUED);
            assertThat(s.attempts()).isZero();
        });
        for (int i = 0; i < 3 && harness.mailer.calls().isEmpty(); i++) {
            harness.time.advance(Dispatcher.UNREADABLE_RETRY);
            harness.awaitIdle();
        }

        harness.awaitAttempts(1);
        await().atMost(ServiceHarness.WAIT).until(() -> harness.events.kindsOf(id).contains("SENT"));
        assertThat(harness.events.of(id)).last().satisfies(e -> assertThat(e.properties())
                .containsEntry(MailEvents.ATTEMPT, 1));
        assertThat(harness.outboxFiles()).isEmpty();
    }

    @Test
    void shouldNotSendAMailAgainWhoseFileCouldNotBeDeletedAfterItWasSent() throws Exception {
        harness = new ServiceHarness(directory, disk, s -> s);
        String id = harness.send(mail("once"));
        disk.fail(FaultyFileSystem.Operation.DELETE, named(Outbox.SUFFIX), -1, "Read-only file system");
        harness.start();
        assertThat(harness.receipt(id).attempts()).isEqualTo(1);
        assertThat(harness.outboxFiles()).as("the delete failed").hasSize(1);
        disk.heal();

        harness.restart(s -> s);
        harness.start();
        harness.awaitIdle();

        assertThat(harness.mailer.calls()).as("marked final, so not sent again").isEmpty();
        assertThat(harness.outboxFiles()).as("deleted at the start").isEmpty();
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "SENT");
    }

    @Test
    void shouldSendAMailAgainRatherThanLoseItWhenItsFileCanNeitherBeDeletedNorMarked() throws Exception {
        harness = new ServiceHarness(directory, disk, s -> s);
        String id = harness.send(mail("twice"));
        // A file system gone read-only: the mail can still be read and sent, nothing can be written or deleted
        // (neither its file nor the record of its delivery).
        disk.fail(FaultyFileSystem.Operation.DELETE, named(Outbox.SUFFIX), -1, "Read-only file system")
                .fail(FaultyFileSystem.Operation.WRITE, file -> true, -1, "Read-only file system");
        harness.start();
        assertThat(harness.receipt(id).attempts()).isEqualTo(1);
        disk.heal();

        harness.restart(s -> s);
        harness.start();

        harness.awaitAttempts(1);
        assertThat(harness.mailer.subjects()).as("a duplicate, never a loss").containsExactly("twice");
        await().atMost(ServiceHarness.WAIT).until(() -> harness.outboxFiles().isEmpty());
        assertThat(harness.events.kindsOf(id)).containsExactly("QUEUED", "SENT", "SENT");
    }

    @Test
    void shouldAcceptNoMailUntilTheOutboxCouldBeListedAndThenSendWhatItHolds() throws Exception {
        harness = new ServiceHarness(directory, s -> s);
        harness.send(mail("first"));
        harness.send(mail("second"));
        harness.close();
        // Twice: the SMS files are listed first, then the mail.
        disk.fail(FaultyFileSystem.Operation.LIST, f -> true, 2, "Too many open files");

        harness = new ServiceHarness(directory, disk, s -> s);
        assertThatThrownBy(() -> harness.service.send(mail("new")))
                .as("the next file name is not known yet")
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.QUEUE_FULL));
        harness.start();
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).isEmpty();

        harness.time.advance(OutboxRecovery.FIRST_PAUSE);

        harness.awaitAttempts(2);
        assertThat(harness.mailer.subjects()).containsExactly("first", "second");
        harness.send(mail("new"));
        harness.awaitAttempts(3);
    }
}
