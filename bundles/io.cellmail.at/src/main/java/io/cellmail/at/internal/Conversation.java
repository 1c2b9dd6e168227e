/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.EngineState;
import io.cellmail.at.Urc;

/**
 * The conversation with the modem: decides what the engine does next and what becomes of each caller's command.
 * It owns the queue of commands, the procedures that come before them (initialisation, resynchronisation) and the
 * idle check; the link is kept by {@link ModemLink}, the running command by {@link ExchangeRunner}, the lines no
 * command claims by {@link UrcRouter}. Everything here runs in the engine's turn ({@link EngineLoop}). Caller
 * futures and listeners run on the {@link Notifier}'s thread.
 *
 * <p>Events only record what happened. After each of them, {@link #settle()} takes the next step: finish the
 * exchange that ended, then, if the engine is idle, the next piece of work, in this order: initialise if the modem
 * is not (or no longer) configured; resynchronise after a timeout, cancellation or protocol error; the next queued
 * command; with nothing queued, an idle check after a long silence.
 */
final class Conversation implements ModemLink.Events, ExchangeRunner.Completion, UrcRouter.Reactions {

    private static final Logger LOG = LoggerFactory.getLogger(Conversation.class);
    /** How long closing waits for the ESC that closes an open text prompt to be written. */
    private static final Duration PROMPT_ABORT_PATIENCE = Duration.ofMillis(500);

    private final AtEngineSettings settings;
    private final String name;
    private final EngineLoop loop;
    private final Notifier notifier;
    private final TranscriptRecorder transcript;
    private final EngineCounters counters;
    private final EngineStatus status;
    private final UrcClassifier urcs;
    private final LineFramer framer;
    private final RecentCommands recentCommands = new RecentCommands();
    private final ArrayDeque<Job<?>> queue = new ArrayDeque<>();
    private final ModemKnowledge modem;
    private final ModemLink link;
    private final ExchangeRunner exchanges;
    private final UrcRouter router;
    private final IdleCheck idleCheck;
    private final FramerSink framerSink = new FramerSink();

    private Job<?> job;
    private Procedure procedure;
    private EngineLoop.Timer pumpTimer;
    private boolean closed;
    private boolean everReady;
    private long chunkArrivalNanos;

    Conversation(AtEngineSettings settings, EngineLoop loop, Notifier notifier, TranscriptRecorder transcript,
            EngineCounters counters) {
        this.settings = settings;
        this.name = settings.name();
        this.loop = loop;
        this.notifier = notifier;
        this.transcript = transcript;
        this.counters = counters;
        this.status = new EngineStatus(name, notifier);
        this.urcs = new UrcClassifier(settings.extraUrcPrefixes());
        this.framer = new LineFramer(settings.maxLineLength());
        this.modem = new ModemKnowledge(settings.maxConsecutiveTimeouts());
        this.link = new ModemLink(settings, loop, transcript, counters, notifier, this);
        this.exchanges = new ExchangeRunner(settings, loop, link, framer, transcript, recentCommands, modem, this);
        this.router = new UrcRouter(settings, notifier, transcript, counters, status, modem, this);
        this.idleCheck = new IdleCheck(settings, loop, this::idleCheckMayRun, this::runIdleCheck);
        loop.afterEachTask(this::settle);
    }

    /** @return the lifecycle state; any thread */
    EngineState state() {
        return status.state();
    }

    /** @return the epoch; any thread */
    long epoch() {
        return status.epoch();
    }

    /** @return the open session, if any; any thread, for closing its link from outside the engine's turn */
    LinkSession currentSession() {
        return link.currentSession();
    }

    void openLink() {
        link.open();
    }

    void enqueue(Job<?> j) {
        if (closed) {
            fail(j, closedFailure(j.command));
            return;
        }
        queue.add(j);
    }

    /** The caller completed or cancelled the future itself; the engine withdraws the command. */
    void abandoned(Job<?> j) {
        if (j.finished) {
            return;
        }
        j.finished = true;
        counters.cancellations.incrementAndGet();
        if (j == job) {
            transcript.note("abandoned by the caller: " + j.command.maskedText());
            if (exchanges.promptMayBeOpen()) {
                modem.promptAbandoned();
            }
            exchanges.drop();
            job = null;
            modem.replyMayStillCome(j.isUpload());
        } else {
            queue.remove(j);
        }
    }

    /**
     * @return true while a prompt upload waits for its prompt; any thread. Closing then leaves the link open for the
     *     shutdown, which closes the prompt with ESC first
     */
    boolean promptUnderWay() {
        return exchanges.promptUnderWay();
    }

    /** A driver found the modem's volatile state gone without any sign on the line (see AtChannel#modemReset). */
    void modemReset(String reason) {
        if (!closed) {
            router.modemReset(reason);
        }
    }

    void shutdown() {
        if (closed) {
            return;
        }
        closed = true;
        boolean promptOpen = exchanges.promptMayBeOpen() && link.isOpen();
        abortWork(AtException.Kind.CLOSED, "the engine was closed");
        for (Job<?> j : queue) {
            if (!j.finished) {
                fail(j, closedFailure(j.command));
            }
        }
        queue.clear();
        if (promptOpen) {
            // a module left at an open prompt would send whatever the next host types once a Ctrl-Z comes: close
            // it with ESC before the port, waiting no longer than a short write may take
            EngineLoop.Timer fallback = loop.schedule(this::release, PROMPT_ABORT_PATIENCE.toNanos());
            exchanges.abortPrompt(() -> {
                fallback.cancel();
                release();
            });
            return;
        }
        release();
    }

    /** The last step of closing: the port, the timers, the loop. */
    private void release() {
        if (status.state() == EngineState.CLOSED) {
            return;
        }
        link.close();
        exchanges.linkClosed();
        if (pumpTimer != null) {
            pumpTimer.cancel();
        }
        idleCheck.stop();
        status.set(EngineState.CLOSED);
        transcript.note("closed");
        loop.shutdown();
    }

    static AtException closedFailure(AtCommand command) {
        return new AtException(AtException.Kind.CLOSED, command.maskedText() + ": the engine is closed");
    }

    // ------------------------------------------------------------------ the next step

    /** After every event: finish an exchange that ended, then start the next piece of work if the engine is idle. */
    private void settle() {
        exchanges.settle();
        pump();
        // while a command runs (its reply, a step or a write's end will come) or the line must stay quiet (a step
        // ends it), a caller's next command needs no wake-up of the engine thread: that turn starts it
        loop.expectAnotherTurn(exchanges.busy() || pumpTimer != null);
    }

    private void pump() {
        if (closed || !link.isOpen() || exchanges.busy() || procedure != null) {
            return;
        }
        long wait = exchanges.quietNanosLeft();
        if (wait > 0) {
            if (pumpTimer == null) {
                pumpTimer = loop.scheduleStep(() -> pumpTimer = null, wait);
            }
            return;
        }
        switch (modem.next()) {
            case INITIALISE -> startProcedure(new InitProcedure(
                    new SyncProcedure(settings.syncAttempts(), modem.mayBeInDataMode()), settings.init(),
                    link.baud()), EngineState.SYNCING);
            case RESYNCHRONISE -> {
                counters.resyncs.incrementAndGet();
                transcript.note("resynchronising");
                startProcedure(new SyncProcedure(settings.syncAttempts(), modem.mayBeInDataMode()),
                        EngineState.RESYNCING);
            }
            case COMMANDS -> startNextJob();
        }
    }

    private void startNextJob() {
        status.set(EngineState.READY);
        Job<?> next;
        while ((next = queue.poll()) != null) {
            if (next.finished) {
                continue;
            }
            OptionalLong pinned = next.command.requiredEpoch();
            if (pinned.isPresent() && pinned.getAsLong() != status.epoch()) {
                fail(next, new AtException(AtException.Kind.MODEM_REBOOTED, next.command.maskedText()
                        + ": belongs to epoch " + pinned.getAsLong() + ", the modem is in epoch " + status.epoch()));
                continue;
            }
            job = next;
            counters.commands.incrementAndGet();
            Exchange ex = next.isUpload()
                    ? Exchange.upload(next.command, next.options, settings.commandTimeout(),
                            settings.trailingOkLinger())
                    : Exchange.command(next.command, settings.commandTimeout());
            exchanges.start(ex, next.payload, next.options, false);
            return;
        }
        idleCheck.arm();
    }

    @Override
    public void exchangeDone(Exchange ex) {
        idleCheck.exchangeEnded();
        Job<?> j = job;
        job = null;
        if (j != null) {
            finishJob(j, ex);
        } else if (idleCheck.finished(ex)) {
            finishIdleCheck(ex);
        } else if (procedure != null) {
            runProcedure(procedure, Procedure.StepResult.of(ex, modem.mayBeInDataMode()));
        }
    }

    private void finishJob(Job<?> j, Exchange ex) {
        AtException failure = ex.failure();
        if (failure == null) {
            modem.answered();
            if (isPinEntry(j.command)) {
                // A SIM that takes its PIN announces itself as at a boot (+CPIN: READY, then Call Ready seconds
                // later): those lines belong to the unlock, not to a reboot.
                router.bootMayStart();
            }
            succeed(j, ex.value());
            return;
        }
        // counters first: a caller that sees the failure sees it counted
        boolean reopen = false;
        if (ex.promptMayBeOpen() && (failure.kind() == AtException.Kind.TIMEOUT
                || failure.kind() == AtException.Kind.PROTOCOL)) {
            // no final result came instead of the prompt: it may still come, and only ESC closes it
            modem.promptAbandoned();
        }
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

    private static boolean isPinEntry(AtCommand command) {
        return command.text().regionMatches(true, 0, "AT+CPIN=", 0, "AT+CPIN=".length());
    }

    private <T> void succeed(Job<T> j, Object value) {
        j.finished = true;
        notifier.complete(j.future, j.type.cast(value));
    }

    private void fail(Job<?> j, AtException failure) {
        j.finished = true;
        notifier.fail(j.future, failure);
    }

    // ------------------------------------------------------------------ the idle check

    private boolean idleCheckMayRun() {
        return !closed && link.isOpen() && !exchanges.busy() && procedure == null && job == null && queue.isEmpty()
                && status.state() == EngineState.READY;
    }

    private void runIdleCheck(Exchange check) {
        exchanges.start(check, null, null, true);
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

    // ------------------------------------------------------------------ procedures

    private void startProcedure(Procedure p, EngineState newState) {
        status.set(newState);
        procedure = p;
        runProcedure(p, null);
    }

    private void runProcedure(Procedure p, Procedure.StepResult previous) {
        if (procedure != p) {
            return;
        }
        Procedure.Step step = p.next(previous);
        switch (step.kind()) {
            case PROBE, SEND -> exchanges.whenQuiet(() -> {
                if (procedure == p && !exchanges.busy() && link.isOpen()) {
                    exchanges.start(step.kind() == Procedure.Step.Kind.PROBE
                            ? Exchange.probe(step.command(), settings.probeTimeout(), settings.settleTime())
                            : Exchange.command(step.command(), settings.commandTimeout()), null, null, true);
                }
            });
            case ESCAPE -> {
                if (modem.promptMayBeOpen()) {
                    // at a text prompt +++ would become part of the message: ESC closes it without sending
                    exchanges.abortPrompt(() -> {
                        modem.promptAborted();
                        runProcedure(p, Procedure.StepResult.ESCAPED);
                    });
                } else {
                    exchanges.escape(() -> procedure == p, () -> runProcedure(p, Procedure.StepResult.ESCAPED));
                }
            }
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

    private void procedureSucceeded(Procedure p) {
        boolean initialised = p instanceof InitProcedure;
        modem.synchronised(initialised);
        if (!initialised) {
            transcript.note("resynchronised");
            return;
        }
        everReady = true;
        link.initialised();
        long newEpoch = status.nextEpoch();
        transcript.note("initialised, epoch " + newEpoch + roundTripNote());
        LOG.debug("modem {} initialised, epoch {}", name, newEpoch);
        // READY before the news of it, so that a listener reacting to onReady finds the engine ready.
        status.set(EngineState.READY);
        notifier.ready(newEpoch);
    }

    private String roundTripNote() {
        LinkTiming timing = link.timing();
        return timing.roundTrips() == 0 ? ""
                : "; link round trip " + Duration.ofNanos(timing.smoothedRoundTripNanos()).toMillis()
                        + " ms, varies by " + Duration.ofNanos(timing.jitterNanos()).toMillis() + " ms";
    }

    // ------------------------------------------------------------------ the link

    @Override
    public void opened(LinkSession session) {
        framer.reset();
        recentCommands.clear();
        idleCheck.exchangeEnded();
        router.bootMayStart();
        status.set(EngineState.SYNCING);
    }

    @Override
    public void bytes(byte[] chunk, long arrivalNanos) {
        chunkArrivalNanos = arrivalNanos;
        framer.feed(chunk, 0, chunk.length, arrivalNanos, framerSink);
    }

    @Override
    public void lost(String reason) {
        notifier.linkLost(reason);
        reopen("link lost: " + reason);
    }

    /** Gives up the link (lost, or unusable) and reopens it after a backoff delay. */
    private void reopen(String reason) {
        if (exchanges.promptMayBeOpen()) {
            modem.promptAbandoned();
        } else if (job != null && job.isUpload()) {
            modem.uploadInterrupted();
        }
        link.closeSession();
        // Out of READY before the running command fails (see UrcRouter).
        status.set(everReady ? EngineState.REOPENING : EngineState.STARTING);
        abortWork(AtException.Kind.LINK_LOST, reason);
        modem.portClosed();
        exchanges.linkClosed();
        link.reopenAfterBackoff(reason);
    }

    // ------------------------------------------------------------------ reactions to what the modem says

    /** Ends the running exchange and procedure; a caller's command fails with the given kind. */
    @Override
    public void abortWork(AtException.Kind kind, String reason) {
        exchanges.drop();
        procedure = null;
        idleCheck.forget();
        Job<?> j = job;
        job = null;
        if (j != null && !j.finished) {
            fail(j, new AtException(kind, j.command.maskedText() + ": " + reason));
        }
    }

    @Override
    public void bootedDuringInit() {
        if (procedure instanceof InitProcedure) {
            // the modem restarted under the initialisation: whatever it already took is gone
            transcript.note("modem booted during initialisation; starting again");
            exchanges.drop();
            procedure = null;
        }
    }

    @Override
    public void enteredDataMode() {
        exchanges.abort(AtException.Kind.PROTOCOL, "unexpected CONNECT: the modem entered data mode");
    }

    /**
     * @param line a received line
     * @param mayAnswer false if the line began arriving before the running command was sent, so it cannot be
     *     part of that command's reply
     */
    private void onLine(String line, boolean mayAnswer) {
        Optional<AtCommand> echoed = recentCommands.echoedBy(line);
        transcript.received(echoed.map(AtCommand::maskedText).orElse(line));
        if (echoed.isPresent()) {
            exchanges.echo();
            router.echo();
            return;
        }
        Urc urc = urcs.classify(line).orElse(null);
        if (mayAnswer && exchanges.offer(line, urc != null, chunkArrivalNanos)) {
            return;
        }
        router.unclaimed(line, urc);
    }

    private void onOverflow() {
        counters.droppedLines.incrementAndGet();
        transcript.note("dropped a line longer than " + settings.maxLineLength() + " bytes");
        exchanges.abort(AtException.Kind.PROTOCOL, "a line longer than " + settings.maxLineLength() + " bytes");
    }

    private void onPrompt() {
        transcript.received(">");
        exchanges.prompt();
    }

    /** The framer's output. */
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
}
