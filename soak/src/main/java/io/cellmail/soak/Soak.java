/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;


/**
 * One soak run: the real gateway distribution as a separate process with the alarm bundle as its consumer, the
 * emulated module on a TCP line relaying to a real SMTP server, alarms flowing in, faults armed at random, and
 * SIGKILLs until both targets are met; then one last gateway that must deliver or settle every accepted alarm,
 * and the accounting.
 */
final class Soak {

    static final String SERVICE_NAME = "soak";
    /** The gateway's settings that only cost time are short; the send deadline is short enough to be tested. */
    static final Map<String, String> GATEWAY_TIMING = timing();

    private final SoakOptions options;
    private final Path root;
    private final PrintStream console;

    /**
     * @param options what to do
     * @param root the repository, for the report's commit
     * @param console where progress goes
     */
    Soak(SoakOptions options, Path root, PrintStream console) {
        this.options = Objects.requireNonNull(options, "options");
        this.root = Objects.requireNonNull(root, "root");
        this.console = Objects.requireNonNull(console, "console");
    }

    /** The outcome: the report and whether the run passed. */
    record Result(SoakReport report, SoakFigures figures, Path workDirectory) {
    }

    Result run() throws IOException, InterruptedException {
        RunEnvironment environment = RunEnvironment.capture(root);
        long began = System.nanoTime();
        console.println("cellmail soak: seed " + options.seed() + "; replay with: " + options.commandLine());
        Path work = clean(options.workDirectory());
        Random seeds = new Random(options.seed());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cellmail-soak-timer");
            thread.setDaemon(true);
            return thread;
        });
        try (SmtpSink smtp = SmtpSink.start();
                Modules modules = Modules.create(smtp.route());
                TranscriptFollower transcripts = TranscriptFollower.start(modules.transcripts(),
                        work.resolve("modem-transcript.log"));
                ModemLine line = ModemLine.start(modules.strict());
                SmallDisk disk = SmallDisk.mount(work.resolve("outbox"), options.outboxDiskSize());
                ChildProcesses children = new ChildProcesses()) {
            children.releaseOnSignal(disk);
            AlarmJournal journal = new AlarmJournal(work.resolve("journal"));
            AlarmSpool spool = new AlarmSpool(work.resolve("spool"));
            GatewayInstall install = GatewayInstall.create(options.distribution(), work,
                    mailService(line.port(), disk.directory()), alarms(spool.directory(), journal.directory()));
            console.println("cellmail soak: gateway copy " + install.home() + ", modem line tcp://127.0.0.1:"
                    + line.port() + ", SMTP " + smtp.route() + ", outbox on " + disk.description());
            AlarmProducer producer = new AlarmProducer(new AlarmFactory(new Random(seeds.nextLong()), 0.04, 0.35),
                    spool, journal, options.alarms(), options.meanAlarmGap(), new Random(seeds.nextLong()),
                    () -> line.module() == modules.lenient());
            FaultArmer armer = new FaultArmer(new Deck<>(List.of(FaultKind.values()), new Random(seeds.nextLong())),
                    new FaultInjector(line, modules, disk, timer, new Random(seeds.nextLong())), timer,
                    options.meanFaultGap(), new Random(seeds.nextLong()));
            Deck<KillKind> killKinds = new Deck<>(List.of(KillKind.DURING_STARTUP, KillKind.TIMED, KillKind.TIMED,
                    KillKind.AT_PUT_START, KillKind.AFTER_DELIVERY), new Random(seeds.nextLong()));
            GatewayKiller killer = new GatewayKiller(transcripts, smtp, journal, new Random(seeds.nextLong()));
            GatewayRuns runs = new GatewayRuns(install, new ModulePlan(options.kills(), new Random(seeds.nextLong())),
                    line, modules, children, work, disk.directory());
            KillPhase phase = new KillPhase(options, runs, killer, killKinds, producer, journal, transcripts, smtp,
                    console);
            producer.start();
            armer.start();
            try {
                phase.run();
            } finally {
                armer.stop();
                producer.close();
            }
            modules.strict().faults().clear();
            modules.lenient().faults().clear();
            disk.free();
            List<String> incidents = new ArrayList<>(phase.incidents());
            incidents.addAll(finalRun(runs, journal, smtp, transcripts, phase.kills().size()));
            List<HeardLine> heard = transcripts.lines();
            RunRecord seen = new RunRecord(producer.requested(), journal.read(), smtp.deliveries(),
                    PutLog.of(heard), phase.kills(), runs.restarts(), armer.armed(), line.connections(),
                    runs.outboxIds(), runs.setAside(),
                    heard.stream().filter(l -> l.fromHost() && l.line().text().contains(Alarm.INTRUDER)).toList(),
                    incidents);
            writeEvidence(work, seen);
            SoakFigures figures = new Accounting(seen).figures();
            SoakReport report = new SoakReport(options, environment, figures,
                    Duration.ofNanos(System.nanoTime() - began), setup(disk));
            Files.writeString(work.resolve("findings.md"), report.render(true));
            return new Result(report, figures, work);
        } finally {
            timer.shutdownNow();
        }
    }

    /**
     * The last gateway, without faults or kills, gets the final wait to deliver or settle every accepted alarm; then
     * SIGTERM.
     *
     * @return what went wrong, if anything
     */
    private List<String> finalRun(GatewayRuns runs, AlarmJournal journal, SmtpSink smtp,
            TranscriptFollower transcripts, int kills) throws IOException, InterruptedException {
        List<String> incidents = new ArrayList<>();
        GatewayProcess last = runs.startNext();
        console.println("cellmail soak: kill phase over (" + kills + " kills); the last gateway gets "
                + options.finalWait().toSeconds() + " s to deliver or settle every accepted alarm");
        if (!BoundedWait.until(() -> settled(journal, smtp), options.finalWait())) {
            long heard = transcripts.lines().stream().filter(l -> l.fromHost() && l.time().isAfter(
                    last.startedAt())).count();
            boolean held = journal.read().serviceHolds().stream().anyMatch(hold -> hold.kind().equals("ACQUIRED")
                    && hold.time().isAfter(last.startedAt()));
            incidents.add("not every accepted alarm was delivered or settled within the final wait of "
                    + options.finalWait().toSeconds() + " s; the module heard " + heard + " command line(s) from"
                    + " the last gateway, whose alarm bundle " + (held ? "got" : "never got (nothing to send)")
                    + " the mail service");
        }
        if (!last.stop(Duration.ofSeconds(30))) {
            incidents.add("the last gateway did not stop within 30 s of SIGTERM and was killed");
        }
        if (transcripts.lostLines() > 0) {
            incidents.add(transcripts.lostLines() + " transcript read(s) came too late and lost lines");
        }
        return incidents;
    }

    private static boolean settled(AlarmJournal journal, SmtpSink smtp) {
        try {
            AlarmJournal.Snapshot snapshot = journal.read();
            Set<String> open = new TreeSet<>(snapshot.accepted());
            open.removeAll(snapshot.reportedFinal().keySet());
            smtp.deliveries().forEach(delivery -> delivery.alarmId().ifPresent(open::remove));
            return open.isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> mailService(int port, Path outbox) {
        Map<String, String> service = new LinkedHashMap<>();
        service.put("cellmail.name", SERVICE_NAME);
        service.put("port", "tcp://127.0.0.1:" + port);
        service.put("baud", "115200");
        service.put("flowControl", "none");
        service.put("smtpHost", "smtp.soak.example");
        service.put("smtpPort", "25");
        service.put("authentication", "false");
        service.put("senderAddress", "gateway@soak.example");
        service.put("senderName", "cellmail soak");
        service.put("outboxDirectory", outbox.toAbsolutePath().toString());
        service.putAll(GATEWAY_TIMING);
        return service;
    }

    private Map<String, String> alarms(Path spool, Path journal) {
        Map<String, String> alarms = new LinkedHashMap<>();
        alarms.put("spoolDirectory", spool.toAbsolutePath().toString());
        alarms.put("journalDirectory", journal.toAbsolutePath().toString());
        alarms.put("holdService", Boolean.toString(options.consumerHoldsService()));
        alarms.put("releaseAfterIdle", "2000");
        alarms.put("mailService.target", "(cellmail.name=" + SERVICE_NAME + ")");
        return alarms;
    }

    private static Map<String, String> timing() {
        Map<String, String> timing = new LinkedHashMap<>();
        timing.put("guardTime", "150");
        timing.put("sendDeadline", "20");
        timing.put("retryBase", "1");
        timing.put("retryCap", "5");
        timing.put("maxPerHour", "0");
        return Map.copyOf(timing);
    }

    private List<String> setup(SmallDisk disk) {
        return List.of("Gateway: the Felix distribution as a separate process, `--data` kept across restarts, `--conf`"
                + " with `io.cellmail.mail-soak.cfg`: port tcp://127.0.0.1 (the emulator), guardTime 150 ms,"
                + " sendDeadline 20 s, retryBase 1 s, retryCap 5 s, maxPerHour 0, escapeMode auto (the default: the driver probes each module)",
                "Modules: emulated M95 `strict` (guard time " + Modules.GUARD_TIME.toMillis() + " ms) and `lenient`"
                        + " (ends data mode at any `+++`), swapped between some runs; SMTP relayed to GreenMail on"
                        + " 127.0.0.1",
                "Consumer: the soak's alarm bundle (DS component, `ComponentServiceObjects<CellularMailService>`),"
                        + (options.consumerHoldsService() ? " holding the service for good"
                                : " holding the service only while it has alarms to send (let go after 2 s idle)"),
                "Outbox disk: " + disk.description());
    }

    /** Everything the accounting used, as one time line in the run's directory. */
    private static void writeEvidence(Path work, RunRecord seen) throws IOException {
        List<Map.Entry<Instant, String>> events = new ArrayList<>();
        seen.kills().forEach(kill -> events.add(Map.entry(kill.at(), kill.toString())));
        seen.restarts().forEach(restart -> events.add(Map.entry(restart.at(), "restart " + restart.number()
                + " on the " + restart.module() + " module, waiting in the outbox: " + restart.pending())));
        seen.faults().forEach(fault -> events.add(Map.entry(fault.at(), "fault " + fault.kind().description() + " ("
                + fault.how() + ") on the " + fault.module() + " module")));
        seen.connections().forEach(connection -> events.add(Map.entry(connection.from(), "line connected until "
                + connection.to().map(Instant::toString).orElse("the end"))));
        seen.puts().forEach(put -> events.add(Map.entry(put.start(), put.toString())));
        seen.deliveries().forEach(delivery -> events.add(Map.entry(delivery.firstSeen(), "delivery of "
                + delivery.alarmId().orElse("(no alarm)") + " to " + delivery.recipients())));
        events.sort(Map.Entry.comparingByKey());
        Files.write(work.resolve("timeline.txt"), events.stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** Empties the run's directory; a tmpfs a killed soak left mounted in it is unmounted first. */
    private static Path clean(Path work) throws IOException, InterruptedException {
        SmallDisk.unmountLeftover(work.resolve("outbox"));
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return Files.createDirectories(work);
    }
}
