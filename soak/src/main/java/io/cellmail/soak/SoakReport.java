/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The soak's results in Markdown: where and how it ran, the figures, the verdict, and the findings with their
 * evidence. The same text goes to the console, to RELIABILITY.md (between its markers) and, with every finding
 * in full, to {@code findings.md} in the run's directory.
 */
final class SoakReport {

    /** Findings of one kind shown in the document; the run's findings.md has them all. */
    private static final int SHOWN = 8;

    private final SoakOptions options;
    private final RunEnvironment environment;
    private final SoakFigures figures;
    private final Duration took;
    private final List<String> setup;

    /**
     * @param options what the run did
     * @param environment where it ran
     * @param figures what came of it
     * @param took how long it took
     * @param setup one line per part of the set-up (gateway settings, modules, outbox disk, consumer)
     */
    SoakReport(SoakOptions options, RunEnvironment environment, SoakFigures figures, Duration took,
            List<String> setup) {
        this.options = options;
        this.environment = environment;
        this.figures = figures;
        this.took = took;
        this.setup = List.copyOf(setup);
    }

    /** @return whether the run passed */
    boolean passed() {
        return figures.failures(options.kills(), options.alarms()).isEmpty();
    }

    /**
     * @param complete every finding (findings.md), or the first few of each kind (the document)
     * @return the report
     */
    String render(boolean complete) {
        int shown = complete ? Integer.MAX_VALUE : SHOWN;
        StringBuilder md = new StringBuilder();
        md.append("- Date: ").append(environment.startedAt()).append(" (UTC), took ").append(took.toSeconds())
                .append(" s\n");
        md.append("- Machine: ").append(environment.machine()).append('\n');
        md.append("- JVM: ").append(environment.jvm()).append('\n');
        md.append("- Code: commit ").append(environment.commit()).append('\n');
        md.append("- Command: `").append(options.commandLine()).append("` (seed ").append(options.seed())
                .append("; replay with the same command)\n");
        md.append("- Parameters: at least ").append(options.kills()).append(" kills over at least ")
                .append(options.alarms()).append(" accepted alarms; final wait ")
                .append(options.finalWait().toSeconds()).append(" s\n");
        setup.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append('\n');
        List<String> failures = figures.failures(options.kills(), options.alarms());
        md.append("**Verdict: ").append(failures.isEmpty() ? "PASS" : "FAIL — " + String.join("; ", failures))
                .append("**\n\n");
        md.append("| Figure | Value |\n|---|---|\n");
        row(md, "Accepted (send returned)", Integer.toString(figures.accepted()));
        row(md, "Refused at send, by code", figures.refused() + counts(figures.refusedByCode()));
        row(md, "Delivered (received by the SMTP server)", Integer.toString(figures.delivered()));
        row(md, "Reported final without delivery", figures.reportedFinal().size()
                + counts(figures.reportedFinal().values().stream()
                        .collect(Collectors.toMap(v -> v, v -> 1, Integer::sum, java.util.TreeMap::new))));
        row(md, "**Lost** (accepted, neither delivered nor reported final)", "**" + figures.lost().size() + "**");
        long explained = figures.duplicates().stream().filter(Duplicate::explained).count();
        row(md, "Duplicated (received more than once)", figures.duplicates().size() + " (" + explained
                + " from a result lost to a kill, module reboot or dropped link during its PUT; "
                + figures.unexplainedDuplicates().size() + " unexplained)");
        row(md, "`+++` alarm text run as AT commands (lines the module took as commands, mails to "
                + Alarm.INTRUDER + ")",
                Integer.toString(figures.injections().size()));
        row(md, "`+++` alarms delivered altered", Integer.toString(figures.alteredEscapeText().size()));
        row(md, "Other alarms delivered altered", Integer.toString(figures.alteredOther().size()));
        row(md, "Mails that carry no accepted alarm", Integer.toString(figures.strays().size()));
        row(md, "SIGKILLs", figures.kills() + counts(kindNames(figures.killsByKind())) + "; "
                + figures.killsDuringPut() + " fell inside a PUT");
        row(md, "Faults armed", figures.faultsByKind().values().stream().mapToInt(Integer::intValue).sum()
                + counts(faultNames(figures.faultsByKind())));
        row(md, "Restarts on the same storage", figures.restarts() + " (" + figures.restartsWithPending()
                + " with mail waiting in the outbox)");
        row(md, "Longest restart → first waiting mail leaving (its PUT)", figures.longestRestartToFirstPending()
                .map(entry -> String.format(Locale.ROOT, "%.1f s (restart %d)", entry.getValue().toMillis() / 1000.0,
                        entry.getKey()))
                .orElse("—") + "; " + figures.restartsKilledBeforePendingLeft()
                + " restart(s) ended (killed, or the run ended) before any waiting mail left");
        md.append('\n');
        findings(md, "Lost alarms", figures.lost().entrySet().stream()
                .map(entry -> entry.getKey() + ": " + String.join("; ", entry.getValue())).toList(), shown);
        findings(md, "Unexplained duplicates", figures.unexplainedDuplicates().stream()
                .map(d -> d.alarmId() + " received " + d.deliveries() + " times: " + String.join("; ", d.copies())
                        + "; what else is known of it: " + String.join("; ", d.history()))
                .toList(), shown);
        findings(md, "Explained duplicates", figures.duplicates().stream().filter(Duplicate::explained)
                .map(d -> d.alarmId() + " received " + d.deliveries() + " times: " + String.join("; ", d.copies()))
                .toList(), shown);
        findings(md, "Alarm text run as AT commands", figures.injections(), shown);
        findings(md, "`+++` alarms delivered altered", figures.alteredEscapeText(), shown);
        findings(md, "Other alarms delivered altered", figures.alteredOther(), shown);
        findings(md, "Mails that carry no accepted alarm", figures.strays(), shown);
        findings(md, "Incidents", figures.incidents(), shown);
        return md.toString();
    }

    private static void row(StringBuilder md, String figure, String value) {
        md.append("| ").append(figure).append(" | ").append(value).append(" |\n");
    }

    private static void findings(StringBuilder md, String title, List<String> items, int shown) {
        if (items.isEmpty()) {
            return;
        }
        md.append("#### ").append(title).append(" (").append(items.size()).append(")\n\n");
        items.stream().limit(shown).forEach(item -> md.append("- ").append(item).append('\n'));
        if (items.size() > shown) {
            md.append("- … ").append(items.size() - shown).append(" more in the run's findings.md\n");
        }
        md.append('\n');
    }

    private static String counts(Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((name, count) -> parts.add(name + ": " + count));
        return " (" + String.join(", ", parts) + ")";
    }

    private static Map<String, Integer> kindNames(Map<KillKind, Integer> kills) {
        Map<String, Integer> names = new java.util.LinkedHashMap<>();
        kills.forEach((kind, count) -> names.put(kind.description(), count));
        return names;
    }

    private static Map<String, Integer> faultNames(Map<FaultKind, Integer> faults) {
        Map<String, Integer> names = new java.util.LinkedHashMap<>();
        faults.forEach((kind, count) -> names.put(kind.description(), count));
        return names;
    }
}
