/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.cellmail.benchmarks.at.AtEngineFigures;
import io.cellmail.benchmarks.outbox.OutboxFigures;
import io.cellmail.benchmarks.send.MemoryFigures;
import io.cellmail.benchmarks.send.SendFigures;

/**
 * The one entry point: {@code java -jar benchmarks.jar all --out BENCHMARKS.md} runs the five benchmarks of issue 7
 * and writes the results table. Also the entry point of the child JVMs some benchmarks start.
 */
public final class Main {

    static final String USAGE = """
            usage: java -jar benchmarks.jar <what>... [options]
              what:  all | at-engine | send | send-length | send-lte | memory | outbox
                     (send = items 2 and 3: end-to-end time and round trips, measured in the same runs;
                      send-length = item 2c: mail (b) on a GSM module that ends attachments at their size;
                      send-lte = item 2d: mail (b) on an LTE module in the LTE dialect)
              --out FILE        write the results there (default BENCHMARKS-results.md); a file holding the
                                generated-results markers (BENCHMARKS.md) keeps its text around them
              --latency D       the emulator's per-command latency, e.g. 20ms (default 20ms)
              --baud N          the emulated line rate (default 115200)
              --work-dir DIR    where outboxes are written: the disk whose fsync is measured
                                (default: the system temporary directory)
              --smoke           tiny sizes, no JMH forks: proves that everything runs, in seconds
            """;

    private static final List<String> ALL = List.of("at-engine", "send", "send-length", "send-lte", "memory",
            "outbox");

    private Main() {
    }

    /**
     * @param args see {@link #USAGE}
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals(OutboxFigures.RECOVER_CHILD)) {
            OutboxFigures.recoverInChild(Path.of(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals(MemoryFigures.CHILD)) {
            MemoryFigures.child(args);
            return;
        }
        int status = run(args, System.out);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the benchmarks named in the arguments and writes the report.
     *
     * @param args see {@link #USAGE}
     * @param console where progress goes
     * @return 0, or 2 for bad arguments
     * @throws Exception when a benchmark fails
     */
    public static int run(String[] args, PrintStream console) throws Exception {
        Set<String> what = new LinkedHashSet<>();
        Path out = Path.of("BENCHMARKS-results.md");
        boolean smoke = false;
        Duration latency = null;
        Integer baud = null;
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "cellmail-bench");
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--help") || args[i].equals("-h")) {
                    console.print(USAGE);
                    return 0;
                }
                switch (args[i]) {
                    case "all" -> what.addAll(ALL);
                    case "at-engine", "send", "send-length", "send-lte", "memory", "outbox" -> what.add(args[i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--smoke" -> smoke = true;
                    case "--latency" -> latency = parseDuration(args[++i]);
                    case "--baud" -> baud = Integer.parseInt(args[++i]);
                    case "--work-dir" -> work = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (what.isEmpty()) {
                throw new IllegalArgumentException("name what to run");
            }
        } catch (RuntimeException e) {
            console.println(e.getMessage() == null ? e.toString() : e.getMessage());
            console.print(USAGE);
            return 2;
        }
        RunOptions options = smoke ? RunOptions.smoke(work) : RunOptions.full(work);
        if (latency != null) {
            options = options.withCommandLatency(latency);
        }
        if (baud != null) {
            options = options.withBaud(baud);
        }
        Report report = new Report(Environment.capture(work), "java -jar benchmarks/target/benchmarks.jar "
                + String.join(" ", args), options);
        for (String benchmark : what) {
            long started = System.nanoTime();
            console.println("== " + benchmark);
            switch (benchmark) {
                case "at-engine" -> AtEngineFigures.run(options, report);
                case "outbox" -> OutboxFigures.run(options, report);
                case "send" -> SendFigures.run(options, report);
                case "send-length" -> SendFigures.runLengthEnded(options, report);
                case "send-lte" -> SendFigures.runLte(options, report);
                case "memory" -> MemoryFigures.run(options, report);
                default -> throw new IllegalStateException("not yet: " + benchmark);
            }
            console.printf("== %s done in %.0f s%n", benchmark, (System.nanoTime() - started) / 1e9);
        }
        String markdown = report.render(Report.now());
        ResultsFile.write(out, markdown);
        console.println(markdown);
        console.println("written to " + out.toAbsolutePath());
        return 0;
    }

    /** @return 20ms, 1.5s, 2m or an ISO-8601 duration */
    static Duration parseDuration(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("p")) {
            return Duration.parse(text.strip());
        }
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofNanos((long) (Double.parseDouble(t.substring(0, t.length() - 1)) * 1e9));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        throw new IllegalArgumentException("not a duration: " + text + " (e.g. 20ms, 1.5s, 2m, PT0.1S)");
    }
}
