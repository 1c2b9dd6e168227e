/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The heart of the soak: gateway runs, each ended by a SIGKILL of the kind the deck deals, while alarms flow in and
 * faults are armed, until both targets are met (or the time limit).
 */
final class KillPhase {

    private final SoakOptions options;
    private final GatewayRuns runs;
    private final GatewayKiller killer;
    private final Deck<KillKind> kinds;
    private final AlarmProducer producer;
    private final AlarmJournal journal;
    private final TranscriptFollower transcripts;
    private final SmtpSink smtp;
    private final PrintStream console;
    private final List<Kill> kills = new ArrayList<>();
    private final List<String> incidents = new ArrayList<>();

    KillPhase(SoakOptions options, GatewayRuns runs, GatewayKiller killer, Deck<KillKind> kinds,
            AlarmProducer producer, AlarmJournal journal, TranscriptFollower transcripts, SmtpSink smtp,
            PrintStream console) {
        this.options = Objects.requireNonNull(options, "options");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.killer = Objects.requireNonNull(killer, "killer");
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.transcripts = Objects.requireNonNull(transcripts, "transcripts");
        this.smtp = Objects.requireNonNull(smtp, "smtp");
        this.console = Objects.requireNonNull(console, "console");
    }

    /**
     * Runs and kills gateways until both targets are met or the time limit is reached.
     *
     * @throws IOException when a gateway cannot be started or the journal not read
     * @throws InterruptedException when interrupted
     */
    void run() throws IOException, InterruptedException {
        Instant limit = Instant.now().plus(options.timeLimit());
        while (kills.size() < options.kills() || !producer.done()) {
            if (Instant.now().isAfter(limit)) {
                incidents.add("the kill phase reached its time limit of " + options.timeLimit().toSeconds()
                        + " s with " + kills.size() + " kills and " + journal.read().accepted().size()
                        + " accepted alarms");
                return;
            }
            // A run on the lenient module gets an alarm with '+++' text before it starts, and is not killed before
            // that alarm was refused or sent: the fault must meet its test case.
            Optional<EscapeTextTrial> trial = runs.nextPlugsInLenient()
                    ? Optional.of(new EscapeTextTrial(producer, journal, transcripts, Instant.now()))
                    : Optional.empty();
            GatewayProcess gateway = runs.startNext();
            GatewayKiller.Outcome outcome = killer.kill(gateway, kinds.draw(), kills.size() + 1, trial);
            outcome.kill().ifPresent(kills::add);
            outcome.incident().ifPresent(incidents::add);
            console.println("cellmail soak: " + outcome.kill().map(Kill::toString).orElse(outcome.incident()
                    .orElse("")) + "; accepted so far " + journal.read().accepted().size() + ", delivered "
                    + smtp.count());
        }
    }

    List<Kill> kills() {
        return List.copyOf(kills);
    }

    List<String> incidents() {
        return List.copyOf(incidents);
    }
}
