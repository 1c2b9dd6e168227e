/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns what a run saw into its figures: which accepted alarms arrived, which were reported final, which were
 * lost; for every alarm that arrived twice, whether each extra copy comes from a result that was lost on its way
 * from the SMTP server to the outbox; and how soon pending mail left after each restart.
 */
final class Accounting {

    /** How long a gateway may take to record a PUT's result; a kill later than that is no longer "during the PUT". */
    static final Duration RECORD_GRACE = Duration.ofSeconds(2);
    /** How late the soak may notice a mail's arrival after the module said its result. */
    static final Duration ARRIVAL_SLACK = Duration.ofMillis(500);

    private final RunRecord run;
    private final Map<String, List<Delivery>> byAlarm;

    Accounting(RunRecord run) {
        this.run = run;
        this.byAlarm = run.deliveries().stream().filter(delivery -> delivery.alarmId().isPresent())
                .collect(Collectors.groupingBy(delivery -> delivery.alarmId().get(), TreeMap::new,
                        Collectors.toList()));
    }

    SoakFigures figures() {
        Set<String> accepted = run.journal().accepted();
        Map<String, String> reportedFinal = new TreeMap<>(run.journal().reportedFinal());
        reportedFinal.keySet().removeIf(id -> !accepted.contains(id) || byAlarm.containsKey(id));
        Map<String, List<String>> lost = new TreeMap<>();
        for (String id : accepted) {
            if (!byAlarm.containsKey(id) && !reportedFinal.containsKey(id)) {
                lost.put(id, evidenceOfLoss(id));
            }
        }
        List<Duplicate> duplicates = new ArrayList<>();
        byAlarm.forEach((id, copies) -> {
            if (copies.size() > 1) {
                duplicates.add(duplicate(id, copies));
            }
        });
        RestartFigures restarts = restartFigures();
        return new SoakFigures(accepted.size(), refusedByCode(), (int) accepted.stream().filter(byAlarm::containsKey)
                .count(), reportedFinal, lost, duplicates, injections(), altered(true), altered(false), strays(),
                killsByKind(), killsDuringPut(), faultsByKind(), run.restarts().size(), restarts.withPending(),
                restarts.longest(), restarts.killedBeforeOneLeft(), run.incidents());
    }

    private Map<String, Integer> refusedByCode() {
        Map<String, Integer> counts = new TreeMap<>();
        run.journal().refused().values().forEach(code -> counts.merge(code, 1, Integer::sum));
        return counts;
    }

    private List<String> evidenceOfLoss(String id) {
        List<String> evidence = new ArrayList<>();
        if (run.outboxFiles().contains(id)) {
            evidence.add("its outbox file is still there at the end: not delivered, not settled");
        } else if (run.setAside().stream().anyMatch(file -> file.startsWith(id + ".msg"))) {
            evidence.add("its outbox file was moved to corrupt/ without a FAILED event");
        } else {
            evidence.add("no outbox file is left, no delivery, no final event");
        }
        List<Put> puts = putsOf(id);
        evidence.add(puts.isEmpty() ? "no PUT of it reached the module" : puts.size() + " PUT(s), the last: "
                + puts.get(puts.size() - 1));
        List<JournalEntry> journal = run.journal().about(id);
        journal.subList(Math.max(0, journal.size() - 4), journal.size())
                .forEach(entry -> evidence.add("journal: " + entry));
        return evidence;
    }

    private Duplicate duplicate(String id, List<Delivery> copies) {
        Map<Delivery, Optional<Put>> carriers = carriers(copies, putsOf(id));
        List<String> reasons = new ArrayList<>();
        int credited = 0;
        for (Map.Entry<Delivery, Optional<Put>> copy : carriers.entrySet()) {
            String received = "copy received " + copy.getKey().firstSeen();
            if (copy.getValue().isEmpty()) {
                reasons.add(received + ": no PUT of this alarm could have carried it");
                credited++;
                continue;
            }
            Optional<String> lostResult = whyResultLost(copy.getValue().get());
            reasons.add(received + " from " + copy.getValue().get() + ": " + lostResult.orElse(
                    "its result reached the connected gateway and no kill followed"));
            if (lostResult.isEmpty()) {
                credited++;
            }
        }
        // One copy may come from a PUT whose result the gateway got: the one that ended the mail.
        List<String> history = new ArrayList<>();
        run.journal().about(id).forEach(entry -> history.add("journal: " + entry));
        run.restarts().stream().filter(restart -> restart.pending().contains(id))
                .forEach(restart -> history.add("restart " + restart.number() + " at " + restart.at()
                        + " found it waiting in the outbox"));
        return new Duplicate(id, copies.size(), reasons, credited <= 1, history);
    }

    /**
     * Matches each copy with the PUT that carried it: one whose SMTP transaction ran when the copy arrived, the one
     * that ended first when several did (a slow PUT on an unplugged module may still deliver while the gateway
     * sends the mail again through the other one). A PUT carries at most one copy.
     */
    private static Map<Delivery, Optional<Put>> carriers(List<Delivery> copies, List<Put> puts) {
        Map<Delivery, Optional<Put>> carriers = new java.util.LinkedHashMap<>();
        List<Put> free = new ArrayList<>(puts);
        for (Delivery copy : copies.stream().sorted(Comparator.comparing(Delivery::firstSeen)).toList()) {
            Optional<Put> carrier = free.stream().filter(put -> put.mayHaveDelivered()
                    && !put.start().isAfter(copy.firstSeen())
                    && !put.mayDeliverUntil(ARRIVAL_SLACK).isBefore(copy.firstSeen()))
                    .min(Comparator.comparing((Put put) -> put.mayDeliverUntil(ARRIVAL_SLACK))
                            .thenComparing(Put::start));
            carrier.ifPresent(free::remove);
            carriers.put(copy, carrier);
        }
        return carriers;
    }

    /** @return why the PUT's result never made it into the outbox, if the run caused that */
    private Optional<String> whyResultLost(Put put) {
        Instant end = put.outcomeRecordedBy(RECORD_GRACE);
        Optional<Kill> kill = run.kills().stream().filter(k -> !k.at().isBefore(put.start()) && !k.at().isAfter(end))
                .findFirst();
        if (kill.isPresent()) {
            return Optional.of("the gateway was killed during that PUT (" + kill.get() + ")");
        }
        if (put.rebootedAt().isPresent()) {
            return Optional.of("the module rebooted during that PUT and never said its result");
        }
        if (put.resultAt().isPresent() && !connectedAt(put.resultAt().get())) {
            Instant resultAt = put.resultAt().get();
            Optional<ArmedFault> drop = run.faults().stream().filter(f -> f.kind() == FaultKind.DROPPED_LINK
                    && !f.at().isBefore(put.start()) && !f.at().isAfter(resultAt)).findFirst();
            if (drop.isPresent()) {
                return Optional.of("the link was dropped during that PUT (" + drop.get().at() + ") and its result"
                        + " came while no gateway was connected");
            }
        }
        return Optional.empty();
    }

    private boolean connectedAt(Instant instant) {
        return run.connections().stream().anyMatch(connection -> connection.covers(instant));
    }

    private List<Put> putsOf(String id) {
        return run.puts().stream().filter(put -> put.alarmId().filter(id::equals).isPresent()).toList();
    }

    private List<String> injections() {
        List<String> injections = new ArrayList<>();
        run.textHeardAsCommands().forEach(line -> injections.add("the " + line.module() + " module took alarm text"
                + " as a command at " + line.time() + ": " + line.line().text()));
        run.deliveries().stream().filter(d -> d.recipients().stream().anyMatch(r -> r.contains(Alarm.INTRUDER)))
                .forEach(d -> injections.add(d.alarmId().orElse("(no alarm)") + " received " + d.firstSeen()
                        + " addressed to " + d.recipients()));
        return injections;
    }

    private List<String> altered(boolean escapeText) {
        List<String> altered = new ArrayList<>();
        for (Delivery delivery : run.deliveries()) {
            Alarm alarm = delivery.alarmId().map(run.requested()::get).orElse(null);
            if (alarm != null && alarm.escapeText() == escapeText && !alarm.intact(delivery.body())) {
                altered.add(alarm.id() + " received " + delivery.firstSeen() + " with a body of "
                        + delivery.body().length() + " characters instead of " + alarm.body().length() + ": "
                        + abbreviated(delivery.body()));
            }
        }
        return altered;
    }

    private List<String> strays() {
        Set<String> accepted = run.journal().accepted();
        return run.deliveries().stream().filter(d -> d.alarmId().filter(accepted::contains).isEmpty())
                .map(d -> d.alarmId().map(id -> id + " (never accepted by send)").orElse("a mail without alarm id")
                        + " received " + d.firstSeen())
                .toList();
    }

    private Map<KillKind, Integer> killsByKind() {
        Map<KillKind, Integer> counts = new EnumMap<>(KillKind.class);
        run.kills().forEach(kill -> counts.merge(kill.kind(), 1, Integer::sum));
        return counts;
    }

    private int killsDuringPut() {
        return (int) run.kills().stream().filter(kill -> run.puts().stream().anyMatch(put ->
                !kill.at().isBefore(put.start()) && !kill.at().isAfter(put.outcomeRecordedBy(RECORD_GRACE))))
                .count();
    }

    private Map<FaultKind, Integer> faultsByKind() {
        Map<FaultKind, Integer> counts = new EnumMap<>(FaultKind.class);
        run.faults().forEach(fault -> counts.merge(fault.kind(), 1, Integer::sum));
        return counts;
    }

    /** How soon pending mail left after restarts. */
    private record RestartFigures(int withPending, Optional<Map.Entry<Integer, Duration>> longest,
            int killedBeforeOneLeft) {
    }

    private RestartFigures restartFigures() {
        int withPending = 0;
        int killedBefore = 0;
        Map.Entry<Integer, Duration> longest = null;
        for (Restart restart : run.restarts()) {
            if (restart.pending().isEmpty()) {
                continue;
            }
            withPending++;
            Instant until = run.kills().stream().map(Kill::at).filter(at -> at.isAfter(restart.at()))
                    .min(Comparator.naturalOrder()).orElse(Instant.MAX);
            Optional<Put> first = run.puts().stream().filter(put -> put.start().isAfter(restart.at())
                    && put.start().isBefore(until) && put.alarmId().filter(restart.pending()::contains).isPresent())
                    .findFirst();
            if (first.isEmpty()) {
                killedBefore++;
                continue;
            }
            Duration took = Duration.between(restart.at(), first.get().start());
            if (longest == null || took.compareTo(longest.getValue()) > 0) {
                longest = Map.entry(restart.number(), took);
            }
        }
        return new RestartFigures(withPending, Optional.ofNullable(longest), killedBefore);
    }

    private static String abbreviated(String text) {
        String flat = text.replace("\r", "\\r").replace("\n", "\\n");
        return "'" + (flat.length() > 60 ? flat.substring(0, 60) + "…" : flat) + "'";
    }
}
