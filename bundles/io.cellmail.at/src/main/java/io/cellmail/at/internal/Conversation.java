package io.cellmail.at.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.ModemState;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.Urc;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;

/**
 * The conversation with the modem, on the engine thread: every piece of protocol state lives here and changes
 * only in tasks of the {@link EngineLoop}: bytes from the reader thread, ends of writes from the writer thread,
 * commands from callers, timers, link losses. Nothing here blocks except opening the link: writes are handed to
 * the session's {@link LinkWriter}, each with a deadline after which the link counts as lost. Caller futures and
 * listeners run on the {@link Notifier}'s thread.
 *
 * <p>Order of work, decided by {@link #pump()} whenever the conversation is idle: open the link if there is
 * none; initialise if the modem is not (or no longer) configured; resynchronise after a timeout, cancellation
 * or protocol error; then the next queued command; with nothing queued, an idle check after a long silence.
 */
final class Conversation {

    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
    private static final byte[] ESCAPE_SEQUENCE = "+++".getBytes(StandardCharsets.US_ASCII);
    private static final byte CTRL_Z = 0x1A;
    private static final AtCommand IDLE_CHECK = AtCommand.of("AT");

    private final AtEngineSettings settings;
    private final String name;
    private final EngineLoop loop;
    private final Notifier notifier;
    private final TranscriptRecorder transcript;
    private final EngineCounters counters;
    private final UrcClassifier urcs;
    private final LineFramer framer;
    private final BootWatch bootWatch;
    private final FramerSink framerSink = new FramerSink();
    private final SessionListener sessionListener = new SessionListener();
    private final RecentCommands recentCommands = new RecentCommands();
    private final ArrayDeque<Job<?>> queue = new ArrayDeque<>();
    private final ModemKnowledge modem;

    // read from any thread
    private volatile ModemState state = ModemState.STARTING;
    private volatile long epoch;
    private volatile LinkSession currentSession;

    // engine thread only
    private LinkSession session;
    private int sessionsOpened;
    private Exchange exchange;
    private Job<?> job;
    private int armedSerial = -1;
    private ScheduledFuture<?> exchangeTimer;
    private ScheduledFuture<?> pumpTimer;
    private Procedure procedure;
    private boolean closed;
    private boolean escaping;
    private boolean everReady;
    private int openFailures;
    private long quietUntilNanos;
    // writes handed to the current session's writer and not yet reported done, and what waits for them
    private int pendingWrites;
    private Runnable afterWrites;
    // round-trip measurement: when the running exchange's command was written, when the current chunk arrived
    private long exchangeWrittenNanos;
    private long chunkArrivalNanos;
    // idle check
    private Exchange idleCheck;
    private ScheduledFuture<?> idleTimer;
    private long lastExchangeEndNanos;

    Conversation(AtEngineSettings settings, EngineLoop loop, Notifier notifier, TranscriptRecorder transcript,
            EngineCounters counters) {
        this.settings = settings;
        this.name = settings.name();
        this.loop = loop;
        this.notifier = notifier;
        this.transcript = transcript;
        this.counters = counters;
        this.urcs = new UrcClassifier(settings.extraUrcPrefixes());
        this.framer = new LineFramer(settings.maxLineLength());
        this.bootWatch = new BootWatch(settings.bootUrcWindow());
        this.modem = new ModemKnowledge(settings.maxConsecutiveTimeouts());
    }

    /** @return the lifecycle state; any thread */
    ModemState state() {
        return state;
    }

    /** @return the epoch; any thread */
    long epoch() {
        return epoch;
    }

    /** @return the open session, if any; any thread, for closing its link from outside the engine thread */
    LinkSession currentSession() {
        return currentSession;
    }

    void enqueue(Job<?> j) {
        if (closed) {
            fail(j, closedFailure(j.command));
            return;
        }
        queue.add(j);
        pump();
    }

    /** Decides the next piece of work when the engine is idle. */
    private void pump() {
        if (closed || session == null || exchange != null || procedure != null || escaping) {
            return;
        }
        long wait = quietUntilNanos - System.nanoTime();
        if (wait > 0) {
            if (pumpTimer != null) {
                pumpTimer.cancel(false);
            }
            pumpTimer = loop.schedule(this::pump, wait);
            return;
        }
        switch (modem.next()) {
            case INITIALISE -> startProcedure(new InitProcedure(
                    new SyncProcedure(settings.syncAttempts(), modem.mayBeInDataMode()), settings.init(),
                    session.link().settings().baud()), ModemState.SYNCING);
            case RESYNCHRONISE -> {
                counters.resyncs.incrementAndGet();
                transcript.note("resynchronising");
                startProcedure(new SyncProcedure(settings.syncAttempts(), modem.mayBeInDataMode()),
                        ModemState.RESYNCING);
            }
            case COMMANDS -> startNextJob();
        }
    }

    private void startNextJob() {
        setState(ModemState.READY);
        Job<?> next;
        while ((next = queue.poll()) != null) {
            if (next.finished) {
                continue;
            }
            OptionalLong pinned = next.command.requiredEpoch();
            if (pinned.isPresent() && pinned.getAsLong() != epoch) {
                fail(next, new AtException(AtException.Kind.MODEM_REBOOTED, next.command.maskedText()
                        + ": belongs to epoch " + pinned.getAsLong() + ", the modem is in epoch " + epoch));
                continue;
            }
            startJob(next);
            return;
        }
        armIdleCheck();
    }

    // ------------------------------------------------------------------ engine thread: exchanges

    private void startJob(Job<?> j) {
        job = j;
        counters.commands.incrementAndGet();
        Exchange ex = j.isUpload()
                ? Exchange.upload(j.command, j.options, settings.commandTimeout(), settings.trailingOkLinger())
                : Exchange.command(j.command, settings.commandTimeout());
        startExchange(ex);
    }

    private void startExchange(Exchange ex) {
        exchange = ex;
        armedSerial = -1;
        AtCommand command = ex.command();
        recentCommands.add(command);
        transcript.sent(command.maskedText() + "\r");
        long now = System.nanoTime();
        // whatever began arriving before this point is not this command's reply (see LineFramer)
        framer.commandSent(now);
        exchangeWrittenNanos = now;
        // The phase deadline starts once the command is on its way; until then the write's own deadline guards.
        // A reply may come before the end of the write is reported (an in-JVM link answers inside the write):
        // offering it arms the deadline of whatever phase it leads to.
        write((command.text() + "\r").getBytes(StandardCharsets.UTF_8), end -> {
            if (exchange == ex) {
                exchangeWrittenNanos = end;
                afterExchangeEvent();
            }
        });
    }

    /** Reacts to whatever just happened to the current exchange: completion, a new phase, a transfer to start. */
    private void afterExchangeEvent() {
        Exchange ex = exchange;
        if (ex == null) {
            return;
        }
        if (ex.phase() == Exchange.Phase.DONE) {
            completeExchange(ex);
            return;
        }
        framer.promptMode(ex.wantsPrompt());
        if (ex.phaseSerial() != armedSerial) {
            armedSerial = ex.phaseSerial();
            cancelExchangeTimer();
            int serial = armedSerial;
            ex.phaseTimeout().ifPresent(
                    d -> exchangeTimer = loop.schedule(() -> deadlinePassed(ex, serial), phaseNanos(ex, d)));
        }
        if (ex.phase() == Exchange.Phase.TRANSFER && !ex.hasWrittenPayload()) {
            startTransfer(ex);
        }
    }

    /**
     * The wait for an optional {@code OK} after an upload's result lasts at least until the guard time after
     * {@code +++} has passed: nothing may be sent before then anyway, so a trailing {@code OK} is awaited for free
     * and the linger adds no time of its own when the modem answers within its guard.
     */
    private long phaseNanos(Exchange ex, Duration timeout) {
        LinkSession s = session;
        long nanos = timeout.toNanos() + (s == null ? 0 : linkShare(ex.phase(), s.timing()));
        if (ex.phase() == Exchange.Phase.LINGER_OK) {
            nanos = Math.max(nanos, quietUntilNanos - System.nanoTime());
        }
        return nanos;
    }

    /**
     * What the link adds to a phase's deadline (see {@link LinkTiming}): a wait for an answer gets the whole measured
     * round trip on top of what the modem may take; a linger for a line that follows one that just arrived (info
     * after {@code OK}, {@code OK} after an upload's result, silence after a probe's {@code OK}) gets only the
     * round trip's variation, since the line it follows has already paid the delay.
     */
    private static long linkShare(Exchange.Phase phase, LinkTiming timing) {
        return switch (phase) {
            case LINGER_INFO, LINGER_OK, SETTLE -> timing.jitterNanos();
            default -> timing.allowanceNanos();
        };
    }

    private void deadlinePassed(Exchange ex, int serial) {
        if (exchange == ex && ex.phaseSerial() == serial) {
            ex.deadlinePassed();
            afterExchangeEvent();
        }
    }

    private void startTransfer(Exchange ex) {
        byte[] payload = job.payload;
        // handed over: a result line from now on answers this payload
        ex.payloadWritten(payload.length);
        if (job.options.ending() == UploadOptions.Ending.CTRL_Z) {
            byte[] data = Arrays.copyOf(payload, payload.length + 1);
            data[payload.length] = CTRL_Z;
            transcript.sent("<" + payload.length + " bytes of data>\u001a");
            // the result deadline starts once the line took the payload, however long that takes
            write(data, end -> {
                if (exchange == ex) {
                    ex.payloadEnded();
                    afterExchangeEvent();
                }
            });
            return;
        }
        transcript.sent("<" + payload.length + " bytes of data>");
        write(payload, end -> {
        });
        // the modem may have ended data mode itself (its own input timeout) and answered already: then no +++;
        // if the caller gave up meanwhile, the modem is still in data mode and the +++ is needed all the more
        escape(() -> exchange == ex ? ex.awaitsPayloadEnd() : modem.mayBeInDataMode(), () -> {
            if (exchange == ex) {
                ex.payloadEnded();
                afterExchangeEvent();
            }
        });
    }

    /**
     * Once every write handed over so far is done: what is left of their line time, the guard time and how much the
     * link's round trip varies ({@link LinkTiming#jitterNanos()}); {@code +++} in one write; then nothing is sent
     * until the line is free of it and another guard time (and jitter) has passed. Nothing else starts meanwhile.
     *
     * <p>The wait counts from when the line is really free ({@link LinkTiming#lineFreeNanos()}): a blocking write
     * already spent the line time, so only the guard time is left, while after a buffered write the line time is
     * still to come.
     */
    private void escape(BooleanSupplier stillNeeded, Runnable afterEscape) {
        LinkSession s = session;
        escaping = true;
        afterWrites(() -> {
            LinkTiming timing = s.timing();
            long delay = timing.busyNanos(System.nanoTime()) + settings.guardTime().toNanos()
                    + timing.jitterNanos();
            loop.schedule(() -> escapeNow(s, stillNeeded, afterEscape), delay);
        });
    }

    private void escapeNow(LinkSession s, BooleanSupplier stillNeeded, Runnable afterEscape) {
        if (session != s || closed) {
            return;
        }
        if (!stillNeeded.getAsBoolean()) {
            escaping = false;
            pump();
            return;
        }
        transcript.sent("+++");
        write(ESCAPE_SEQUENCE, end -> {
            LinkTiming timing = s.timing();
            quietUntilNanos = Math.max(end, timing.lineFreeNanos()) + settings.guardTime().toNanos()
                    + timing.jitterNanos();
            escaping = false;
            modem.escaped();
            afterEscape.run();
            pump();
        });
    }

    private void completeExchange(Exchange ex) {
        cancelExchangeTimer();
        exchange = null;
        lastExchangeEndNanos = System.nanoTime();
        framer.promptMode(false);
        Job<?> j = job;
        job = null;
        if (j != null) {
            finishJob(j, ex);
        } else if (ex == idleCheck) {
            idleCheck = null;
            finishIdleCheck(ex);
        } else if (procedure != null) {
            runProcedure(procedure, Procedure.StepResult.of(ex, modem.mayBeInDataMode()));
        }
        pump();
    }

    private void finishJob(Job<?> j, Exchange ex) {
        AtException failure = ex.failure();
        if (failure == null) {
            modem.answered();
            if (isPinEntry(j.command)) {
                // A SIM that takes its PIN announces itself as at a boot (+CPIN: READY, then Call Ready seconds
                // later): those lines belong to the unlock, not to a reboot.
                bootWatch.bootMayStart(System.nanoTime());
            }
            succeed(j, ex.value());
            return;
        }
        // counters first: a caller that sees the failure sees it counted
        boolean reopen = false;
        if (failure.kind() == AtException.Kind.TIMEOUT) {
            counters.timeouts.incrementAndGet();
            transcript.note("timeout: " + failure.getMessage());
            reopen = modem.timedOut(j.isUpload());
        } else if (failure.kind() == AtException.Kind.PROTOCOL) {
            modem.replyMayStillCome(j.isUpload());
        } else if (failure.isModemReported()) {
            counters.errors.incrementAndGet();
            modem.answered();
            if (failure.kind() == AtException.Kind.UPLOAD_MISMATCH) {
                // the modem ended data mode elsewhere than the engine did (a lenient module takes a +++ inside the
                // payload for the escape): the rest of the payload went to its command line, where it may still be
                // answered or, without a line end, would prefix the next command; probe it away first
                modem.replyMayStillCome(false);
            }
        }
        fail(j, failure);
        if (reopen) {
            reopen(modem.consecutiveTimeouts() + " consecutive timeouts");
        }
    }

    // ------------------------------------------------------------------ engine thread: idle check

    /**
     * With nothing to do, a plain {@code AT} after {@link AtEngineSettings#idleCheck()} without any exchange: a link
     * that died quietly (a module that hangs, a bridge whose peer is gone, CTS held low for good) is found then,
     * not when the next alarm needs it. It runs as an ordinary command, so a line that is not its {@code OK} (a late
     * {@code +QSMTPPUT:}) reaches the URC listeners as it would with no command running; it changes no epoch.
     */
    private void armIdleCheck() {
        long idleNanos = settings.idleCheck().toNanos();
        if (idleNanos <= 0 || idleTimer != null) {
            return;
        }
        idleTimer = loop.schedule(this::idleCheckDue, lastExchangeEndNanos + idleNanos - System.nanoTime());
    }

    private void idleCheckDue() {
        idleTimer = null;
        if (closed || session == null || exchange != null || procedure != null || escaping || job != null
                || !queue.isEmpty() || state != ModemState.READY) {
            // busy: pump() arms the check again when the engine is idle once more
            return;
        }
        long wait = lastExchangeEndNanos + settings.idleCheck().toNanos() - System.nanoTime();
        if (wait > 0) {
            idleTimer = loop.schedule(this::idleCheckDue, wait);
            return;
        }
        Exchange check = Exchange.command(IDLE_CHECK, settings.commandTimeout());
        idleCheck = check;
        startExchange(check);
    }

    private void finishIdleCheck(Exchange ex) {
        AtException failure = ex.failure();
        if (failure == null) {
            modem.answered();
        } else if (failure.kind() == AtException.Kind.TIMEOUT) {
            counters.timeouts.incrementAndGet();
            transcript.note("idle check: " + failure.getMessage());
            if (modem.timedOut(false)) {
                reopen(modem.consecutiveTimeouts() + " consecutive timeouts");
            }
        } else if (failure.kind() == AtException.Kind.PROTOCOL) {
            modem.replyMayStillCome(false);
        } else {
            modem.answered();
        }
    }

    private static boolean isPinEntry(AtCommand command) {
        return command.text().regionMatches(true, 0, "AT+CPIN=", 0, "AT+CPIN=".length());
    }

    void abandoned(Job<?> j) {
        if (j.finished) {
            return;
        }
        j.finished = true;
        counters.cancellations.incrementAndGet();
        if (j == job) {
            transcript.note("abandoned by the caller: " + j.command.maskedText());
            cancelExchangeTimer();
            framer.promptMode(false);
            exchange = null;
            job = null;
            modem.replyMayStillCome(j.isUpload());
        } else {
            queue.remove(j);
        }
        pump();
    }

    private void cancelExchangeTimer() {
        if (exchangeTimer != null) {
            exchangeTimer.cancel(false);
            exchangeTimer = null;
        }
    }

    private <T> void succeed(Job<T> j, Object value) {
        j.finished = true;
        notifier.complete(j.future, j.type.cast(value));
    }

    private void fail(Job<?> j, AtException failure) {
        j.finished = true;
        notifier.fail(j.future, failure);
    }

    // ------------------------------------------------------------------ engine thread: procedures

    private void startProcedure(Procedure p, ModemState newState) {
        setState(newState);
        procedure = p;
        runProcedure(p, null);
    }

    private void runProcedure(Procedure p, Procedure.StepResult previous) {
        if (procedure != p) {
            return;
        }
        Procedure.Step step = p.next(previous);
        switch (step.kind()) {
            case PROBE, SEND -> whenQuiet(() -> {
                if (procedure == p && exchange == null && session != null) {
                    startExchange(step.kind() == Procedure.Step.Kind.PROBE
                            ? Exchange.probe(step.command(), settings.probeTimeout(), settings.settleTime())
                            : Exchange.command(step.command(), settings.commandTimeout()));
                }
            });
            case ESCAPE -> escape(() -> procedure == p, () -> runProcedure(p, Procedure.StepResult.ESCAPED));
            case DONE -> {
                procedure = null;
                procedureSucceeded(p);
            }
            case FAILED -> {
                procedure = null;
                transcript.note(step.reason());
                reopen(p instanceof InitProcedure ? "initialisation failed: " + step.reason()
                        : "resynchronisation failed: " + step.reason());
            }
        }
    }

    private void whenQuiet(Runnable task) {
        long wait = quietUntilNanos - System.nanoTime();
        if (wait > 0) {
            loop.schedule(task, wait);
        } else {
            task.run();
        }
    }

    private void procedureSucceeded(Procedure p) {
        boolean initialised = p instanceof InitProcedure;
        modem.synchronised(initialised);
        if (initialised) {
            everReady = true;
            openFailures = 0;
            long newEpoch = epoch + 1;
            epoch = newEpoch;
            transcript.note("initialised, epoch " + newEpoch + roundTripNote());
            LOG.debug("modem {} initialised, epoch {}", name, newEpoch);
            // READY before the news of it, so that a listener reacting to onReady finds the engine ready.
            setState(ModemState.READY);
            notifier.ready(newEpoch);
        } else {
            transcript.note("resynchronised");
        }
        pump();
    }

    // ------------------------------------------------------------------ engine thread: received lines

    /**
     * @param line a received line
     * @param mayAnswer false if the line began arriving before the running command was sent, so it cannot be
     *     part of that command's reply
     */
    private void onLine(String line, boolean mayAnswer) {
        Optional<AtCommand> echoed = recentCommands.echoedBy(line);
        transcript.received(echoed.map(AtCommand::maskedText).orElse(line));
        if (echoed.isPresent()) {
            onEcho();
            return;
        }
        Optional<Urc> urc = urcs.classify(line);
        Exchange ex = mayAnswer ? exchange : null;
        Exchange.Phase before = ex == null ? null : ex.phase();
        if (ex != null && ex.offer(line, urc.isPresent())) {
            if (before == Exchange.Phase.AWAIT_FINAL && ex.phase() != before && job == null) {
                // the engine's own short commands answer at once: their reply time is the link's round trip
                session.timing().roundTrip(chunkArrivalNanos - exchangeWrittenNanos);
            }
            afterExchangeEvent();
            return;
        }
        if (urc.isPresent()) {
            onUrc(urc.get());
        } else if (Exchange.isConnect(line)) {
            onUnexpectedConnect();
        } else if (FinalResult.parse(line).isPresent()) {
            // a late final of an abandoned command: it must not reach anyone
            counters.droppedLines.incrementAndGet();
        } else {
            onUrc(new Urc("", line));
        }
    }

    private void onEcho() {
        counters.droppedLines.incrementAndGet();
        if (exchange != null) {
            exchange.echo();
        }
        if (modem.configured()) {
            // echo was switched off at init: only a reset brings it back, and with it every other default
            modemLostState("echo is on again");
        }
    }

    private void onUrc(Urc urc) {
        counters.urcs.incrementAndGet();
        notifier.urc(urc);
        if (UrcClassifier.isPowerDown(urc)) {
            bootWatch.bootMayStart(System.nanoTime());
            if (modem.configured()) {
                modemLostState(urc.line());
            }
        } else if (UrcClassifier.isBootIndicator(urc) && bootWatch.startsNewBoot(urc, System.nanoTime())) {
            onNewBoot(urc);
        }
    }

    private void onNewBoot(Urc urc) {
        if (modem.configured()) {
            modemLostState(urc.line());
        } else if (BootWatch.isRestart(urc) && procedure instanceof InitProcedure) {
            // the modem restarted under the initialisation: whatever it already took is gone
            transcript.note("modem booted during initialisation; starting again");
            cancelExchangeTimer();
            exchange = null;
            procedure = null;
            pump();
        }
    }

    private void modemLostState(String reason) {
        counters.reboots.incrementAndGet();
        transcript.note("modem rebooted: " + reason);
        LOG.debug("modem {} rebooted ({})", name, reason);
        modem.forgotEverything();
        // Out of READY before the running command fails, so that a caller retrying at once does not find the
        // engine still READY for the epoch that just ended.
        setState(ModemState.SYNCING);
        abortWork(AtException.Kind.MODEM_REBOOTED, "the modem rebooted (" + reason + ")");
        notifier.rebooted(reason);
        pump();
    }

    /** A driver found the modem's volatile state gone without any sign on the line (see AtChannel#modemReset). */
    void modemReset(String reason) {
        if (!closed && modem.configured()) {
            modemLostState("reported by the driver: " + reason);
        }
    }

    private void onUnexpectedConnect() {
        counters.droppedLines.incrementAndGet();
        modem.enteredDataMode();
        if (exchange != null) {
            exchange.abort(AtException.Kind.PROTOCOL, "unexpected CONNECT: the modem entered data mode");
            afterExchangeEvent();
        } else {
            pump();
        }
    }

    private void onOverflow() {
        counters.droppedLines.incrementAndGet();
        transcript.note("dropped a line longer than " + settings.maxLineLength() + " bytes");
        if (exchange != null) {
            exchange.abort(AtException.Kind.PROTOCOL, "a line longer than " + settings.maxLineLength() + " bytes");
            afterExchangeEvent();
        }
    }

    private void onPrompt() {
        transcript.received(">");
        if (exchange != null) {
            exchange.prompt();
            afterExchangeEvent();
        }
    }

    // ------------------------------------------------------------------ engine thread: the link

    void openLink() {
        if (closed || session != null) {
            return;
        }
        SerialLink link;
        try {
            link = Objects.requireNonNull(settings.opener().open(), "the link opener returned null");
        } catch (SerialLinkException | RuntimeException e) {
            Duration delay = Backoff.delay(settings.reopenBackoffBase(), settings.reopenBackoffCap(), openFailures);
            if (openFailures++ == 0) {
                // once per outage, not per retry: a missing port would otherwise flood the log
                LOG.warn("cannot open the link of {} ({}); retrying with backoff", name, e.getMessage());
            }
            LOG.debug("opening the link of {} failed ({}); next try in {} ms", name, e.getMessage(), delay.toMillis());
            transcript.note("open failed: " + e.getMessage() + "; next try in " + delay.toMillis() + " ms");
            loop.schedule(this::openLink, delay.toNanos());
            return;
        }
        if (sessionsOpened++ > 0) {
            counters.reopens.incrementAndGet();
        }
        LinkSession s = new LinkSession(link, name, settings.writeGrace().toNanos(), sessionListener);
        session = s;
        currentSession = s;
        framer.reset();
        recentCommands.clear();
        quietUntilNanos = 0;
        lastExchangeEndNanos = System.nanoTime();
        bootWatch.bootMayStart(System.nanoTime());
        transcript.note("opened " + link.uri());
        LOG.debug("link of {} opened: {}", name, link.uri());
        s.start();
        setState(ModemState.SYNCING);
        pump();
    }

    private void onBytes(LinkSession s, byte[] chunk, long arrivalNanos) {
        if (s == session) {
            chunkArrivalNanos = arrivalNanos;
            framer.feed(chunk, 0, chunk.length, arrivalNanos, framerSink);
        }
    }

    private void onLinkLost(LinkSession s, String reason) {
        if (s != session || closed) {
            return;
        }
        LOG.debug("link of {} lost: {}", name, reason);
        transcript.note("link lost: " + reason);
        notifier.linkLost(reason);
        reopen("link lost: " + reason);
    }

    /**
     * Hands bytes to the session's writer thread and returns at once. If the write has not finished by its deadline
     * (twice its line time plus {@link AtEngineSettings#writeGrace()}, after the deadlines of earlier writes), the
     * link is stuck and treated as lost: the running command fails with {@code LINK_LOST} and the port is reopened.
     *
     * @param bytes what to write
     * @param then runs on the engine thread once the write finished, given when it ended; not if the link is lost
     */
    private void write(byte[] bytes, LongConsumer then) {
        LinkSession s = session;
        LinkWriter.Write w = new LinkWriter.Write(bytes, then);
        long now = System.nanoTime();
        long budget = s.timing().handedOver(bytes.length, now) - now;
        pendingWrites++;
        w.deadline = loop.schedule(() -> writeOverdue(s, w, budget), budget);
        s.write(w);
    }

    private void onWritten(LinkSession s, LinkWriter.Write w, long startNanos, long endNanos) {
        if (s != session || w.finished) {
            return;
        }
        w.finished = true;
        if (w.deadline != null) {
            w.deadline.cancel(false);
        }
        pendingWrites--;
        s.timing().written(w.bytes.length, startNanos);
        w.then.accept(endNanos);
        if (session == s && pendingWrites == 0 && afterWrites != null) {
            Runnable next = afterWrites;
            afterWrites = null;
            next.run();
        }
    }

    /** Runs the task once every write handed over so far has finished (now, if none is pending). */
    private void afterWrites(Runnable task) {
        if (pendingWrites == 0) {
            task.run();
        } else if (afterWrites == null) {
            afterWrites = task;
        } else {
            Runnable earlier = afterWrites;
            afterWrites = () -> {
                earlier.run();
                task.run();
            };
        }
    }

    private void writeOverdue(LinkSession s, LinkWriter.Write w, long budgetNanos) {
        if (s != session || w.finished || closed) {
            return;
        }
        String reason = "a write of " + w.bytes.length + " bytes did not finish within "
                + Duration.ofNanos(budgetNanos).toMillis() + " ms (flow control held by the modem, or a peer that"
                + " stopped reading)";
        LOG.warn("link of {} is stuck: {}; reopening it", name, reason);
        onLinkLost(s, reason);
    }

    private void onWriteFailed(LinkSession s, String reason) {
        onLinkLost(s, reason);
    }

    /** Gives up the link (lost, or unusable) and reopens it after a backoff delay. */
    private void reopen(String reason) {
        if (job != null && job.isUpload()) {
            modem.uploadInterrupted();
        }
        closeSession();
        // Out of READY before the running command fails (see modemLostState).
        setState(everReady ? ModemState.REOPENING : ModemState.STARTING);
        abortWork(AtException.Kind.LINK_LOST, reason);
        modem.portClosed();
        escaping = false;
        Duration delay = Backoff.delay(settings.reopenBackoffBase(), settings.reopenBackoffCap(), openFailures++);
        transcript.note("reopening in " + delay.toMillis() + " ms: " + reason);
        loop.schedule(this::openLink, delay.toNanos());
    }

    private void closeSession() {
        LinkSession s = session;
        session = null;
        currentSession = null;
        // writes still pending belong to the closed link; their ends, if they ever come, are ignored
        pendingWrites = 0;
        afterWrites = null;
        if (s != null) {
            s.close();
        }
    }

    /** Ends the running exchange and procedure; a caller's command fails with the given kind. */
    private void abortWork(AtException.Kind kind, String reason) {
        cancelExchangeTimer();
        framer.promptMode(false);
        exchange = null;
        procedure = null;
        idleCheck = null;
        Job<?> j = job;
        job = null;
        if (j != null && !j.finished) {
            fail(j, new AtException(kind, j.command.maskedText() + ": " + reason));
        }
    }

    void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        abortWork(AtException.Kind.CLOSED, "the engine was closed");
        for (Job<?> j : queue) {
            if (!j.finished) {
                fail(j, closedFailure(j.command));
            }
        }
        queue.clear();
        closeSession();
        if (pumpTimer != null) {
            pumpTimer.cancel(false);
        }
        if (idleTimer != null) {
            idleTimer.cancel(false);
        }
        setState(ModemState.CLOSED);
        transcript.note("closed");
        loop.shutdown();
    }

    private void setState(ModemState newState) {
        if (state != newState) {
            state = newState;
            LOG.debug("modem {} is {}", name, newState);
            notifier.stateChanged(newState);
        }
    }

    private String roundTripNote() {
        LinkTiming timing = session.timing();
        return timing.roundTrips() == 0 ? ""
                : "; link round trip " + Duration.ofNanos(timing.smoothedRoundTripNanos()).toMillis() + " ms";
    }

    static AtException closedFailure(AtCommand command) {
        return new AtException(AtException.Kind.CLOSED, command.maskedText() + ": the engine is closed");
    }

    /** The framer's output, on the engine thread. */
    private final class FramerSink implements LineFramer.Sink {
        @Override
        public void line(String line) {
            onLine(line, true);
        }

        @Override
        public void earlierLine(String line) {
            onLine(line, false);
        }

        @Override
        public void prompt() {
            onPrompt();
        }

        @Override
        public void overflow() {
            onOverflow();
        }
    }

    /** The reader thread's reports, handed over to the engine thread. */
    private final class SessionListener implements LinkSession.Listener {
        @Override
        public void bytes(LinkSession s, byte[] chunk, long arrivalNanos) {
            if (!loop.post(() -> onBytes(s, chunk, arrivalNanos))) {
                throw new RejectedExecutionException("engine stopped");
            }
        }

        @Override
        public void lost(LinkSession s, String reason) {
            loop.post(() -> onLinkLost(s, reason));
        }

        @Override
        public void written(LinkSession s, LinkWriter.Write w, long startNanos, long endNanos) {
            if (!loop.post(() -> onWritten(s, w, startNanos, endNanos))) {
                throw new RejectedExecutionException("engine stopped");
            }
        }

        @Override
        public void writeFailed(LinkSession s, LinkWriter.Write w, String reason) {
            loop.post(() -> onWriteFailed(s, reason));
        }
    }
}
