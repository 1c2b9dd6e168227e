/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the alarm bundle journalled, read back by the harness: {@code accepted.log} (what {@code send} accepted or
 * refused, the stages' outcomes, when the service was got and let go) and {@code events.log} (the services'
 * events). Both are forced line by line, so they hold everything that happened before a SIGKILL.
 */
final class AlarmJournal {

    static final String ACCEPTED = "accepted.log";
    static final String EVENTS = "events.log";
    /** Outcomes that end a mail without delivery; a stage that failed with SERVICE_STOPPED ended only the stage. */
    private static final Set<String> FINAL_EVENTS = Set.of("FAILED", "EXPIRED", "CANCELLED");
    private static final Set<String> STATUS_FINAL = Set.of("STATUS_FAILED", "STATUS_EXPIRED", "STATUS_CANCELLED");

    private final Path directory;

    AlarmJournal(Path directory) {
        this.directory = directory;
    }

    Path directory() {
        return directory;
    }

    /**
     * @return both journals as they are now
     * @throws IOException when a journal cannot be read
     */
    Snapshot read() throws IOException {
        return new Snapshot(entries(ACCEPTED), entries(EVENTS));
    }

    private List<JournalEntry> entries(String name) throws IOException {
        Path file = directory.resolve(name);
        if (!Files.exists(file)) {
            return List.of();
        }
        List<JournalEntry> entries = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            lines.forEach(line -> JournalEntry.parse(line).ifPresent(entries::add));
        }
        return entries;
    }

    /**
     * The journals at one moment.
     *
     * @param sender the sender's journal, oldest first
     * @param events the event journal, oldest first
     */
    record Snapshot(List<JournalEntry> sender, List<JournalEntry> events) {

        Snapshot {
            sender = List.copyOf(sender);
            events = List.copyOf(events);
        }

        /** @return the ids {@code send} accepted */
        Set<String> accepted() {
            return ids(sender, "ACCEPTED");
        }

        /** @return the ids {@code send} refused, with the code of the refusal */
        Map<String, String> refused() {
            Map<String, String> refused = new TreeMap<>();
            for (JournalEntry entry : sender) {
                if (entry.kind().equals("REFUSED") || entry.kind().equals("ERROR")) {
                    refused.put(entry.id(), entry.kind().equals("ERROR") ? "ERROR " + entry.detail()
                            : entry.code().orElse(entry.detail()));
                }
            }
            return refused;
        }

        /** @return the ids whose mail service reported a final outcome other than delivery, with the outcome */
        Map<String, String> reportedFinal() {
            Map<String, String> outcomes = new TreeMap<>();
            for (JournalEntry entry : events) {
                if (FINAL_EVENTS.contains(entry.kind())) {
                    outcomes.put(entry.id(), entry.kind() + entry.code().map(code -> " " + code).orElse(""));
                }
            }
            for (JournalEntry entry : sender) {
                if (entry.kind().equals("STAGE_FAILED") && !entry.detail().startsWith("SERVICE_STOPPED")) {
                    outcomes.putIfAbsent(entry.id(), "stage failed " + entry.detail());
                } else if (STATUS_FINAL.contains(entry.kind())) {
                    // asked after a restart: the event was posted before a kill and reached nobody
                    outcomes.putIfAbsent(entry.id(), entry.kind().substring("STATUS_".length()) + " (status after a "
                            + "restart) " + entry.detail());
                }
            }
            return outcomes;
        }

        /** @return how many times the gateway's alarm bundle started (one per gateway start that got that far) */
        long starts() {
            return sender.stream().filter(entry -> entry.kind().equals("STARTED")).count();
        }

        /**
         * @param id an alarm
         * @return every line of both journals about it, in time order
         */
        List<JournalEntry> about(String id) {
            List<JournalEntry> about = new ArrayList<>();
            Stream.concat(sender.stream(), events.stream()).filter(entry -> entry.id().equals(id))
                    .sorted(java.util.Comparator.comparing(JournalEntry::time)).forEach(about::add);
            return about;
        }

        /** @return when the bundle got and let go of the mail service, in time order */
        List<JournalEntry> serviceHolds() {
            return sender.stream().filter(entry -> entry.kind().equals("ACQUIRED") || entry.kind().equals("RELEASED"))
                    .toList();
        }

        private static Set<String> ids(List<JournalEntry> entries, String kind) {
            Set<String> ids = new TreeSet<>();
            entries.stream().filter(entry -> entry.kind().equals(kind)).forEach(entry -> ids.add(entry.id()));
            return ids;
        }
    }
}
