/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cellmail.benchmarks.ChildJvm;
import io.cellmail.benchmarks.Figure;
import io.cellmail.benchmarks.Format;
import io.cellmail.benchmarks.JmhRun;
import io.cellmail.benchmarks.Report;
import io.cellmail.benchmarks.RunOptions;
import io.cellmail.benchmarks.Stats;
import io.cellmail.service.internal.MailService;

/**
 * Item 5: durable appends per second (JMH, {@link OutboxAppendBenchmark}) and the start-up of a service whose
 * outbox holds 10 000 pending mails. Start-up is measured in fresh JVMs (cold: class loading and an unwarmed JIT,
 * as at a real gateway start) and, for comparison, repeatedly in this one (warm). The files are in the page cache
 * either way, having just been written: a start-up after a power cycle also reads them from flash.
 */
public final class OutboxFigures {

    /** The child mode that opens an outbox and reports how long recovery took. */
    public static final String RECOVER_CHILD = "outbox-recover-child";
    private static final Duration TARGET = Duration.ofSeconds(2);
    private static final int COLD_STARTS = 3;
    private static final int WARM_STARTS = 5;

    private OutboxFigures() {
    }

    /**
     * @param options the run's settings
     * @param report where the figures go
     * @throws Exception when a benchmark fails
     */
    public static void run(RunOptions options, Report report) throws Exception {
        Path work = options.workDirectory();
        Files.createDirectories(work);
        JmhRun.Scores append = JmhRun.run(options, OutboxAppendBenchmark.class, "append", Map.of(),
                List.of("-D" + Outboxes.WORK_DIRECTORY_PROPERTY + "=" + work.toAbsolutePath()));
        report.add(new Figure("5a", "Outbox: durable appends (send of a 1 KB alarm: write, fsync, rename, fsync "
                + "directory), one thread", Format.withError(append.primary().score(), append.primary().error(), 1,
                "mails/s"), "", "", "", Figure.Verdict.INFO));

        int count = options.recoveryMessages();
        Path outbox = Files.createTempDirectory(work, "recover-");
        try {
            long filling = System.nanoTime();
            Outboxes.fill(outbox, options.mails(), count);
            double fillSeconds = (System.nanoTime() - filling) / 1e9;
            double[] cold = new double[COLD_STARTS];
            for (int i = 0; i < cold.length; i++) {
                List<String> out = ChildJvm.run(List.of("-Xmx256m"), List.of(RECOVER_CHILD, outbox.toString()),
                        Duration.ofMinutes(2));
                String[] recovered = ChildJvm.field(out, "RECOVERED");
                check(Integer.parseInt(recovered[0]), count);
                cold[i] = Long.parseLong(recovered[1]) / 1e9;
            }
            double[] warm = new double[WARM_STARTS];
            recover(outbox, count);
            for (int i = 0; i < warm.length; i++) {
                warm[i] = recover(outbox, count) / 1e9;
            }
            double coldMedian = Stats.median(cold);
            report.add(new Figure("5b", "Outbox: start-up recovering " + Format.count(count)
                    + " pending mails, fresh JVM (median of " + COLD_STARTS + ")", Format.seconds(coldMedian),
                    "", "", "< 2 s", Figure.Verdict.of(coldMedian < TARGET.toNanos() / 1e9)));
            report.detail("5. Outbox", String.format(Locale.ROOT, """
                    Appends: %s mails/s (JMH, ± is the 99.9 %% confidence half-width); filling the recovery outbox
                    with %s alarms one after another took %s, i.e. %s.

                    Recovery of %s pending mails (each file read, checked, restored into the queue; the service
                    constructor, which is what start-up runs before the dispatcher starts):

                    | JVM | Runs | Median | Min | Max |
                    |---|---|---|---|---|
                    | fresh (cold JIT, as at boot) | %d | %s | %s | %s |
                    | this one, after one warm-up | %d | %s | %s | %s |

                    The files had just been written, so they came from the page cache, not the disk.
                    """, Format.withError(append.primary().score(), append.primary().error(), 1, ""),
                    Format.count(count), Format.seconds(fillSeconds), Format.perSecond(count / fillSeconds),
                    Format.count(count), cold.length, Format.seconds(coldMedian), Format.seconds(Stats.min(cold)),
                    Format.seconds(Stats.max(cold)), warm.length, Format.seconds(Stats.median(warm)),
                    Format.seconds(Stats.min(warm)), Format.seconds(Stats.max(warm))));
        } finally {
            Outboxes.delete(outbox);
        }
    }

    /**
     * The child side: opens the outbox once and prints {@code RECOVERED <mails> <nanos>}.
     *
     * @param directory the outbox
     * @throws IOException when it cannot be opened
     */
    public static void recoverInChild(Path directory) throws IOException {
        long started = System.nanoTime();
        try (MailService service = Outboxes.open(directory)) {
            long took = System.nanoTime() - started;
            System.out.println("RECOVERED " + service.serviceStatus().queueDepth() + " " + took);
        }
    }

    private static long recover(Path outbox, int expected) throws IOException {
        long started = System.nanoTime();
        try (MailService service = Outboxes.open(outbox)) {
            long took = System.nanoTime() - started;
            check(service.serviceStatus().queueDepth(), expected);
            return took;
        }
    }

    private static void check(int recovered, int expected) {
        if (recovered != expected) {
            throw new IllegalStateException("recovered " + recovered + " mails, " + expected + " were queued");
        }
    }
}
