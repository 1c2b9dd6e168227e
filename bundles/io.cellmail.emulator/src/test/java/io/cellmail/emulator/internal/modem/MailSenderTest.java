/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.modem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cellmail.emulator.internal.fault.MailFault;
import io.cellmail.emulator.internal.smtp.OutgoingMail;

/** The worker side of {@code AT+QSMTPPUT}: delays, forced results and the PUT timeout. */
class MailSenderTest {

    private final ExecutorService workers = Executors.newSingleThreadExecutor();
    private final AtomicInteger relayCalls = new AtomicInteger();
    private final MailSender sender = new MailSender((mail, timeout) -> {
        relayCalls.incrementAndGet();
        return 0;
    }, workers);
    private final OutgoingMail mail = new OutgoingMail("smtp.163.com", 25, true, "u", "p", "a@163.com", "", List.of(),
            0, new byte[0], 0, new byte[0], List.of());

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void shouldGiveMinus9WhenTheDelayReachesThePutTimeout() throws Exception {
        MailFault delay = new MailFault(Duration.ofMillis(50), OptionalInt.empty(), Duration.ZERO);

        int result = send(Optional.of(Duration.ofMillis(50)), delay);

        assertThat(result).isEqualTo(-9);
        assertThat(relayCalls).hasValue(0);
    }

    @Test
    void shouldEndWithTheForcedResultAfterTheDelay() throws Exception {
        int result = send(Optional.empty(), new MailFault(Duration.ofMillis(20), OptionalInt.of(-4), Duration.ZERO));

        assertThat(result).isEqualTo(-4);
        assertThat(relayCalls).hasValue(0);
    }

    @Test
    void shouldCallTheRelayWithoutFaults() throws Exception {
        assertThat(send(Optional.of(Duration.ofSeconds(100)), MailFault.NONE)).isZero();
        assertThat(relayCalls).hasValue(1);
    }

    private int send(Optional<Duration> timeout, MailFault fault) throws Exception {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        sender.send(mail, timeout, fault, result::complete);
        return result.get(5, TimeUnit.SECONDS);
    }
}
