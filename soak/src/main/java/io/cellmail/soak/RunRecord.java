/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a soak run saw, raw: what it asked for, what the consumer journalled, what the SMTP server received,
 * what the modules heard, and what the soak did.
 *
 * @param requested the alarms put into the spool, by id
 * @param journal the alarm bundle's journals at the end
 * @param deliveries what the SMTP server received, in arrival order
 * @param puts the PUTs the modules ran, in time order
 * @param kills the SIGKILLs sent
 * @param restarts the restarts after them, the final one included
 * @param faults the faults armed
 * @param connections when a host was connected to the line
 * @param outboxFiles the ids whose outbox files were left at the end
 * @param setAside the files the service moved to {@code corrupt/}
 * @param textHeardAsCommands command lines the modules heard that are alarm text (they name the intruder's
 *        address, which only the {@code +++} alarms' bodies hold)
 * @param incidents what else the run noticed
 */
record RunRecord(Map<String, Alarm> requested, AlarmJournal.Snapshot journal, List<Delivery> deliveries,
        List<Put> puts, List<Kill> kills, List<Restart> restarts, List<ArmedFault> faults,
        List<ModemLine.Connection> connections, Set<String> outboxFiles, Set<String> setAside,
        List<HeardLine> textHeardAsCommands, List<String> incidents) {

    RunRecord {
        requested = Map.copyOf(requested);
        deliveries = List.copyOf(deliveries);
        puts = List.copyOf(puts);
        kills = List.copyOf(kills);
        restarts = List.copyOf(restarts);
        faults = List.copyOf(faults);
        connections = List.copyOf(connections);
        outboxFiles = Set.copyOf(outboxFiles);
        setAside = Set.copyOf(setAside);
        textHeardAsCommands = List.copyOf(textHeardAsCommands);
        incidents = List.copyOf(incidents);
    }
}
