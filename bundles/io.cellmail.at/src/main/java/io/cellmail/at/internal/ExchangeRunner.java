/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.UploadOptions;

/**
 * Carries out one {@link Exchange} on the link: writes its command, gives each phase its deadline, sends an upload's
 * payload and ends it ({@code +++} between guard times, Ctrl-Z, or nothing when the modem counts the length), and
 * hands the finished exchange to its {@link Completion}. Also keeps the line quiet after {@code +++}: nothing is sent until the guard time after it has
 * passed. In the engine's turn.
 *
 * <p>Events only change the exchange ({@link #offer}, {@link #prompt}, {@link #abort}, a deadline);
 * {@link #settle()}, run after every event, acts on what they changed: completes the exchange, arms the deadline of
 * a new phase, starts a transfer.
 */
final class ExchangeRunner {

    /** Receives a finished exchange, in the engine's turn. */
    interface Completion {
        void exchangeDone(Exchange exchange);
    }

    private static final byte[] ESCAPE_SEQUENCE = "+++".getBytes(StandardCharsets.US_ASCII);
    private static final byte CTRL_Z = 0x1A;
    /** Closes a text prompt without sending its message (TS 27.005 3.5.1). */
    private static final byte[] ABORT_PROMPT = {0x1B};

    private final AtEngineSettings settings;
    private final EngineLoop loop;
    private final ModemLink link;
    private final LineFramer framer;
    private final TranscriptRecorder transcript;
    private final RecentCommands recentCommands;
    private final ModemKnowledge modem;
    private final Completion completion;

    private Exchange exchange;
    private byte[] payload;
    private UploadOptions upload;
    private boolean measuresRoundTrip;
    // the phase deadline starts once the command is on its way (its write's own deadline guards until then) or once
    // a line answered it, whichever comes first
    private boolean underWay;
    private int armedSerial = -1;
    private EngineLoop.Timer phaseTimer;
    private long writtenNanos;
    private boolean escaping;
    // tells the escape an upload's early result called off from a later one (see resultInSilence)
    private int escapeSerial;
    private long quietUntilNanos;
    /** Mirrors {@link #promptMayBeOpen()} for other threads: closing the engine reads it before its turn. */
    private volatile boolean promptUnderWay;

    ExchangeRunner(AtEngineSettings settings, EngineLoop loop, ModemLink link, LineFramer framer,
            TranscriptRecorder transcript, RecentCommands recentCommands, ModemKnowledge modem,
            Completion completion) {
        this.settings = settings;
        this.loop = loop;
        this.link = link;
        this.framer = framer;
        this.transcript = transcript;
        this.recentCommands = recentCommands;
        this.modem = modem;
        this.completion = completion;
    }

    /** @return true while an exchange runs or {@code +++} is under way; nothing else may start then */
    boolean busy() {
        return exchange != null || escaping;
    }

    /** @return how long the line must stay quiet after the last {@code +++}; 0 when it may be used */
    long quietNanosLeft() {
        return Math.max(0, quietUntilNanos - System.nanoTime());
    }

    /** Runs the task once the line may be used again. */
    void whenQuiet(Runnable task) {
        long wait = quietNanosLeft();
        if (wait > 0) {
            loop.scheduleStep(task, wait);
        } else {
            task.run();
        }
    }

    /**
     * Starts an exchange: writes its command.
     *
     * @param ex the exchange
     * @param uploadPayload the payload of an upload, else null
     * @param options the options of an upload, else null
     * @param ownCommand true for the engine's own short commands, whose reply time measures the link's round trip
     */
    void start(Exchange ex, byte[] uploadPayload, UploadOptions options, boolean ownCommand) {
        exchange = ex;
        promptUnderWay = ex.promptMayBeOpen();
        payload = uploadPayload;
        upload = options;
        measuresRoundTrip = ownCommand;
        underWay = false;
        armedSerial = -1;
        AtCommand command = ex.command();
        recentCommands.add(command);
        transcript.sentCommand(ex.maskedText());
        long now = System.nanoTime();
        // whatever began arriving before this point is not this command's reply (see LineFramer)
        framer.commandSent(now);
        framer.promptMode(ex.wantsPrompt());
        writtenNanos = now;
        // the end of an own command's write starts a round-trip measurement, which wants an exact stamp
        link.write((command.text() + "\r").getBytes(StandardCharsets.UTF_8), !ownCommand, end -> {
            if (exchange == ex) {
                writtenNanos = end;
                underWay = true;
            }
        });
    }

    /**
     * @param line a received line that may answer the running exchange
     * @param urc whether it looks like a URC
     * @param arrivalNanos when the chunk that ended it arrived
     * @return true if the running exchange took it
     */
    boolean offer(String line, boolean urc, long arrivalNanos) {
        Exchange ex = exchange;
        if (ex == null) {
            return false;
        }
        Exchange.Phase before = ex.phase();
        if (!ex.offer(line, urc)) {
            return false;
        }
        underWay = true;
        if (before == Exchange.Phase.TRANSFER && ex.phase() == Exchange.Phase.LINGER_OK) {
            resultInSilence();
        }
        if (measuresRoundTrip && before == Exchange.Phase.AWAIT_FINAL && ex.phase() != before) {
            // the engine's own short commands answer at once: their reply time is the link's round trip
            link.timing().roundTrip(arrivalNanos - writtenNanos);
        }
        return true;
    }

    /** A {@code >} prompt arrived. */
    void prompt() {
        if (exchange != null) {
            exchange.prompt();
            underWay = true;
        }
    }

    /** @return true if the running exchange is a prompt upload whose text was not handed to the link */
    boolean promptMayBeOpen() {
        return exchange != null && exchange.promptMayBeOpen();
    }

    /** @return {@link #promptMayBeOpen()} as last seen by the engine's turn; any thread */
    boolean promptUnderWay() {
        return promptUnderWay;
    }

    /**
     * Writes ESC, which closes a text prompt without sending anything: the modem answers {@code OK}, which the
     * synchronisation after it consumes. Nothing else starts until it is written.
     *
     * @param afterWrite runs once ESC was written (not if the link is lost meanwhile)
     */
    void abortPrompt(Runnable afterWrite) {
        escaping = true;
        LinkSession armedOn = link.currentSession();
        transcript.sent("<ESC>");
        link.write(ABORT_PROMPT, end -> {
            if (link.currentSession() == armedOn) {
                escaping = false;
                afterWrite.run();
            }
        });
    }

    /** The running command came back as echo. */
    void echo() {
        if (exchange != null) {
            exchange.echo();
        }
    }

    /** Ends the running exchange with a failure the engine observed (an unexpected line, an overflow). */
    void abort(AtException.Kind kind, String reason) {
        if (exchange != null) {
            exchange.abort(kind, reason);
        }
    }

    /** Forgets the running exchange without completing it: its caller gave up, or the modem or link is gone. */
    void drop() {
        promptUnderWay = false;
        cancelPhaseTimer();
        framer.promptMode(false);
        exchange = null;
        payload = null;
        upload = null;
    }

    /** The link was closed: an escape under way is moot, and so is the quiet after one. */
    void linkClosed() {
        drop();
        escaping = false;
        quietUntilNanos = 0;
    }

    /** Acts on what the last events changed: completes the exchange, arms a new phase's deadline, starts a transfer. */
    void settle() {
        Exchange ex = exchange;
        if (ex == null) {
            return;
        }
        if (ex.phase() == Exchange.Phase.DONE) {
            drop();
            completion.exchangeDone(ex);
            return;
        }
        framer.promptMode(ex.wantsPrompt());
        if (underWay && ex.phaseSerial() != armedSerial) {
            armedSerial = ex.phaseSerial();
            cancelPhaseTimer();
            int serial = armedSerial;
            ex.phaseTimeout().ifPresent(d -> phaseTimer = loop.scheduleStep(() -> deadlinePassed(ex, serial),
                    phaseNanos(ex, d)));
        }
        if (ex.phase() == Exchange.Phase.TRANSFER && !ex.hasWrittenPayload()) {
            startTransfer(ex);
        }
    }

    /**
     * Once every write handed over so far is done: what is left of their line time, the guard time and how much the
     * link's round trip varies ({@link LinkTiming#jitterNanos()}); {@code +++} in one write; then nothing is sent
     * until the line is free of it and another guard time (and jitter) has passed. Nothing else starts meanwhile.
     *
     * <p>The wait counts from when the line is really free ({@link LinkTiming#lineFreeNanos()}): a blocking write
     * already spent the line time, so only the guard time is left, while after a buffered write the line time is
     * still to come.
     *
     * @param stillNeeded asked when the guard time has passed: false if the modem left data mode meanwhile
     * @param afterEscape runs once {@code +++} was written (not if it was not needed)
     */
    void escape(BooleanSupplier stillNeeded, Runnable afterEscape) {
        escaping = true;
        int serial = ++escapeSerial;
        link.afterWrites(() -> {
            LinkTiming timing = link.timing();
            long delay = timing.busyNanos(System.nanoTime()) + settings.guardTime().toNanos()
                    + timing.jitterNanos();
            LinkSession armedOn = link.currentSession();
            loop.scheduleStep(() -> escapeNow(serial, armedOn, stillNeeded, afterEscape), delay);
        });
    }

    private void escapeNow(int serial, LinkSession armedOn, BooleanSupplier stillNeeded, Runnable afterEscape) {
        if (serial != escapeSerial || link.currentSession() != armedOn || !escaping) {
            return;
        }
        if (!stillNeeded.getAsBoolean()) {
            escaping = false;
            return;
        }
        transcript.sent("+++");
        link.write(ESCAPE_SEQUENCE, end -> {
            LinkTiming timing = link.timing();
            quietUntilNanos = Math.max(end, timing.lineFreeNanos()) + settings.guardTime().toNanos()
                    + timing.jitterNanos();
            escaping = false;
            modem.escaped();
            afterEscape.run();
        });
    }

    /**
     * The upload's result line came in the silence before {@code +++}. For an upload whose length the modem knows
     * ({@link UploadOptions.Ending#ESCAPE_SEQUENCE_OR_LENGTH}) that is the modem ending data mode by itself: the
     * silence ends now, without {@code +++} and the guard time after it. For any other upload the result means the
     * modem stopped elsewhere, and the silence runs to its end as it always did (see the ending's javadoc).
     */
    private void resultInSilence() {
        if (escaping && upload != null && upload.ending() == UploadOptions.Ending.ESCAPE_SEQUENCE_OR_LENGTH) {
            escaping = false;
            // the escape already armed for this upload must not run when a later one has armed its own
            escapeSerial++;
            transcript.note("the modem ended the upload at its length: no +++");
        }
    }

    private void startTransfer(Exchange ex) {
        byte[] data = payload;
        // handed over: a result line from now on answers this payload
        ex.payloadWritten(data.length);
        promptUnderWay = false;
        if (upload.ending() == UploadOptions.Ending.CTRL_Z) {
            byte[] ended = Arrays.copyOf(data, data.length + 1);
            ended[data.length] = CTRL_Z;
            transcript.sent("<" + data.length + " bytes of data>\u001a");
            // the result deadline starts once the line took the payload, however long that takes
            link.write(ended, end -> {
                if (exchange == ex) {
                    ex.payloadEnded();
                }
            });
            return;
        }
        transcript.sent("<" + data.length + " bytes of data>");
        if (upload.ending() == UploadOptions.Ending.LENGTH) {
            // the modem counts the bytes and leaves data mode at the last one: no guard time, no +++; the result
            // deadline starts once the line took the payload
            link.write(data, end -> {
                if (exchange == ex) {
                    ex.payloadEnded();
                }
            });
            return;
        }
        link.write(data, end -> {
        });
        // the modem may have ended data mode itself (its own input timeout) and answered already: then no +++;
        // if the caller gave up meanwhile, the modem is still in data mode and the +++ is needed all the more
        escape(() -> exchange == ex ? ex.awaitsPayloadEnd() : modem.mayBeInDataMode(), () -> {
            if (exchange == ex) {
                ex.payloadEnded();
            }
        });
    }

    /**
     * The wait for an optional {@code OK} after an upload's result lasts at least until the guard time after
     * {@code +++} has passed: nothing may be sent before then anyway, so a trailing {@code OK} is awaited for free
     * and the linger adds no time of its own when the modem answers within its guard.
     */
    private long phaseNanos(Exchange ex, Duration timeout) {
        long nanos = timeout.toNanos() + (link.isOpen() ? linkShare(ex.phase(), link.timing()) : 0);
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
        }
    }

    private void cancelPhaseTimer() {
        if (phaseTimer != null) {
            phaseTimer.cancel();
            phaseTimer = null;
        }
    }
}
