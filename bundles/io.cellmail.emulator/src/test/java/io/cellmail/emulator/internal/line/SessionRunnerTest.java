/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A session's pacing of what the host sends, on an invented clock. */
class SessionRunnerTest {

    private static final long LATE_WAKE_NANOS = 1_000_000L;

    private final AtomicLong now = new AtomicLong();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    @Test
    void shouldDeliverAPayloadWrittenAtOnceInItsLineTimeThoughEverySleepWokeLate() throws InterruptedException {
        // every sleep of the pacing thread ends 1 ms late, as on a loaded machine
        LineRate rate = new LineRate(11_520, now::get, nanos -> now.addAndGet(nanos + LATE_WAKE_NANOS));
        SessionRunner session = new SessionRunner(new RecordingModem(), new ByteArrayInputStream(new byte[1152]),
                new ByteArrayOutputStream(), rate, now::get);

        session.start();

        assertThat(session.awaitClosed(Duration.ofSeconds(5))).isTrue();
        assertThat(arrivals).hasSizeGreaterThan(1);
        // (whole nanoseconds per chunk round the line time down by a few nanoseconds)
        assertThat(arrivals.get(arrivals.size() - 1)).as("last byte: 100 ms of line time, at most one late wake-up")
                .isBetween(100_000_000L - 100, 100_000_000L + LATE_WAKE_NANOS);
    }

    /** Records when bytes arrived; never stalls. */
    private final class RecordingModem implements HostConnection {

        @Override
        public void connected(OutputStream toHost, Runnable onHangUp) {
        }

        @Override
        public void received(byte[] bytes, long arrivalNanos) {
            arrivals.add(arrivalNanos);
        }

        @Override
        public boolean awaitClearToSend() {
            return false;
        }

        @Override
        public void disconnected(OutputStream toHost) {
        }
    }
}
