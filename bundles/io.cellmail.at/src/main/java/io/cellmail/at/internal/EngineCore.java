package io.cellmail.at.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtChannel;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtCounters;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.ModemListener;
import io.cellmail.at.ModemState;
import io.cellmail.at.Transcript;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.at.Urc;
import io.cellmail.at.UrcListener;
import io.cellmail.serial.SerialLink;
import io.cellmail.serial.SerialLinkException;

/**
 * The AT engine. All protocol state lives on one thread, the engine thread, and changes only in tasks queued
 * to it: bytes from the reader thread, commands from callers, timers, link losses. Nothing there blocks except
 * writes to the link and opening it. Caller futures and listeners run on the {@link Notifier}'s thread.
 *
 * <p>Order of work, decided by {@link #pump()} whenever the engine is idle: open the link if there is none;
 * initialise if the modem is not (or no longer) configured; resynchronise after a timeout, cancellation or
 * protocol error; then the next queued command.
 */
public final class EngineCore implements AtChannel {

    private static final Logger LOG = LoggerFactory.getLogger(EngineCore.class);
    private static final byte[] ESCAPE_SEQUENCE = "+++".getBytes(StandardCharsets.US_ASCII);
    private static final byte CTRL_Z = 0x1A;
    private static final byte ESC = 0x1B;
    private static final long LOOP_STOP_SECONDS = 5;

    private final AtEngineSettings settings;
    private final String name;
    private final ScheduledThreadPoolExecutor loop;
    private final Notifier notifier;
    private final TranscriptRecorder transcript;
    private final EngineCounters counters = new EngineCounters();
    private final UrcClassifier urcs;
    private final LineFramer framer;
    private final FramerSink framerSink = new FramerSink();
    private final SessionListener sessionListener = new SessionListener();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Thread loopThread;
    private volatile ModemState state = ModemState.STARTING;
    private volatile long epoch;
    private volatile LinkSession currentSession;

    // ---- engine-thread state
    private LinkSession session;
    private int sessionsOpened;
    private final ArrayDeque<Job<?>> queue = new ArrayDeque<>();
    private Exchange exchange;
    private Job<?> job;
    private int armedSerial = -1;
    private ScheduledFuture<?> exchangeTimer;
    private ScheduledFuture<?> pumpTimer;
    private Procedure procedure;
    private boolean closed;
    private boolean configured;
    private boolean needsResync;
    private boolean mayBeInDataMode;
    private boolean escaping;
    private boolean everReady;
    private int consecutiveTimeouts;
    private int openFailures;
    private long quietUntilNanos;
    private long lastBootMarkNanos;
    private final RecentCommands recentCommands = new RecentCommands();

    /** @param settings the engine's settings */
    public EngineCore(AtEngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.name = settings.name();
        this.loop = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "cellmail-at-engine-" + name);
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        loop.setRemoveOnCancelPolicy(true);
        loop.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        loop.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.notifier = new Notifier(name);
        this.transcript = new TranscriptRecorder(settings.transcriptCapacity(), Clock.systemUTC());
        this.urcs = new UrcClassifier(settings.extraUrcPrefixes());
        this.framer = new LineFramer(settings.maxLineLength());
    }

    // ------------------------------------------------------------------ caller side (any thread)

    /** Opens the link and initialises the modem, in the background. */
    public void start() {
        if (closing.get()) {
            throw new IllegalStateException("engine " + name + " is closed");
        }
        if (started.compareAndSet(false, true)) {
            LOG.debug("starting AT engine {}", name);
            post(this::openLink);
        }
    }

    /** Fails every pending command with {@link AtException.Kind#CLOSED}, closes the link, stops all threads. */
    public void close() {
        if (closing.compareAndSet(false, true)) {
            LOG.debug("closing AT engine {}", name);
            LinkSession s = currentSession;
            if (s != null) {
                // unblocks a write stuck on a dead port, so the shutdown task gets its turn
                s.closeLink();
            }
            if (!post(this::shutdown)) {
                loop.shutdown();
            }
        }
        if (Thread.currentThread() != loopThread) {
            try {
                if (!loop.awaitTermination(LOOP_STOP_SECONDS, TimeUnit.SECONDS)) {
                    LOG.warn("engine thread of {} did not stop; interrupting it", name);
                    loop.shutdownNow();
                }
            } catch (InterruptedException e) {
                loop.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        notifier.close();
    }

    @Override
    public CompletionStage<AtResponse> send(AtCommand command) {
        Objects.requireNonNull(command, "command");
        if (command.intermediate().isPresent()) {
            throw new IllegalArgumentException("a command with an intermediate is an upload: " + command);
        }
        return submit(new Job<>(command, null, null, AtResponse.class));
    }

    @Override
    public CompletionStage<UploadResult> upload(AtCommand command, byte[] payload, UploadOptions options) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(options, "options");
        if (command.deferredPrefix().isPresent()) {
            throw new IllegalArgumentException("an upload has a result line, not a deferred result: " + command);
        }
        if (options.ending() == UploadOptions.Ending.CTRL_Z) {
            for (byte b : payload) {
                if (b == CTRL_Z || b == ESC) {
                    throw new IllegalArgumentException("a Ctrl-Z payload must not contain Ctrl-Z or ESC");
                }
            }
        }
        return submit(new Job<>(command, payload.clone(), options, UploadResult.class));
    }

    @Override
    public void addUrcListener(UrcListener listener) {
        notifier.addUrcListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeUrcListener(UrcListener listener) {
        notifier.removeUrcListener(listener);
    }

    @Override
    public void addModemListener(ModemListener listener) {
        notifier.addModemListener(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeModemListener(ModemListener listener) {
        notifier.removeModemListener(listener);
    }

    @Override
    public ModemState state() {
        return state;
    }

    @Override
    public long epoch() {
        return epoch;
    }

    @Override
    public AtCounters counters() {
        return counters.snapshot();
    }

    @Override
    public Transcript transcript() {
        return transcript.snapshot();
    }

    private <T> CompletionStage<T> submit(Job<T> j) {
        // the caller may cancel (or otherwise complete) the future; the engine then withdraws the job
        j.future.whenComplete((value, failure) -> post(() -> abandoned(j)));
        if (closing.get() || !post(() -> enqueue(j))) {
            j.finished = true;
            j.future.completeExceptionally(closedFailure(j.command));
        }
        return j.future;
    }

    // ------------------------------------------------------------------ engine thread: scheduling

    private boolean post(Runnable task) {
        try {
            loop.execute(guarded(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        try {
            return loop.schedule(guarded(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("AT engine {} failed internally", name, e);
            }
        };
    }

    private void enqueue(Job<?> j) {
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
            pumpTimer = schedule(this::pump, wait);
            return;
        }
        if (!configured) {
            startProcedure(new InitProcedure(new SyncProcedure(settings.syncAttempts(), mayBeInDataMode),
                    settings.init(), session.link().settings().baud()), ModemState.SYNCING);
            return;
        }
        if (needsResync) {
            counters.resyncs.incrementAndGet();
            transcript.note("resynchronising");
            startProcedure(new SyncProcedure(settings.syncAttempts(), mayBeInDataMode), ModemState.RESYNCING);
            return;
        }
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
        if (write((command.text() + "\r").getBytes(StandardCharsets.UTF_8))) {
            afterExchangeEvent();
        }
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
            ex.phaseTimeout().ifPresent(d -> exchangeTimer = schedule(() -> deadlinePassed(ex, serial), d.toNanos()));
        }
        if (ex.phase() == Exchange.Phase.TRANSFER && !ex.hasWrittenPayload()) {
            startTransfer(ex);
        }
    }

    private void deadlinePassed(Exchange ex, int serial) {
        if (exchange == ex && ex.phaseSerial() == serial) {
            ex.deadlinePassed();
            afterExchangeEvent();
        }
    }

    private void startTransfer(Exchange ex) {
        byte[] payload = job.payload;
        if (job.options.ending() == UploadOptions.Ending.CTRL_Z) {
            byte[] data = Arrays.copyOf(payload, payload.length + 1);
            data[payload.length] = CTRL_Z;
            transcript.sent("<" + payload.length + " bytes of data>\u001a");
            if (!write(data)) {
                return;
            }
            ex.payloadWritten(payload.length);
            ex.payloadEnded();
            afterExchangeEvent();
            return;
        }
        transcript.sent("<" + payload.length + " bytes of data>");
        if (!write(payload)) {
            return;
        }
        ex.payloadWritten(payload.length);
        // the modem may have ended data mode itself (its own input timeout) and answered already: then no +++;
        // if the caller gave up meanwhile, the modem is still in data mode and the +++ is needed all the more
        escape(payload.length, () -> exchange == ex ? ex.awaitsPayloadEnd() : mayBeInDataMode, () -> {
            if (exchange == ex) {
                ex.payloadEnded();
                afterExchangeEvent();
            }
        });
    }

    /**
     * Guard time (plus the time the line needs for what was just written), {@code +++} in one write, then
     * nothing is sent for another guard time.
     */
    private void escape(int pendingBytes, BooleanSupplier stillNeeded, Runnable afterEscape) {
        LinkSession s = session;
        escaping = true;
        long delay = settings.guardTime().toNanos() + s.drainNanos(pendingBytes);
        schedule(() -> {
            escaping = false;
            if (session != s || closed) {
                return;
            }
            if (stillNeeded.getAsBoolean()) {
                transcript.sent("+++");
                if (!write(ESCAPE_SEQUENCE)) {
                    return;
                }
                quietUntilNanos = System.nanoTime() + s.drainNanos(ESCAPE_SEQUENCE.length)
                        + settings.guardTime().toNanos();
                mayBeInDataMode = false;
                afterEscape.run();
            }
            pump();
        }, delay);
    }

    private void completeExchange(Exchange ex) {
        cancelExchangeTimer();
        exchange = null;
        framer.promptMode(false);
        Job<?> j = job;
        job = null;
        if (j != null) {
            finishJob(j, ex);
        } else if (procedure != null) {
            runProcedure(procedure, Procedure.StepResult.of(ex, mayBeInDataMode));
        }
        pump();
    }

    private void finishJob(Job<?> j, Exchange ex) {
        AtException failure = ex.failure();
        if (failure == null) {
            consecutiveTimeouts = 0;
            succeed(j, ex.value());
            return;
        }
        if (failure.kind() == AtException.Kind.TIMEOUT) {
            counters.timeouts.incrementAndGet();
            transcript.note("timeout: " + failure.getMessage());
            mayBeInDataMode |= j.isUpload();
            if (++consecutiveTimeouts >= settings.maxConsecutiveTimeouts()) {
                fail(j, failure);
                reopen(consecutiveTimeouts + " consecutive timeouts");
                return;
            }
            needsResync = true;
        } else if (failure.kind() == AtException.Kind.PROTOCOL) {
            mayBeInDataMode |= j.isUpload();
            needsResync = true;
        } else if (failure.isModemReported()) {
            counters.errors.incrementAndGet();
            consecutiveTimeouts = 0;
        }
        fail(j, failure);
    }

    private void abandoned(Job<?> j) {
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
            needsResync = true;
            mayBeInDataMode |= j.isUpload();
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
            case ESCAPE -> escape(0, () -> procedure == p, () -> runProcedure(p, Procedure.StepResult.ESCAPED));
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
            schedule(task, wait);
        } else {
            task.run();
        }
    }

    private void procedureSucceeded(Procedure p) {
        needsResync = false;
        mayBeInDataMode = false;
        if (p instanceof InitProcedure) {
            configured = true;
            everReady = true;
            consecutiveTimeouts = 0;
            openFailures = 0;
            long newEpoch = epoch + 1;
            epoch = newEpoch;
            transcript.note("initialised, epoch " + newEpoch);
            LOG.debug("modem {} initialised, epoch {}", name, newEpoch);
            notifier.ready(newEpoch);
        } else {
            transcript.note("resynchronised");
        }
        pump();
    }

    // ------------------------------------------------------------------ engine thread: received lines

    private void onLine(String line) {
        Optional<AtCommand> echoed = recentCommands.echoedBy(line);
        transcript.received(echoed.map(AtCommand::maskedText).orElse(line));
        if (echoed.isPresent()) {
            onEcho();
            return;
        }
        Optional<Urc> urc = urcs.classify(line);
        Exchange ex = exchange;
        if (ex != null && ex.offer(line, urc.isPresent())) {
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
        if (configured) {
            // echo was switched off at init: only a reset brings it back, and with it every other default
            modemLostState("echo is on again");
        }
    }

    private void onUrc(Urc urc) {
        counters.urcs.incrementAndGet();
        notifier.urc(urc);
        if (UrcClassifier.isPowerDown(urc)) {
            lastBootMarkNanos = System.nanoTime();
            if (configured) {
                modemLostState(urc.line());
            }
        } else if (UrcClassifier.isBootIndicator(urc)) {
            onBootIndicator(urc);
        }
    }

    private void onBootIndicator(Urc urc) {
        long now = System.nanoTime();
        boolean rdy = urc.prefix().equals(UrcClassifier.RDY);
        boolean sameBoot = !rdy && now - lastBootMarkNanos < settings.bootUrcWindow().toNanos();
        lastBootMarkNanos = now;
        if (sameBoot) {
            return;
        }
        if (configured) {
            modemLostState(urc.line());
        } else if (rdy && procedure instanceof InitProcedure) {
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
        configured = false;
        needsResync = false;
        mayBeInDataMode = false;
        consecutiveTimeouts = 0;
        abortWork(AtException.Kind.MODEM_REBOOTED, "the modem rebooted (" + reason + ")");
        notifier.rebooted(reason);
        pump();
    }

    private void onUnexpectedConnect() {
        counters.droppedLines.incrementAndGet();
        mayBeInDataMode = true;
        needsResync = true;
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

    private void openLink() {
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
            schedule(this::openLink, delay.toNanos());
            return;
        }
        if (sessionsOpened++ > 0) {
            counters.reopens.incrementAndGet();
        }
        LinkSession s = new LinkSession(link, "cellmail-at-reader-" + name, sessionListener);
        session = s;
        currentSession = s;
        framer.reset();
        recentCommands.clear();
        quietUntilNanos = 0;
        lastBootMarkNanos = System.nanoTime();
        transcript.note("opened " + link.uri());
        LOG.debug("link of {} opened: {}", name, link.uri());
        s.start();
        setState(ModemState.SYNCING);
        pump();
    }

    private void onBytes(LinkSession s, byte[] chunk) {
        if (s == session) {
            framer.feed(chunk, 0, chunk.length, framerSink);
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

    private boolean write(byte[] bytes) {
        LinkSession s = session;
        try {
            s.write(bytes);
            return true;
        } catch (IOException e) {
            onLinkLost(s, "write failed: " + e.getMessage());
            return false;
        }
    }

    /** Gives up the link (lost, or unusable) and reopens it after a backoff delay. */
    private void reopen(String reason) {
        closeSession();
        abortWork(AtException.Kind.LINK_LOST, reason);
        configured = false;
        needsResync = false;
        escaping = false;
        setState(everReady ? ModemState.REOPENING : ModemState.STARTING);
        Duration delay = Backoff.delay(settings.reopenBackoffBase(), settings.reopenBackoffCap(), openFailures++);
        transcript.note("reopening in " + delay.toMillis() + " ms: " + reason);
        schedule(this::openLink, delay.toNanos());
    }

    private void closeSession() {
        LinkSession s = session;
        session = null;
        currentSession = null;
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
        Job<?> j = job;
        job = null;
        if (j != null && !j.finished) {
            fail(j, new AtException(kind, j.command.maskedText() + ": " + reason));
        }
    }

    private void shutdown() {
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

    private static AtException closedFailure(AtCommand command) {
        return new AtException(AtException.Kind.CLOSED, command.maskedText() + ": the engine is closed");
    }

    /** The framer's output, on the engine thread. */
    private final class FramerSink implements LineFramer.Sink {
        @Override
        public void line(String line) {
            onLine(line);
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
        public void bytes(LinkSession s, byte[] chunk) {
            if (!post(() -> onBytes(s, chunk))) {
                throw new RejectedExecutionException("engine stopped");
            }
        }

        @Override
        public void lost(LinkSession s, String reason) {
            post(() -> onLinkLost(s, reason));
        }
    }
}
