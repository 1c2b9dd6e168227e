package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    @TempDir
    Path directory;

    @Test
    void shouldForceTheFileAndTheDirectoryBeforeAddReturns() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);

        outbox.add(stored.id(), outbox.encode(stored));

        assertThat(outbox.syncCount()).as("file, then directory after the rename").isEqualTo(2);
        assertThat(directory.resolve(stored.id() + Outbox.SUFFIX)).isRegularFile();
        assertThat(filesEndingWith(Outbox.TEMP_SUFFIX)).isEmpty();
    }

    @Test
    void shouldReadBackMailsOldestFirstWithTheirLastState() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage older = stored(1);
        StoredMessage newer = stored(2);
        add(outbox, newer);
        add(outbox, older);
        DeliveryState retrying = new DeliveryState(1, T0.plusSeconds(40), Optional.of(MailErrorCode.DNS_FAILURE),
                false);
        outbox.update(older, new DeliveryState(1, T0, Optional.empty(), true));
        outbox.update(older, retrying);

        List<OutboxRecord> loaded = new Outbox(directory).load();

        assertThat(loaded).extracting(OutboxRecord::stored).containsExactly(older, newer);
        assertThat(loaded.get(0).state()).isEqualTo(retrying);
        assertThat(loaded.get(1).state()).isEqualTo(DeliveryState.initial(newer.acceptedAt()));
        assertThat(loaded.get(0).size()).isEqualTo(outbox.encode(older).length);
    }

    @Test
    void shouldForgetARemovedMail() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        add(outbox, stored);

        outbox.remove(stored.id());

        assertThat(new Outbox(directory).load()).isEmpty();
    }

    @Test
    void shouldNotBringARemovedMailBackWhenItsStateIsUpdated() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        add(outbox, stored);
        outbox.remove(stored.id());

        assertThatThrownBy(() -> outbox.update(stored, DeliveryState.initial(T0))).isInstanceOf(IOException.class);
        assertThat(new Outbox(directory).load()).isEmpty();
    }

    @Test
    void shouldDeleteTemporaryFilesOfSendsThatNeverReturned() throws IOException {
        Files.write(directory.resolve("abc" + Outbox.SUFFIX + Outbox.TEMP_SUFFIX), new byte[] {1, 2, 3});
        Outbox outbox = new Outbox(directory);

        assertThat(outbox.load()).isEmpty();
        assertThat(outbox.setAside()).isEmpty();
        assertThat(filesEndingWith(Outbox.TEMP_SUFFIX)).isEmpty();
    }

    @ParameterizedTest(name = "cut to {0} bytes")
    @ValueSource(ints = {0, 3, 9, 40})
    void shouldSetAsideATornMailAndLoadTheOthers(int length) throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage torn = stored(1);
        StoredMessage intact = stored(2);
        add(outbox, torn);
        add(outbox, intact);
        truncate(fileOf(torn), length);

        Outbox reopened = new Outbox(directory);
        List<OutboxRecord> loaded = reopened.load();

        assertThat(loaded).extracting(OutboxRecord::stored).containsExactly(intact);
        assertThat(reopened.setAside()).containsExactly(
                directory.resolve(Outbox.CORRUPT_DIRECTORY).resolve(torn.id() + Outbox.SUFFIX));
        assertThat(fileOf(torn)).doesNotExist();
    }

    @Test
    void shouldSetAsideAMailWithAFlippedByteAndKeepEarlierSetAsideFiles() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        for (int round = 0; round < 2; round++) {
            add(outbox, stored);
            byte[] bytes = Files.readAllBytes(fileOf(stored));
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(fileOf(stored), bytes);

            assertThat(new Outbox(directory).load()).isEmpty();
        }

        try (Stream<Path> files = Files.list(directory.resolve(Outbox.CORRUPT_DIRECTORY))) {
            assertThat(files).hasSize(2);
        }
    }

    @Test
    void shouldSetAsideAFileThatHoldsAnotherMail() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        add(outbox, stored);
        Files.copy(fileOf(stored), directory.resolve("other" + Outbox.SUFFIX));

        Outbox reopened = new Outbox(directory);

        assertThat(reopened.load()).extracting(OutboxRecord::stored).containsExactly(stored);
        assertThat(reopened.setAside()).hasSize(1);
    }

    @Test
    void shouldCutATornStateOffAndKeepThePreviousState() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        add(outbox, stored);
        DeliveryState kept = new DeliveryState(1, T0.plusSeconds(30), Optional.of(MailErrorCode.TIMEOUT), false);
        outbox.update(stored, kept);
        long intactLength = Files.size(fileOf(stored));
        outbox.update(stored, new DeliveryState(2, T0.plusSeconds(30), Optional.of(MailErrorCode.TIMEOUT), true));
        truncate(fileOf(stored), Files.size(fileOf(stored)) - 3);

        Outbox reopened = new Outbox(directory);

        assertThat(reopened.load()).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo(kept));
        assertThat(reopened.setAside()).isEmpty();
        assertThat(Files.size(fileOf(stored))).as("cut back so appends line up").isEqualTo(intactLength);
    }

    @Test
    void shouldRewriteAFileWhoseStatesPileUp() throws IOException {
        Outbox outbox = new Outbox(directory);
        StoredMessage stored = stored(1);
        add(outbox, stored);
        long messageOnly = Files.size(fileOf(stored));
        DeliveryState last = null;
        for (int attempt = 1; attempt <= 100; attempt++) {
            last = new DeliveryState(attempt, T0.plusSeconds(attempt), Optional.of(MailErrorCode.TIMEOUT), false);
            outbox.update(stored, last);
        }

        DeliveryState expected = last;
        assertThat(new Outbox(directory).load()).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo(expected));
        assertThat(Files.size(fileOf(stored)) - messageOnly).as("state bytes kept")
                .isLessThanOrEqualTo(30L * Outbox.COMPACT_AFTER);
        assertThat(filesEndingWith(Outbox.TEMP_SUFFIX)).isEmpty();
    }

    @Test
    void shouldLoadTenThousandMailsInWellUnderTwoSeconds() throws IOException {
        RecordCodec codec = new RecordCodec();
        for (int i = 0; i < 10_000; i++) {
            StoredMessage stored = stored(i);
            // Plain writes: the test measures loading, not 10 000 fsyncs.
            Files.write(fileOf(stored), codec.encodeFile(stored));
        }

        // CPU time of this thread, not wall time: the build machine is shared, the files sit in the page cache.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        List<OutboxRecord> loaded = new Outbox(directory).load();
        Duration took = Duration.ofNanos(threads.getCurrentThreadCpuTime() - started);

        assertThat(loaded).hasSize(10_000);
        assertThat(loaded.get(9_999).stored().sequence()).isEqualTo(9_999);
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    private static StoredMessage stored(long sequence) {
        MailMessage message = MailMessage.builder()
                .id(UUID.nameUUIDFromBytes(Long.toString(sequence).getBytes()).toString())
                .to("ops@example.com").subject("Alarm " + sequence)
                .body("Sensor " + sequence + " reports 7.9 bar").build();
        return new StoredMessage(sequence, T0.plusMillis(sequence), message);
    }

    private static void add(Outbox outbox, StoredMessage stored) throws IOException {
        outbox.add(stored.id(), outbox.encode(stored));
    }

    private Path fileOf(StoredMessage stored) {
        return directory.resolve(stored.id() + Outbox.SUFFIX);
    }

    private List<Path> filesEndingWith(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
        }
    }

    private static void truncate(Path file, long length) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(length);
        }
    }
}
