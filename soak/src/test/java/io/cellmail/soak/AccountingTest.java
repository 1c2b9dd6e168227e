/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The figures of a run: what counts as lost, and which duplicates a lost result explains. */
class AccountingTest {

    private final List<JournalEntry> sender = new ArrayList<>();
    private final List<JournalEntry> events = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Kill> kills = new ArrayList<>();
    private final List<ArmedFault> faults = new ArrayList<>();
    private final List<ModemLine.Connection> connections = new ArrayList<>(
            List.of(new ModemLine.Connection(Lines.time(0), Optional.empty())));
    private List<HeardLine> transcript = List.of();

    @Test
    void shouldCountAnAcceptedAlarmNeitherDeliveredNorReportedFinalAsLost() {
        accepted("a00001", "a00002", "a00003");
        delivered("a00001", 10);
        events.add(new JournalEntry(Lines.time(20), "FAILED", "a00002", "attempt=1 code=-550 name=X"));

        SoakFigures figures = figures(Set.of("a00003"));

        assertThat(figures.delivered()).isEqualTo(1);
        assertThat(figures.reportedFinal()).containsOnlyKeys("a00002");
        assertThat(figures.lost()).containsOnlyKeys("a00003");
        assertThat(figures.lost().get("a00003").get(0)).contains("outbox file is still there");
    }

    @Test
    void shouldNotTakeAStageEndedByAStoppingServiceForAFinalOutcome() {
        accepted("a00001");
        sender.add(new JournalEntry(Lines.time(5), "STAGE_FAILED", "a00001", "SERVICE_STOPPED 1009"));

        assertThat(figures(Set.of()).lost()).containsOnlyKeys("a00001");
    }

    @Test
    void shouldExplainADuplicateWhoseFirstPutWasCutByAKill() {
        accepted("a00001");
        transcript = new Lines("strict").put("a00001").at(300).module("+QSMTPPUT:0")
                .at(5_000).put("a00001").at(5_300).module("+QSMTPPUT:0").lines();
        delivered("a00001", 250);
        kills.add(new Kill(1, KillKind.AFTER_DELIVERY, Lines.time(260), Lines.time(0), ""));
        delivered("a00001", 5_250);

        SoakFigures figures = figures(Set.of());

        assertThat(figures.duplicates()).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.deliveries()).isEqualTo(2);
            assertThat(duplicate.explained()).isTrue();
            assertThat(duplicate.copies().get(0)).contains("killed during that PUT");
        });
        assertThat(figures.killsDuringPut()).isEqualTo(1);
    }

    @Test
    void shouldNotExplainADuplicateWhoseFirstResultReachedTheConnectedGateway() {
        accepted("a00001");
        transcript = new Lines("strict").put("a00001").at(25_000).module("+QSMTPPUT:0")
                .at(30_000).put("a00001").at(30_300).module("+QSMTPPUT:0").lines();
        delivered("a00001", 24_990);
        delivered("a00001", 30_250);

        SoakFigures figures = figures(Set.of());

        assertThat(figures.unexplainedDuplicates()).singleElement()
                .satisfies(duplicate -> assertThat(duplicate.copies().get(0)).contains("reached the connected"));
    }

    @Test
    void shouldExplainADuplicateByAModuleRebootOrALinkDroppedDuringThePut() {
        accepted("a00001", "a00002");
        Lines lines = new Lines("strict").put("a00001").at(100).module("RDY").at(1_000).put("a00001")
                .at(1_300).module("+QSMTPPUT:0").at(2_000).put("a00002").at(2_500).module("+QSMTPPUT:0")
                .at(4_000).put("a00002").at(4_300).module("+QSMTPPUT:0");
        transcript = lines.lines();
        delivered("a00001", 200);
        delivered("a00001", 1_250);
        delivered("a00002", 2_400);
        delivered("a00002", 4_250);
        faults.add(new ArmedFault(FaultKind.DROPPED_LINK, Lines.time(2_100), "strict", "connection closed"));
        connections.clear();
        connections.add(new ModemLine.Connection(Lines.time(0), Optional.of(Lines.time(2_100))));
        connections.add(new ModemLine.Connection(Lines.time(3_000), Optional.empty()));

        SoakFigures figures = figures(Set.of());

        assertThat(figures.duplicates()).hasSize(2).allMatch(Duplicate::explained);
        assertThat(figures.duplicates().get(0).copies().get(0)).contains("module rebooted");
        assertThat(figures.duplicates().get(1).copies().get(0)).contains("link was dropped");
    }

    @Test
    void shouldMatchALateCopyFromAnUnpluggedModuleWithItsOwnPut() {
        accepted("a00001");
        List<HeardLine> lines = new ArrayList<>(new Lines("strict").put("a00001").at(30_000)
                .module("+QSMTPPUT:0").lines());
        lines.addAll(new Lines("lenient").at(5_000).put("a00001").at(5_300).module("+QSMTPPUT:0").lines());
        lines.sort(java.util.Comparator.comparing(HeardLine::time));
        transcript = lines;
        kills.add(new Kill(1, KillKind.TIMED, Lines.time(1_000), Lines.time(0), ""));
        delivered("a00001", 5_250);
        delivered("a00001", 29_990);

        assertThat(figures(Set.of()).duplicates()).singleElement().satisfies(duplicate -> {
            assertThat(duplicate.explained()).as(duplicate.copies().toString()).isTrue();
            assertThat(duplicate.copies().get(1)).contains("strict module").contains("killed");
        });
    }

    @Test
    void shouldFindMailToTheIntruderAndEscapeTextDeliveredCutShort() {
        accepted("a00001");
        Alarm escape = new Alarm("a00001", "SOAK a00001 x", "Valve +++\r\nAT+QSMTPPUT\r\nrest", Optional.empty(), 0,
                true);
        deliveries.add(new Delivery("<1@x>", Optional.of("a00001"), Lines.time(10),
                List.of(Alarm.RECIPIENT, Alarm.INTRUDER), "Valve ", List.of()));

        SoakFigures figures = new Accounting(new RunRecord(Map.of("a00001", escape),
                new AlarmJournal.Snapshot(sender, events), deliveries, PutLog.of(transcript), kills, List.of(), faults,
                connections, Set.of(), Set.of(), new Lines("lenient").host("AT+QSMTPDST=1,1,\"" + Alarm.INTRUDER
                        + "\"").lines(), List.of())).figures();

        assertThat(figures.injections()).hasSize(2);
        assertThat(figures.alteredEscapeText()).hasSize(1);
        assertThat(figures.failures(0, 0)).hasSize(2);
        assertThat(figures.injections().get(0)).contains("took alarm text as a command");
    }

    private void accepted(String... ids) {
        for (String id : ids) {
            sender.add(new JournalEntry(Lines.time(0), "ACCEPTED", id, ""));
        }
    }

    private void delivered(String id, long at) {
        deliveries.add(new Delivery("<" + deliveries.size() + "@soak>", Optional.of(id), Lines.time(at),
                List.of(Alarm.RECIPIENT), "body", List.of()));
    }

    private SoakFigures figures(Set<String> outboxFiles) {
        return new Accounting(new RunRecord(Map.of(), new AlarmJournal.Snapshot(sender, events), deliveries,
                PutLog.of(transcript), kills, List.of(), faults, connections, outboxFiles, Set.of(), List.of(),
                List.of()))
                .figures();
    }
}
