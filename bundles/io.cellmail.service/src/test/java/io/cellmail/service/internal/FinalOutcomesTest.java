/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MessageState;

class FinalOutcomesTest {

    @TempDir
    Path directory;

    private final ManualTimeSource time = new ManualTimeSource(ServiceHarness.T0);

    @Test
    void shouldRememberAcrossARestartWhatWasRecorded() throws IOException {
        FinalOutcomes before = open();
        before.record(entry("a", 7));

        FinalOutcomes after = open();

        assertThat(after.find("a")).hasValueSatisfying(entry -> {
            assertThat(entry.sequence()).isEqualTo(7);
            assertThat(entry.receipt().attempts()).isEqualTo(2);
            assertThat(entry.receipt().sentAt()).isEqualTo(ServiceHarness.T0.plusSeconds(3));
        });
        assertThat(after.holds("a", 7)).isTrue();
        assertThat(after.holds("a", 8)).as("a later mail of that id").isFalse();
    }

    @Test
    void shouldKeepEveryFinalStateWithItsErrorAcrossARestart() throws IOException {
        FinalOutcomes before = open();
        before.record(outcome("f", 1, MessageState.FAILED, Optional.of(MailErrorCode.INVALID_MESSAGE)));
        before.record(outcome("e", 2, MessageState.EXPIRED, Optional.of(MailErrorCode.EXPIRED)));
        before.record(outcome("c", 3, MessageState.CANCELLED, Optional.of(MailErrorCode.CANCELLED)));

        FinalOutcomes after = open();

        assertThat(after.find("f").orElseThrow().status()).satisfies(status -> {
            assertThat(status.state()).isEqualTo(MessageState.FAILED);
            assertThat(status.lastError()).contains(MailErrorCode.INVALID_MESSAGE);
            assertThat(status.attempts()).isEqualTo(2);
        });
        assertThat(after.find("e").orElseThrow().state()).isEqualTo(MessageState.EXPIRED);
        assertThat(after.find("c").orElseThrow().failure().code()).isEqualTo(MailErrorCode.CANCELLED);
    }

    @Test
    void shouldForgetTheOldestBeyondTheCapacity() throws IOException {
        FinalOutcomes delivered = open();
        for (int i = 0; i <= FinalOutcomes.CAPACITY; i++) {
            delivered.record(entry("m" + i, i));
        }

        FinalOutcomes after = open();

        assertThat(after.find("m0")).isEmpty();
        assertThat(after.find("m1")).isPresent();
        assertThat(after.find("m" + FinalOutcomes.CAPACITY)).isPresent();
        assertThat(Files.size(directory.resolve(FinalOutcomes.NAME))).isLessThan(128 * 1024);
    }

    @Test
    void shouldForgetADeliveryOnceItIsOlderThanTheRetentionInServiceTime() throws IOException {
        FinalOutcomes delivered = open();
        delivered.record(entry("a", 1));
        time.advance(FinalOutcomes.RETENTION.minusSeconds(1));
        assertThat(delivered.find("a")).isPresent();

        time.advance(Duration.ofSeconds(2));

        assertThat(delivered.find("a")).isEmpty();
    }

    @Test
    void shouldStartEmptyFromADamagedFile() throws IOException {
        open().record(entry("a", 1));
        Path file = directory.resolve(FinalOutcomes.NAME);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(file, bytes);

        assertThat(open().find("a")).isEmpty();
    }

    private FinalOutcomes open() throws IOException {
        time.newProcess();
        ServiceClock clock = new ServiceClock(time, ServiceTime.ZERO);
        return new FinalOutcomes(new Outbox(directory), clock);
    }

    private FinalOutcomes.Outcome entry(String id, long sequence) {
        return outcome(id, sequence, MessageState.SENT, Optional.empty());
    }

    private FinalOutcomes.Outcome outcome(String id, long sequence, MessageState state, Optional<MailErrorCode> error) {
        return new FinalOutcomes.Outcome(id, sequence, state, 2, error, ServiceHarness.T0,
                ServiceHarness.T0.plusSeconds(3), new ServiceClock(time, ServiceTime.ZERO).now());
    }
}
