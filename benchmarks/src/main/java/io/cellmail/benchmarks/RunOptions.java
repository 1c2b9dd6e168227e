/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.cellmail.benchmarks.stack.BenchMails;

/**
 * How a benchmark run is set up. {@link #full} gives the figures of BENCHMARKS.md; {@link #smoke} the same five
 * benchmarks with tiny sizes, no JMH forks and short guard times, for the build's smoke test.
 *
 * @param smoke true for a quick run that only proves every benchmark works
 * @param baud the emulated line rate of items 2 and 3
 * @param commandLatency the emulator's delay before it answers each command (items 2 and 3)
 * @param hostGuard the host's silence before and after {@code +++} (the mailer's guard time)
 * @param modemGuard the emulated module's guard time: the silence it needs to accept {@code +++}
 * @param mails the sizes of mails (a) and (b)
 * @param alarmMails measured mails of case (a), after one warm-up mail
 * @param largeMails measured mails of case (b), after one warm-up mail
 * @param recoveryMessages pending mails the outbox recovers at start-up (item 5)
 * @param jmhForks JMH forks per benchmark, 0 to run in this JVM
 * @param jmhWarmups JMH warm-up iterations
 * @param jmhIterations JMH measurement iterations
 * @param jmhIterationTime length of each JMH iteration
 * @param workDirectory where outboxes are written (the disk whose fsync is measured)
 * @param memoryHeap the heap limit of item 4's JVM, e.g. {@code 32m}
 * @param naiveDelay the naive driver's fixed pause after each command (100 ms, as the Arduino libraries)
 */
public record RunOptions(boolean smoke, int baud, Duration commandLatency, Duration hostGuard, Duration modemGuard,
        BenchMails mails, int alarmMails, int largeMails, int recoveryMessages, int jmhForks, int jmhWarmups,
        int jmhIterations, Duration jmhIterationTime, Path workDirectory, String memoryHeap, Duration naiveDelay) {

    /** The line rate of the fastest UART of the M-series. */
    public static final int M_SERIES_BAUD = 115_200;

    public RunOptions {
        Objects.requireNonNull(commandLatency, "commandLatency");
        Objects.requireNonNull(hostGuard, "hostGuard");
        Objects.requireNonNull(modemGuard, "modemGuard");
        Objects.requireNonNull(mails, "mails");
        Objects.requireNonNull(jmhIterationTime, "jmhIterationTime");
        Objects.requireNonNull(workDirectory, "workDirectory");
        Objects.requireNonNull(memoryHeap, "memoryHeap");
        Objects.requireNonNull(naiveDelay, "naiveDelay");
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        if (hostGuard.compareTo(modemGuard) <= 0) {
            throw new IllegalArgumentException("the host's guard time must exceed the modem's, or +++ is not taken");
        }
    }

    /**
     * @param workDirectory where outboxes go
     * @return the settings of the published figures
     */
    public static RunOptions full(Path workDirectory) {
        return new RunOptions(false, M_SERIES_BAUD, Duration.ofMillis(20), Duration.ofMillis(1100),
                Duration.ofSeconds(1), BenchMails.FULL, 5, 3, 10_000, 2, 5, 5, Duration.ofSeconds(1), workDirectory,
                "32m", Duration.ofMillis(100));
    }

    /**
     * @param workDirectory where outboxes go
     * @return tiny sizes, one iteration each, no forks: seconds, not minutes
     */
    public static RunOptions smoke(Path workDirectory) {
        return new RunOptions(true, M_SERIES_BAUD, Duration.ofMillis(1), Duration.ofMillis(60),
                Duration.ofMillis(40), BenchMails.FULL.shrunkBy(64), 1, 1, 200, 0, 1, 1, Duration.ofMillis(100),
                workDirectory, "32m", Duration.ofMillis(10));
    }

    /** @return how long one mail may take before the run fails: a smoke run must fail fast, not hang */
    public Duration mailWait() {
        return smoke ? Duration.ofSeconds(60) : Duration.ofMinutes(5);
    }

    /** @return bytes per second of the emulated line: 10 bits per byte (start, 8 data, stop) */
    public double lineBytesPerSecond() {
        return baud / 10.0;
    }

    /** @return a copy with another latency */
    public RunOptions withCommandLatency(Duration value) {
        return new RunOptions(smoke, baud, value, hostGuard, modemGuard, mails, alarmMails, largeMails,
                recoveryMessages, jmhForks, jmhWarmups, jmhIterations, jmhIterationTime, workDirectory, memoryHeap,
                naiveDelay);
    }

    /** @return a copy with another line rate */
    public RunOptions withBaud(int value) {
        return new RunOptions(smoke, value, commandLatency, hostGuard, modemGuard, mails, alarmMails, largeMails,
                recoveryMessages, jmhForks, jmhWarmups, jmhIterations, jmhIterationTime, workDirectory, memoryHeap,
                naiveDelay);
    }
}
