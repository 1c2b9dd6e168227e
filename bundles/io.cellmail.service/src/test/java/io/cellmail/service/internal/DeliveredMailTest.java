package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliveredMailTest {

    @TempDir
    Path directory;

    private final ManualTimeSource time = new ManualTimeSource(ServiceHarness.T0);

    @Test
    void shouldRememberAcrossARestartWhatWasRecorded() throws IOException {
        DeliveredMail before = open();
        before.record(entry("a", 7));

        DeliveredMail after = open();

        assertThat(after.find("a")).hasValueSatisfying(entry -> {
            assertThat(entry.sequence()).isEqualTo(7);
            assertThat(entry.receipt().attempts()).isEqualTo(2);
            assertThat(entry.receipt().sentAt()).isEqualTo(ServiceHarness.T0.plusSeconds(3));
        });
        assertThat(after.holds("a", 7)).isTrue();
        assertThat(after.holds("a", 8)).as("a later mail of that id").isFalse();
    }

    @Test
    void shouldForgetTheOldestBeyondTheCapacity() throws IOException {
        DeliveredMail delivered = open();
        for (int i = 0; i <= DeliveredMail.CAPACITY; i++) {
            delivered.record(entry("m" + i, i));
        }

        DeliveredMail after = open();

        assertThat(after.find("m0")).isEmpty();
        assertThat(after.find("m1")).isPresent();
        assertThat(after.find("m" + DeliveredMail.CAPACITY)).isPresent();
        assertThat(Files.size(directory.resolve(DeliveredMail.NAME))).isLessThan(128 * 1024);
    }

    @Test
    void shouldForgetADeliveryOnceItIsOlderThanTheRetentionInServiceTime() throws IOException {
        DeliveredMail delivered = open();
        delivered.record(entry("a", 1));
        time.advance(DeliveredMail.RETENTION.minusSeconds(1));
        assertThat(delivered.find("a")).isPresent();

        time.advance(Duration.ofSeconds(2));

        assertThat(delivered.find("a")).isEmpty();
    }

    @Test
    void shouldStartEmptyFromADamagedFile() throws IOException {
        open().record(entry("a", 1));
        Path file = directory.resolve(DeliveredMail.NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);

        assertThat(open().find("a")).isEmpty();
    }

    private DeliveredMail open() throws IOException {
        time.newProcess();
        ServiceClock clock = new ServiceClock(time, ServiceTime.ZERO);
        return new DeliveredMail(new Outbox(directory), clock);
    }

    private DeliveredMail.Entry entry(String id, long sequence) {
        return new DeliveredMail.Entry(id, sequence, 2, ServiceHarness.T0, ServiceHarness.T0.plusSeconds(3),
                new ServiceClock(time, ServiceTime.ZERO).now());
    }
}
