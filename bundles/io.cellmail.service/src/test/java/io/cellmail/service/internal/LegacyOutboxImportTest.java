/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.ServiceHarness.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;

/**
 * An outbox written by the first format ({@code <id>.msg}, times on the wall clock) is taken over when cellmail is
 * upgraded: every mail is rewritten in the current format with its state, and sent; nothing is sent twice, even when
 * a rewrite was cut short.
 */
class LegacyOutboxImportTest {

    @TempDir
    Path directory;

    private ServiceHarness harness;

    @AfterEach
    void closeService() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void shouldRewriteFilesOfTheFirstFormatKeepTheirStateAndSendThem() throws Exception {
        MailMessage waiting = message("waiting-Alarm", "in backoff");
        MailMessage fresh = message("fresh-alarm", "never tried");
        write(new LegacyOutboxFile(3, T0.minus(Duration.ofHours(2)), waiting)
                .state(1, T0.minusSeconds(20), Optional.empty(), true)
                .state(1, T0.plusSeconds(30), Optional.of(MailErrorCode.TIMEOUT), false), waiting);
        write(new LegacyOutboxFile(5, T0.minusSeconds(5), fresh), fresh);

        harness = new ServiceHarness(directory, s -> s);

        assertThat(legacyFiles()).isEmpty();
        assertThat(harness.outboxFiles()).extracting(f -> f.getFileName().toString())
                .containsExactly(Outbox.fileName(3), Outbox.fileName(5));
        assertThat(harness.status(waiting.id())).satisfies(s -> {
            assertThat(s.state()).isEqualTo(MessageState.RETRY_WAIT);
            assertThat(s.attempts()).isEqualTo(1);
            assertThat(s.acceptedAt()).isEqualTo(T0.minus(Duration.ofHours(2)));
            assertThat(s.nextAttemptAt()).contains(T0.plusSeconds(30));
        });
        harness.start();
        harness.awaitAttempts(1);
        assertThat(harness.mailer.messages()).containsExactly(fresh);
        harness.time.advance(Duration.ofSeconds(30));
        harness.awaitAttempts(2);
        assertThat(harness.mailer.messages()).containsExactly(fresh, waiting);
    }

    @Test
    void shouldNotParkAMailWhoseFirstFormatRetryTimeWasWrittenUnderAWrongClock() throws Exception {
        MailMessage parked = message("parked", "retry a year ahead");
        write(new LegacyOutboxFile(1, T0.minusSeconds(60), parked)
                .state(1, T0.plus(Duration.ofDays(400)), Optional.of(MailErrorCode.TIMEOUT), false), parked);

        harness = new ServiceHarness(directory, s -> s);
        harness.start();

        assertThat(harness.status(parked.id()).nextAttemptAt()).as("no later than the longest retry delay")
                .contains(T0.plusSeconds(80));
        harness.time.advance(Duration.ofSeconds(80));
        harness.awaitAttempts(1);
    }

    @Test
    void shouldSendAMailOnceWhoseRewriteWasCutShortBeforeItsOldFileWasDeleted() throws Exception {
        MailMessage alarm = message("half-done", "rewritten, old file still there");
        write(new LegacyOutboxFile(9, T0, alarm), alarm);
        try (ServiceHarness first = new ServiceHarness(directory, s -> s)) {
            assertThat(legacyFiles()).isEmpty();
        }
        write(new LegacyOutboxFile(9, T0, alarm), alarm);

        harness = new ServiceHarness(directory, s -> s);
        harness.start();

        harness.awaitAttempts(1);
        harness.awaitIdle();
        assertThat(harness.mailer.calls()).hasSize(1);
        assertThat(legacyFiles()).isEmpty();
    }

    @Test
    void shouldTakeAFirstFormatFileWhoseNameDiffersInCaseFromItsIdAsTheSurvivorOfACaseCollision() throws Exception {
        MailMessage survivor = message("pump-alarm", "written last");
        Files.write(directory.resolve("Pump-Alarm" + Outbox.LEGACY_SUFFIX),
                new LegacyOutboxFile(2, T0, survivor).bytes());

        harness = new ServiceHarness(directory, s -> s);
        harness.start();

        harness.awaitAttempts(1);
        assertThat(harness.mailer.messages()).containsExactly(survivor);
    }

    @Test
    void shouldSetADamagedFirstFormatFileAsideAndReportItsMailFailed() throws Exception {
        MailMessage damaged = message("damaged", "bit rot");
        byte[] bytes = new LegacyOutboxFile(4, T0, damaged).bytes();
        bytes[bytes.length / 2] ^= 0x08;
        Files.write(directory.resolve(LegacyOutboxFile.nameOf(damaged)), bytes);

        harness = new ServiceHarness(directory, s -> s);

        assertThat(harness.events.kindsOf("damaged")).containsExactly("FAILED");
        assertThat(harness.events.of("damaged").get(0).properties())
                .containsEntry(MailEvents.ERROR_CODE, MailErrorCode.OUTBOX_DAMAGED.code());
        assertThat(harness.service.setAsideRecords()).singleElement()
                .satisfies(p -> assertThat(p.getParent().getFileName().toString()).isEqualTo(Outbox.CORRUPT_DIRECTORY));
        await().atMost(ServiceHarness.WAIT).until(() -> legacyFiles().isEmpty());
    }

    private void write(LegacyOutboxFile file, MailMessage message) throws IOException {
        Files.write(directory.resolve(LegacyOutboxFile.nameOf(message)), file.bytes());
    }

    private List<Path> legacyFiles() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(Outbox.LEGACY_SUFFIX)).toList();
        }
    }

    private static MailMessage message(String id, String subject) {
        return MailMessage.builder().id(id).to("ops@example.com").subject(subject).body("body of " + id).build();
    }
}
