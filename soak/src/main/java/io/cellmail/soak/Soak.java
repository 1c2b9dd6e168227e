package io.cellmail.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
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
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.cellmail.emulator.ModemEmulator;

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
            List<FaultKind> faultCards = new ArrayList<>(List.of(FaultKind.values()));
            AlarmProducer producer = new AlarmProducer(new AlarmFactory(new Random(seeds.nextLong()), 0.04, 0.35),
                    spool, journal, options.alarms(), options.meanAlarmGap(), new Random(seeds.nextLong()),
                    () -> line.module() == modules.lenient());
            FaultArmer armer = new FaultArmer(new Deck<>(faultCards, new Random(seeds.nextLong())),
                    new FaultInjector(line, modules, disk, timer, new Random(seeds.nextLong())), timer,
                    options.meanFaultGap(), new Random(seeds.nextLong()));
            Deck<KillKind> killKinds = new Deck<>(List.of(KillKind.DURING_STARTUP, KillKind.TIMED, KillKind.TIMED,
                    KillKind.AT_PUT_START, KillKind.AFTER_DELIVERY), new Random(seeds.nextLong()));
            GatewayKiller killer = new GatewayKiller(transcripts, smtp, journal, new Random(seeds.nextLong()));
            ModulePlan plan = new ModulePlan(options.kills(), new Random(seeds.nextLong()));

            List<Kill> kills = new ArrayList<>();
            List<Restart> restarts = new ArrayList<>();
            List<String> incidents = new ArrayList<>();
            producer.start();
            armer.start();
            int run = 0;
            try {
                Instant limit = Instant.now().plus(options.timeLimit());
                while (kills.size() < options.kills() || !producer.done()) {
                    if (Instant.now().isAfter(limit)) {
                        incidents.add("the kill phase reached its time limit of " + options.timeLimit().toSeconds()
                                + " s with " + kills.size() + " kills and " + journal.read().accepted().size()
                                + " accepted alarms");
                        break;
                    }
                    // A run on the lenient module gets an alarm with '+++' text before it starts, and is not
                    // killed before that alarm was refused or sent: the fault must meet its test case.
                    Optional<EscapeTextTrial> trial = plan.lenient(run) && !plan.lenient(run - 1)
                            ? Optional.of(new EscapeTextTrial(producer, journal, transcripts, Instant.now()))
                            : Optional.empty();
                    GatewayProcess gateway = startGateway(run, plan, line, modules, install, children, work,
                            restarts, disk.directory());
                    KillKind kind = killKinds.draw();
                    GatewayKiller.Outcome outcome = killer.kill(gateway, kind, kills.size() + 1, trial);
                    outcome.kill().ifPresent(kills::add);
                    outcome.incident().ifPresent(incidents::add);
                    console.println("cellmail soak: " + outcome.kill().map(Kill::toString)
                            .orElse(outcome.incident().orElse("")) + "; accepted so far "
                            + journal.read().accepted().size() + ", delivered " + smtp.count());
                    run++;
                }
            } finally {
                armer.stop();
                producer.close();
            }
            modules.strict().faults().clear();
            modules.lenient().faults().clear();
            disk.free();
            GatewayProcess last = startGateway(run, plan, line, modules, install, children, work, restarts,
                    disk.directory());
            console.println("cellmail soak: kill phase over (" + kills.size() + " kills); the last gateway gets "
                    + options.finalWait().toSeconds() + " s to deliver or settle every accepted alarm");
            boolean settled = BoundedWait.until(() -> settled(journal, smtp), options.finalWait());
            if (!settled) {
                long heard = transcripts.lines().stream().filter(l -> l.fromHost() && l.time().isAfter(
                        last.startedAt())).count();
                incidents.add("not every accepted alarm was delivered or settled within the final wait of "
                        + options.finalWait().toSeconds() + " s; the module heard " + heard + " command line(s)"
                        + " from the last gateway, whose alarm bundle "
                        + (journal.read().serviceHolds().stream().anyMatch(hold -> hold.kind().equals("ACQUIRED")
                                && hold.time().isAfter(last.startedAt())) ? "got" : "never got (nothing to send)")
                        + " the mail service");
            }
            if (!last.stop(Duration.ofSeconds(30))) {
                incidents.add("the last gateway did not stop within 30 s of SIGTERM and was killed");
            }
            if (transcripts.lostLines() > 0) {
                incidents.add(transcripts.lostLines() + " transcript read(s) came too late and lost lines");
            }
            List<HeardLine> heard = transcripts.lines();
            RunRecord seen = new RunRecord(producer.requested(), journal.read(), smtp.deliveries(),
                    PutLog.of(heard), kills, restarts, armer.armed(), line.connections(),
                    ids(disk.directory(), ".msg"), names(disk.directory().resolve("corrupt")),
                    heard.stream().filter(l -> l.fromHost() && l.line().text().contains(Alarm.INTRUDER)).toList(),
                    incidents);
            writeEvidence(work, seen);
            SoakFigures figures = new Accounting(seen).figures();
            SoakReport report = new SoakReport(options, environment, figures,
                    Duration.ofNanos(System.nanoTime() - began), setup(line, disk));
            Files.writeString(work.resolve("findings.md"), report.render(true));
            return new Result(report, figures, work);
        } finally {
            timer.shutdownNow();
        }
    }

    private GatewayProcess startGateway(int run, ModulePlan plan, ModemLine line, Modules modules,
            GatewayInstall install, ChildProcesses children, Path work, List<Restart> restarts, Path outbox)
            throws IOException {
        ModemEmulator module = plan.lenient(run) ? modules.lenient() : modules.strict();
        if (line.module() != module) {
            // Faults armed on the module being unplugged would act when it comes back; they belong to its run.
            line.module().faults().clear();
            line.plugIn(module);
        }
        Set<String> pending = ids(outbox, ".msg");
        GatewayProcess gateway = GatewayProcess.start(run, install, children,
                work.resolve(String.format("gateway-%03d.log", run)));
        if (run > 0) {
            restarts.add(new Restart(run, gateway.startedAt(), modules.nameOf(module), pending));
        }
        return gateway;
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

    private List<String> setup(ModemLine line, SmallDisk disk) {
        return List.of("Gateway: the Felix distribution as a separate process, `--data` kept across restarts, `--conf`"
                + " with `io.cellmail.mail-soak.cfg`: port tcp://127.0.0.1 (the emulator), guardTime 150 ms,"
                + " sendDeadline 20 s, retryBase 1 s, retryCap 5 s, maxPerHour 0, lenientEscape false",
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

    private static Set<String> ids(Path directory, String suffix) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (String name : names(directory)) {
            if (name.endsWith(suffix)) {
                ids.add(name.substring(0, name.length() - suffix.length()));
            }
        }
        return ids;
    }

    private static Set<String> names(Path directory) throws IOException {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            files.forEach(file -> names.add(file.getFileName().toString()));
        }
        return names;
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
