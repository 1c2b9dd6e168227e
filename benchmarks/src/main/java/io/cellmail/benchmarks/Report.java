/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The results of one run as Markdown: the environment, one table row per {@link Figure}, then a detail section per
 * benchmark (the model behind a figure, its raw numbers). Everything in it comes from the run itself.
 */
public final class Report {

    private final Environment environment;
    private final String command;
    private final RunOptions options;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    /**
     * @param environment where the run happens
     * @param command the command line that started the run, shown so anyone can rerun it
     * @param options how the run is set up
     */
    public Report(Environment environment, String command, RunOptions options) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.command = Objects.requireNonNull(command, "command");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** @param figure a row of the table */
    public synchronized void add(Figure figure) {
        figures.add(Objects.requireNonNull(figure, "figure"));
    }

    /**
     * @param title the section's heading
     * @param markdown its body
     */
    public synchronized void detail(String title, String markdown) {
        details.add("### " + title + "\n\n" + markdown.strip() + "\n");
    }

    /** @return the rows so far */
    public synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    /**
     * @param finishedAt when the run ended
     * @return the whole report
     */
    public synchronized String render(Instant finishedAt) {
        StringBuilder md = new StringBuilder();
        Duration took = Duration.between(environment.startedAt(), finishedAt);
        md.append(options.smoke() ? "Smoke run (tiny sizes; the figures prove only that each benchmark works)\n\n"
                : "");
        md.append("- Date: ").append(environment.startedAt()).append(" (UTC), took ")
                .append(took.toSeconds()).append(" s\n");
        md.append("- Machine: ").append(environment.machine()).append('\n');
        md.append("- JVM: ").append(environment.jvm()).append('\n');
        md.append("- Outbox disk: ").append(environment.disk()).append('\n');
        md.append(String.format(Locale.ROOT, "- Load average (1 min): %.2f at start, %.2f at end%n",
                environment.loadAtStart(), Environment.loadAverage()));
        md.append("- Settings: line ").append(options.baud()).append(" baud, command latency ")
                .append(options.commandLatency().toMillis()).append(" ms, host guard ")
                .append(options.hostGuard().toMillis()).append(" ms, modem guard ")
                .append(options.modemGuard().toMillis()).append(" ms; JMH ").append(options.jmhForks())
                .append(" forks × ").append(options.jmhIterations()).append(" iterations of ")
                .append(options.jmhIterationTime().toMillis()).append(" ms after ").append(options.jmhWarmups())
                .append(" warm-ups\n");
        md.append("- Command: `").append(command).append("`\n\n");
        md.append("| # | Figure | Measured | Reference | Ratio | Target | Verdict |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            md.append("| ").append(f.id()).append(" | ").append(f.name()).append(" | ").append(f.measured())
                    .append(" | ").append(f.reference()).append(" | ").append(f.ratio()).append(" | ")
                    .append(f.target()).append(" | ").append(f.verdict().text()).append(" |\n");
        }
        for (String detail : details) {
            md.append('\n').append(detail);
        }
        return md.toString();
    }

    /** @return now, to the second */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
