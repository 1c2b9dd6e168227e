/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.at;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cellmail.benchmarks.Figure;
import io.cellmail.benchmarks.Format;
import io.cellmail.benchmarks.JmhRun;
import io.cellmail.benchmarks.Report;
import io.cellmail.benchmarks.RunOptions;

/**
 * Item 1: how much faster than the fastest M-series UART the host side handles AT traffic. JMH figures, each
 * against 115200 baud (11 520 bytes/s): the per-byte path on one thread (framer plus URC classification and
 * result parsing; the framer alone; a control framer over a plain byte array), and the whole engine replaying a
 * recorded session of mail (a) and of mail (b) — the engine's ratio compares all bytes of the session, both
 * directions, since a turn-taking AT conversation never uses both directions of the line at once.
 */
public final class AtEngineFigures {

    /** The target of issue 7. */
    public static final double TARGET_RATIO = 1000;

    private AtEngineFigures() {
    }

    /**
     * @param options the run's settings
     * @param report where the figures go
     * @throws Exception when a benchmark fails
     */
    public static void run(RunOptions options, Report report) throws Exception {
        double uart = RunOptions.M_SERIES_BAUD / 10.0;
        String uartText = "UART 115200 baud: " + Format.mbPerSecond(uart);
        Map<String, String> stream = Map.of("streamBytes", String.valueOf(options.smoke() ? 64 * 1024 : 1 << 20));

        JmhRun.Scores parse = JmhRun.run(options, ParserBenchmark.class, "parse", stream, List.of());
        JmhRun.Score parsed = parse.counter("modemBytes");
        report.add(new Figure("1a", "AT parser path: framer + URC classification + final/info parsing, one thread",
                Format.withError(parsed.score(), parsed.error(), 1e6, "MB/s"), uartText,
                Format.times(parsed.score() / uart), "≥ 1,000×", Figure.Verdict.of(parsed.score() / uart
                        >= TARGET_RATIO)));

        JmhRun.Scores frame = JmhRun.run(options, ParserBenchmark.class, "frame", stream, List.of());
        JmhRun.Score framed = frame.counter("modemBytes");
        report.add(new Figure("1b", "AT framer alone (part of 1a)", Format.withError(framed.score(), framed.error(),
                1e6, "MB/s"), uartText, Format.times(framed.score() / uart), "", Figure.Verdict.INFO));

        JmhRun.Scores control = JmhRun.run(options, ParserBenchmark.class, "frameControl", stream, List.of());
        JmhRun.Score controlled = control.counter("modemBytes");
        report.add(new Figure("1c", "Control: the same framing rules on a plain byte array (benchmark code, not "
                + "the engine's)", Format.withError(controlled.score(), controlled.error(), 1e6, "MB/s"), uartText,
                Format.times(controlled.score() / uart), "", Figure.Verdict.INFO));

        int payload = options.smoke() ? options.mails().alarmPayloadBytes() : 1024;
        JmhRun.Scores alarm = JmhRun.run(options, EngineReplayBenchmark.class, "session",
                Map.of("recipients", "1", "attachments", "0", "payloadBytes", String.valueOf(payload)), List.of());
        engineFigure(report, "1d", "mail (a) session", alarm, uart, uartText);

        int large = options.smoke() ? options.mails().largePayloadBytes() / 11 : 10 * 1024;
        JmhRun.Scores report7 = JmhRun.run(options, EngineReplayBenchmark.class, "session",
                Map.of("recipients", "20", "attachments", "10", "payloadBytes", String.valueOf(large)), List.of());
        engineFigure(report, "1e", "mail (b) session", report7, uart, uartText);

        report.detail("1. AT engine throughput", String.format(Locale.ROOT, """
                | Benchmark | Bytes from the modem | All line bytes | Commands | Time per command |
                |---|---|---|---|---|
                | 1a parser path | %s | — | — | — |
                | 1b framer alone | %s | — | — | — |
                | 1c control framer | %s | — | — | — |
                | 1d engine, mail (a) session | %s | %s | %s | %s |
                | 1e engine, mail (b) session | %s | %s | %s | %s |

                Ratios compare with the UART's %s. For 1a to 1c that is the receive direction alone; for 1d and
                1e all bytes of the session (commands, payloads and replies), because the conversation takes turns
                and the line never carries both directions at once. Bytes from the modem alone, for 1d: %s of the
                UART rate; for 1e: %s. The framer alone (1b) runs at %s of the control (1c).
                """,
                Format.mbPerSecond(parsed.score()), Format.mbPerSecond(framed.score()),
                Format.mbPerSecond(controlled.score()),
                Format.mbPerSecond(alarm.counter("modemBytes").score()),
                Format.mbPerSecond(alarm.counter("lineBytes").score()),
                Format.perSecond(alarm.counter("commands").score()), micros(alarm),
                Format.mbPerSecond(report7.counter("modemBytes").score()),
                Format.mbPerSecond(report7.counter("lineBytes").score()),
                Format.perSecond(report7.counter("commands").score()), micros(report7),
                Format.mbPerSecond(uart), Format.times(alarm.counter("modemBytes").score() / uart),
                Format.times(report7.counter("modemBytes").score() / uart),
                Format.percent(framed.score() / controlled.score())));
    }

    private static void engineFigure(Report report, String id, String session, JmhRun.Scores scores, double uart,
            String uartText) {
        JmhRun.Score line = scores.counter("lineBytes");
        report.add(new Figure(id, "AT engine, whole (threads, response matching, uploads): " + session
                + " replayed", Format.withError(line.score(), line.error(), 1e6, "MB/s"), uartText,
                Format.times(line.score() / uart), "≥ 1,000×", Figure.Verdict.of(line.score() / uart
                        >= TARGET_RATIO)));
    }

    private static String micros(JmhRun.Scores scores) {
        return String.format(Locale.ROOT, "%.1f µs", 1e6 / scores.counter("commands").score());
    }
}
