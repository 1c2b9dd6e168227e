/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.send;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.cellmail.benchmarks.ChildJvm;
import io.cellmail.benchmarks.Figure;
import io.cellmail.benchmarks.Format;
import io.cellmail.benchmarks.Report;
import io.cellmail.benchmarks.RunOptions;
import io.cellmail.benchmarks.outbox.Outboxes;
import io.cellmail.benchmarks.stack.BenchMails;
import io.cellmail.benchmarks.stack.CellmailSender;
import io.cellmail.benchmarks.stack.SmtpSink;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.internal.frontend.TcpEmulatorServer;
import io.cellmail.serial.internal.SerialLinkRegistry;
import io.cellmail.serial.internal.TcpLinkProvider;
import io.cellmail.service.internal.MailService;

/**
 * Item 4: the full cellmail stack sends mail (b) inside a JVM started with {@code -Xmx32m}. Only cellmail runs
 * there — service, outbox, Quectel driver, AT engine, a {@code tcp:} link — while the emulated module and the SMTP
 * server run in this JVM, reached over loopback TCP as a ser2net port would be. So the child's heap holds
 * cellmail's objects and the JDK's, nothing of the test rig. The line is unlimited and the guard times short: a
 * fast send makes garbage faster, which is the harder case for a small heap.
 */
public final class MemoryFigures {

    /** The child mode. */
    public static final String CHILD = "memory-child";
    private static final int MAILS = 3;
    private static final long MIB = 1024 * 1024;

    private MemoryFigures() {
    }

    /**
     * @param options the run's settings
     * @param report where the figure goes
     * @throws Exception when the rig fails (a failing child is a missed target, not an exception)
     */
    public static void run(RunOptions options, Report report) throws Exception {
        Path outbox = Files.createTempDirectory(Files.createDirectories(options.workDirectory()), "memory-");
        try (SmtpSink smtp = SmtpSink.start();
                ModemEmulator modem = ModemEmulator.create(EmulatorSettings.builder().smtpRoute(smtp.route())
                        .guardTime(Duration.ofMillis(40)).build());
                TcpEmulatorServer server = TcpEmulatorServer.start(modem::attach, "127.0.0.1", 0)) {
            int scale = options.smoke() ? 64 : 1;
            List<String> output;
            try {
                output = ChildJvm.run(List.of("-Xmx" + options.memoryHeap()), List.of(CHILD,
                        String.valueOf(server.port()), String.valueOf(smtp.port()), outbox.toString(),
                        String.valueOf(scale)), Duration.ofMinutes(5));
            } catch (IOException e) {
                report.add(new Figure("4", "Memory: full stack sends mail (b) in a JVM with -Xmx"
                        + options.memoryHeap(), "failed: " + e.getMessage().lines().findFirst().orElse(""), "", "",
                        "completes in -Xmx32m", Figure.Verdict.MISSED));
                return;
            }
            List<SmtpSink.Received> mails = smtp.drain();
            BenchMails shape = scale == 1 ? BenchMails.FULL : BenchMails.FULL.shrunkBy(scale);
            boolean delivered = mails.size() == MAILS && mails.stream().allMatch(m -> m.recipients()
                    == shape.largeRecipients() && m.attachments() == shape.largeAttachments());
            Map<String, String> m = fields(ChildJvm.field(output, "MEMORY"));
            long peakAfterGc = Long.parseLong(m.get("peakAfterGc"));
            long peakUsed = Long.parseLong(m.get("peakUsed"));
            long max = Long.parseLong(m.get("max"));
            report.add(new Figure("4", "Memory: full stack sends mail (b) " + MAILS + " times in a JVM with -Xmx"
                    + options.memoryHeap(), (delivered ? "completed" : "mails lost") + "; peak heap after GC "
                    + mib(peakAfterGc) + ", peak in use " + mib(peakUsed), "heap limit " + mib(max),
                    Format.times((double) max / peakAfterGc) + " headroom", "completes in -Xmx32m",
                    Figure.Verdict.of(delivered)));
            report.detail("4. Memory", String.format(Locale.ROOT, """
                    A JVM with -Xmx%s (collector %s) ran only cellmail and sent mail (b) %d times; all %d arrived
                    complete: %s.

                    | Heap | MiB |
                    |---|---|
                    | live before cellmail started (JDK, logging; after a full GC) | %s |
                    | live after the mails, stack idle (after a full GC) | %s |
                    | peak right after any collection (bounds the live set during the sends) | %s |
                    | peak in use, garbage included (sampled every 2 ms) | %s |
                    | limit | %s |

                    Allocated during the mails by cellmail's threads (garbage included): %s MiB; by the calling
                    thread (building the three test mails, validation, encoding and writing the outbox files): %s
                    MiB. %s collections.
                    """, options.memoryHeap(), m.get("gc"), MAILS, MAILS, delivered, mib(Long.parseLong(m.get(
                            "baseline"))), mib(Long.parseLong(m.get("idle"))), mib(peakAfterGc), mib(peakUsed),
                    mib(max), mib(Long.parseLong(m.get("cellmailAlloc"))).replace(" MiB", ""),
                    mib(Long.parseLong(m.get("callerAlloc"))).replace(" MiB", ""), m.get("gcs")));
        } finally {
            Outboxes.delete(outbox);
        }
    }

    /**
     * The child side: sends mail (b) {@value #MAILS} times and prints {@code MEMORY key=value ...}.
     *
     * @param args modem port, SMTP port, outbox directory, size divisor
     * @throws Exception when a mail fails
     */
    public static void child(String[] args) throws Exception {
        int modemPort = Integer.parseInt(args[1]);
        int smtpPort = Integer.parseInt(args[2]);
        Path outbox = Path.of(args[3]);
        int scale = Integer.parseInt(args[4]);
        BenchMails mails = scale == 1 ? BenchMails.FULL : BenchMails.FULL.shrunkBy(scale);
        RunOptions options = new RunOptions(false, 4_000_000, Duration.ZERO, Duration.ofMillis(60),
                Duration.ofMillis(40), mails, 0, MAILS, 0, 0, 0, 0, Duration.ofSeconds(1), outbox, "", Duration.ZERO);
        long baseline = HeapWatch.liveNow();
        long gcsBefore = HeapWatch.collections();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
                .getThreadMXBean();
        long callerBefore = threads.getCurrentThreadAllocatedBytes();
        long idle;
        long cellmailAlloc;
        long callerAlloc;
        try (HeapWatch watch = new HeapWatch()) {
            String uri = "tcp://127.0.0.1:" + modemPort + "?baud=" + options.baud();
            MailService service = new MailService(CellmailSender.serviceSettings(uri, options, smtpPort, outbox),
                    new io.cellmail.quectel.QuectelMailerFactory(new SerialLinkRegistry(List.of(
                            new TcpLinkProvider()))).create(CellmailSender.mailerSettings(uri, options, smtpPort)),
                    (topic, properties) -> { });
            try {
                service.start();
                for (int i = 0; i < MAILS; i++) {
                    service.send(mails.large(i)).toCompletableFuture().get(2, java.util.concurrent.TimeUnit.MINUTES);
                }
                callerAlloc = threads.getCurrentThreadAllocatedBytes() - callerBefore;
                cellmailAlloc = cellmailAllocation(threads);
                idle = HeapWatch.liveNow();
            } finally {
                service.close();
            }
            System.out.println("MEMORY baseline=" + baseline + " idle=" + idle + " peakAfterGc=" + watch.peakAfterGc()
                    + " peakUsed=" + watch.peakUsed() + " max=" + Runtime.getRuntime().maxMemory() + " gcs="
                    + (HeapWatch.collections() - gcsBefore) + " gc=" + HeapWatch.collectors() + " cellmailAlloc="
                    + cellmailAlloc + " callerAlloc=" + callerAlloc);
        }
    }

    private static long cellmailAllocation(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("cellmail-")) {
                total += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
            }
        }
        return total;
    }

    private static Map<String, String> fields(String[] words) {
        Map<String, String> map = new TreeMap<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            map.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return map;
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
    }

}
