/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.benchmarks.stack.BenchMails;
import io.cellmail.service.internal.MailService;

/**
 * Durable appends: {@code MailService.send} of a 1 KB alarm, which returns only after the mail's file was written,
 * forced to disk, renamed and the directory forced. Each iteration starts on an empty outbox in the work
 * directory (the disk under test) and deletes it afterwards, so the directory never grows beyond one iteration.
 * One thread, as one gateway bundle would send.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutboxAppendBenchmark {

    private final BenchMails mails = BenchMails.FULL;
    private Path directory;
    private MailService service;
    private int next;

    /** @throws IOException when the outbox cannot be made */
    @Setup(Level.Iteration)
    public void open() throws IOException {
        Path work = Outboxes.workDirectory();
        Files.createDirectories(work);
        directory = Files.createTempDirectory(work, "append-");
        service = Outboxes.open(directory);
    }

    /** @throws IOException when the outbox cannot be deleted */
    @TearDown(Level.Iteration)
    public void close() throws IOException {
        service.close();
        Outboxes.delete(directory);
    }

    /** @return the mail's stage (it never completes: nothing is sent) */
    @Benchmark
    public CompletionStage<DeliveryReceipt> append() {
        return service.send(mails.alarm(next++));
    }
}
