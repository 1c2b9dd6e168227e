/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of a soak run, as the report states it.
 *
 * @param accepted alarms {@code send} accepted
 * @param refusedByCode alarms {@code send} refused, counted by code
 * @param delivered accepted alarms the SMTP server received at least once
 * @param reportedFinal accepted alarms not delivered whose service reported a final outcome, with it
 * @param lost accepted alarms neither delivered nor reported final, with what the run saw of each
 * @param duplicates alarms received more than once
 * @param injections alarm text the modules took as AT commands, and mails that went to the address only such
 *        text names
 * @param alteredEscapeText alarms with {@code +++} text that arrived different from what was sent
 * @param alteredOther other alarms that arrived different from what was sent
 * @param strays mails that carry no alarm of this run, or one that was never accepted
 * @param killsByKind SIGKILLs sent, by when in the gateway's life
 * @param killsDuringPut how many SIGKILLs fell inside a PUT (from the command to the host moving on)
 * @param faultsByKind faults armed, by kind
 * @param restarts restarts on the same storage
 * @param restartsWithPending restarts whose outbox held mail when they started
 * @param longestRestartToFirstPending the longest time from such a restart to the first of that mail leaving
 *        (its PUT), with the restart's number
 * @param restartsKilledBeforePendingLeft such restarts killed before any of that mail left
 * @param incidents things the run noticed that are neither kills nor faults (a gateway that ended by itself, a
 *        gateway that never got ready, transcript lines dropped)
 */
record SoakFigures(int accepted, Map<String, Integer> refusedByCode, int delivered, Map<String, String> reportedFinal,
        Map<String, List<String>> lost, List<Duplicate> duplicates, List<String> injections,
        List<String> alteredEscapeText, List<String> alteredOther, List<String> strays,
        Map<KillKind, Integer> killsByKind, int killsDuringPut, Map<FaultKind, Integer> faultsByKind, int restarts,
        int restartsWithPending, Optional<Map.Entry<Integer, Duration>> longestRestartToFirstPending,
        int restartsKilledBeforePendingLeft, List<String> incidents) {

    /** @return how many SIGKILLs were sent */
    int kills() {
        return killsByKind.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return how many were refused at {@code send} */
    int refused() {
        return refusedByCode.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** @return the duplicates no lost result explains */
    List<Duplicate> unexplainedDuplicates() {
        return duplicates.stream().filter(duplicate -> !duplicate.explained()).toList();
    }

    /**
     * @param targetKills the fewest kills asked for
     * @param targetAlarms the fewest accepted alarms asked for
     * @return why the run failed, empty when it passed
     */
    List<String> failures(int targetKills, int targetAlarms) {
        List<String> failures = new java.util.ArrayList<>();
        if (!lost.isEmpty()) {
            failures.add(lost.size() + " accepted alarm(s) lost");
        }
        if (!unexplainedDuplicates().isEmpty()) {
            failures.add(unexplainedDuplicates().size() + " duplicate(s) not explained by a lost result");
        }
        if (!injections.isEmpty()) {
            failures.add(injections.size() + " sign(s) of alarm text run as AT commands");
        }
        if (!alteredEscapeText.isEmpty()) {
            failures.add(alteredEscapeText.size() + " alarm(s) with '+++' text delivered altered");
        }
        if (kills() < targetKills) {
            failures.add("only " + kills() + " of " + targetKills + " kills");
        }
        if (accepted < targetAlarms) {
            failures.add("only " + accepted + " of " + targetAlarms + " alarms accepted");
        }
        return failures;
    }
}
