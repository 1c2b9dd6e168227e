/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static io.cellmail.service.internal.FaultyFileSystem.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailMessage;

class OutboxTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final ServiceTime S0 = new ServiceTime(Duration.ofHours(5).toNanos());

    @TempDir
    Path directory;

    @Test
    void shouldForceTheFileAndTheDirectoryBeforeAddReturns() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);

        String name = add(outbox, stored);

        assertThat(outbox.syncCount()).as("file, then directory after the rename").isEqualTo(2);
        assertThat(name).isEqualTo("0000000001.mail");
        assertThat(directory.resolve(name)).isRegularFile();
        assertThat(filesEndingWith(Outbox.TEMP_SUFFIX)).isEmpty();
    }

    @Test
    void shouldNameFilesBySequenceSoIdsThatDifferOnlyInCaseNeverShareOne() throws Exception {
        Outbox outbox = new Outbox(directory);
        StoredMessage upper = stored(1, "Pump-3-Alarm");
        StoredMessage lower = stored(2, "pump-3-alarm");

        String upperFile = add(outbox, upper);
        String lowerFile = add(outbox, lower);

        assertThat(upperFile.toLowerCase(Locale.ROOT)).isNotEqualTo(lowerFile.toLowerCase(Locale.ROOT));
        assertThat(outbox.readMessage(upperFile)).isEqualTo(upper);
        assertThat(outbox.readMessage(lowerFile)).isEqualTo(lower);
    }

    @Test
    void shouldReadTheHeaderAndLastStateWithoutTheContentAndTheContentOnItsOwn() throws Exception {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        String name = add(outbox, stored);
        DeliveryState retrying = new DeliveryState(1, S0.plus(Duration.ofSeconds(40)),
                Optional.of(MailErrorCode.DNS_FAILURE), 1, false, false);
        outbox.update(name, new DeliveryState(1, S0, Optional.empty(), 0, true, false), S0);
        outbox.update(name, retrying, S0.plus(Duration.ofSeconds(2)));

        Outbox reopened = new Outbox(directory);
        OutboxRecord record = reopened.readHeader(name);

        assertThat(record.header()).isEqualTo(stored.header());
        assertThat(record.state()).isEqualTo(retrying);
        assertThat(record.size()).isEqualTo(outbox.encode(stored).length);
        assertThat(record.lastRecorded()).isEqualTo(S0.plus(Duration.ofSeconds(2)));
        assertThat(reopened.readMessage(name)).isEqualTo(stored);
    }

    @Test
    void shouldForgetARemovedMail() throws IOException {
        Outbox outbox = new Outbox(directory);
        String name = add(outbox, stored(1));

        outbox.remove(name);

        assertThat(OutboxContents.mailFiles(directory)).isEmpty();
    }

    @Test
    void shouldNotBringARemovedMailBackWhenItsStateIsUpdated() throws IOException {
        Outbox outbox = new Outbox(directory);
        String name = add(outbox, stored(1));
        Files.delete(directory.resolve(name));

        assertThatThrownBy(() -> outbox.update(name, DeliveryState.initial(S0), S0)).isInstanceOf(IOException.class);
        assertThat(OutboxContents.mailFiles(directory)).isEmpty();
    }

    @Test
    void shouldDeleteTemporaryFilesOfSendsThatNeverReturned() throws IOException {
        Files.write(directory.resolve("0000000003" + Outbox.SUFFIX + Outbox.TEMP_SUFFIX), new byte[] {1, 2, 3});
        Files.write(directory.resolve("abc" + Outbox.LEGACY_SUFFIX + Outbox.TEMP_SUFFIX), new byte[] {1, 2, 3});

        new Outbox(directory).deleteTemporaryFiles();

        assertThat(filesEndingWith(Outbox.TEMP_SUFFIX)).isEmpty();
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 3, 9, 40, 90})
    void shouldFindATornMailUnreadable(int length) throws IOException {
        Outbox outbox = new Outbox(directory);
        String name = add(outbox, stored(1));
        truncate(directory.resolve(name), length);

        assertThatThrownBy(() -> new Outbox(directory).readHeader(name)).isInstanceOf(CorruptRecordException.class);
    }

    @Test
    void shouldReadTheHeaderOfAMailWhoseContentIsDamagedAndNameItWhenTheContentIsRead() throws Exception {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        String name = add(outbox, stored);
        byte[] bytes = Files.readAllBytes(directory.resolve(name));
        bytes[bytes.length - 12] ^= 0x01;
        Files.write(directory.resolve(name), bytes);

        Outbox reopened = new Outbox(directory);
        assertThat(reopened.readHeader(name).header()).isEqualTo(stored.header());
        assertThatThrownBy(() -> reopened.readMessage(name)).isInstanceOfSatisfying(CorruptRecordException.class,
                e -> assertThat(e.messageId()).contains(stored.id()));
    }

    @Test
    void shouldMoveASetAsideFileToCorruptAndKeepEarlierOnes() throws IOException {
        Outbox outbox = new Outbox(directory);
        for (int round = 0; round < 2; round++) {
            String name = add(outbox, stored(1));
            outbox.setAside(name, "test");
        }

        try (Stream<Path> files = Files.list(directory.resolve(Outbox.CORRUPT_DIRECTORY))) {
            assertThat(files).hasSize(2);
        }
        assertThat(outbox.setAside()).hasSize(2);
    }

    @Test
    void shouldCutATornStateOffAndKeepThePreviousState() throws Exception {
        Outbox outbox = new Outbox(directory);
        String name = add(outbox, stored(1));
        DeliveryState kept = new DeliveryState(1, S0, Optional.of(MailErrorCode.TIMEOUT), 1, false, false);
        outbox.update(name, kept, S0);
        long intactLength = Files.size(directory.resolve(name));
        outbox.update(name, new DeliveryState(2, S0, Optional.of(MailErrorCode.TIMEOUT), 1, true, false), S0);
        truncate(directory.resolve(name), Files.size(directory.resolve(name)) - 3);

        assertThat(new Outbox(directory).readHeader(name).state()).isEqualTo(kept);
        assertThat(Files.size(directory.resolve(name))).as("cut back so appends line up").isEqualTo(intactLength);
    }

    @Test
    void shouldCutAFailedAppendOffSoTheNextOneLinesUp() throws Exception {
        FaultyFileSystem disk = new FaultyFileSystem();
        Outbox outbox = new Outbox(directory, disk);
        String name = add(outbox, stored(1));
        DeliveryState first = new DeliveryState(1, S0, Optional.empty(), 0, true, false);
        outbox.update(name, first, S0);
        long before = Files.size(directory.resolve(name));
        disk.tearWrites(named(Outbox.SUFFIX), 1, "No space left on device");

        assertThatThrownBy(() -> outbox.update(name, new DeliveryState(1, S0, Optional.of(MailErrorCode.TIMEOUT), 1,
                false, false), S0)).isInstanceOf(IOException.class).hasMessageContaining("No space left");

        assertThat(Files.size(directory.resolve(name))).as("the torn half is cut off").isEqualTo(before);
        DeliveryState third = new DeliveryState(2, S0, Optional.of(MailErrorCode.TIMEOUT), 1, true, false);
        outbox.update(name, third, S0);
        assertThat(new Outbox(directory).readHeader(name).state()).isEqualTo(third);
    }

    @Test
    void shouldCutTheRestOfAFailedAppendOffBeforeTheNextWhenItCouldNotBeCutAtOnce() throws Exception {
        FaultyFileSystem disk = new FaultyFileSystem();
        Outbox outbox = new Outbox(directory, disk);
        String name = add(outbox, stored(1));
        long before = Files.size(directory.resolve(name));
        disk.tearWrites(named(Outbox.SUFFIX), 1, "No space left on device")
                .fail(FaultyFileSystem.Operation.TRUNCATE, named(Outbox.SUFFIX), 1, "Input/output error");

        assertThatThrownBy(() -> outbox.update(name, DeliveryState.initial(S0), S0)).isInstanceOf(IOException.class);
        assertThat(Files.size(directory.resolve(name))).as("half a frame is left").isGreaterThan(before);

        DeliveryState next = new DeliveryState(1, S0, Optional.empty(), 0, true, false);
        outbox.update(name, next, S0);
        OutboxRecord record = new Outbox(directory).readHeader(name);
        assertThat(record.state()).isEqualTo(next);
        assertThat(Files.size(directory.resolve(name))).isEqualTo(before + new RecordCodec().encodeState(next, S0)
                .length);
    }

    @Test
    void shouldRewriteAFileWhoseStatesPileUp() throws Exception {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        String name = add(outbox, stored);
        long messageOnly = Files.size(directory.resolve(name));
        DeliveryState last = null;
        for (int attempt = 1; attempt <= 100; attempt++) {
            last = new DeliveryState(attempt, S0, Optional.of(MailErrorCode.TIMEOUT), attempt, false, false);
            outbox.update(name, last, S0);
        }

        Outbox reopened = new Outbox(directory);
        assertThat(reopened.readHeader(name).state()).isEqualTo(last);
        assertThat(reopened.readMessage(name)).isEqualTo(stored);
        assertThat(Files.size(directory.resolve(name)) - messageOnly).as("state bytes kept")
                .isLessThanOrEqualTo(38L * Outbox.COMPACT_AFTER);
        assertThat(filesEndingWith(Outbox.TEMP_SUFFIX)).isEmpty();
    }

    @Test
    void shouldAppendWhenTheRewriteFailsForWantOfRoom() throws Exception {
        FaultyFileSystem disk = new FaultyFileSystem();
        Outbox outbox = new Outbox(directory, disk);
        String name = add(outbox, stored(1));
        for (int attempt = 1; attempt <= Outbox.COMPACT_AFTER; attempt++) {
            outbox.update(name, new DeliveryState(attempt, S0, Optional.empty(), 0, false, false), S0);
        }
        disk.fail(FaultyFileSystem.Operation.WRITE, named(Outbox.TEMP_SUFFIX), -1, "No space left on device");

        DeliveryState next = new DeliveryState(99, S0, Optional.empty(), 0, true, false);
        outbox.update(name, next, S0);

        assertThat(new Outbox(directory).readHeader(name).state()).isEqualTo(next);
        assertThat(filesEndingWith(Outbox.TEMP_SUFFIX)).isEmpty();
    }

    @Test
    void shouldReadAndCheckTenThousandHeadersInWellUnderTwoSeconds() throws Exception {
        RecordCodec codec = new RecordCodec();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            StoredMessage stored = stored(i);
            // Plain writes: the test measures reading, not 10 000 fsyncs.
            names.add(Outbox.fileName(i));
            Files.write(directory.resolve(Outbox.fileName(i)), codec.encodeFile(stored));
        }

        // CPU time of this thread, not wall time: the build machine is shared, the files sit in the page cache.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        Outbox outbox = new Outbox(directory);
        long sequences = 0;
        for (String name : names) {
            sequences += outbox.readHeader(name).header().sequence();
        }
        Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - started);

        assertThat(sequences).isEqualTo(9_999L * 10_000 / 2);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    static StoredMessage stored(long sequence) {
        return stored(sequence,
                UUID.nameUUIDFromBytes(Long.toString(sequence).getBytes(StandardCharsets.US_ASCII)).toString());
    }

    static StoredMessage stored(long sequence, String id) {
        MailMessage message = MailMessage.builder().id(id).to("ops@example.com").subject("Alarm " + sequence)
                .body("Sensor " + sequence + " reports 7.9 bar").build();
        return new StoredMessage(new MailHeader(id, sequence, message.priority(), T0.plusMillis(sequence),
                S0.plus(Duration.ofMillis(sequence))), message);
    }

    private static String add(Outbox outbox, StoredMessage stored) throws IOException {
        return outbox.add(stored, outbox.encode(stored));
    }

    private List<Path> filesEndingWith(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }
}
