/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.modem;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.internal.at.CommandLine;
import io.cellmail.emulator.internal.at.LineAssembler;
import io.cellmail.emulator.internal.at.LineAssembler.ReceivedLine;
import io.cellmail.emulator.internal.command.DataUpload;
import io.cellmail.emulator.internal.command.Outcome;
import io.cellmail.emulator.internal.command.TextEntry;
import io.cellmail.emulator.internal.command.LteErrors;
import io.cellmail.emulator.internal.command.ResultFormat;
import io.cellmail.emulator.internal.data.DataModeReceiver;
import io.cellmail.emulator.internal.data.DataModeReceiver.Ending;
import io.cellmail.emulator.internal.fault.FaultPlan;
import io.cellmail.emulator.internal.fault.LineFaults;
import io.cellmail.emulator.internal.line.FinalCode;
import io.cellmail.emulator.internal.line.HostConnection;
import io.cellmail.emulator.internal.line.InputStall;
import io.cellmail.emulator.internal.line.LineRate;
import io.cellmail.emulator.internal.line.ResponseWriter;
import io.cellmail.emulator.internal.smtp.OutgoingMail;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Attachment;
import io.cellmail.emulator.internal.sms.ShortMessageCentre;
import io.cellmail.emulator.internal.smtp.SmtpRelay;
import io.cellmail.emulator.internal.state.FileSystem.Path;
import io.cellmail.emulator.internal.state.ModuleMemory;
import io.cellmail.emulator.internal.state.PdpContexts;
import io.cellmail.emulator.internal.state.SslContexts;
import io.cellmail.emulator.internal.state.SmtpMailbox;
import io.cellmail.emulator.internal.transcript.TranscriptLog;

/**
 * The emulated module. Everything that touches its state runs on one "modem" thread, in arrival order: host bytes,
 * data-mode deadlines, SMTP results and faults are all tasks on it, so the state needs no locks and the order of
 * what the host sees is the order things happened. A command's latency is spent on that thread too, so later
 * input waits, as in a real module busy with a command.
 *
 * <p>The module powers on when the first host connects (boot URCs) and keeps its state, its data mode included,
 * across host connections until it reboots.
 */
public final class ModemCore implements HostConnection, FaultPlan.Actions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemCore.class);
    private static final AtomicInteger NUMBER = new AtomicInteger();
    private static final byte CTRL_Z = 0x1A;
    private static final byte ESC = 0x1B;
    /** The module's buffer for a message's text: room for any message of 140 octets, in hex with its SMSC. */
    private static final int MAX_TEXT_ENTRY = 2048;

    private final EmulatorSettings settings;
    private final ModuleMemory state;
    private final TranscriptLog transcript;
    private final FaultPlan faults;
    private final ResultFormat format;
    private final LteErrors lteErrors;
    private final ResponseWriter out;
    private final CommandInterpreter interpreter;
    private final MailSender sender;
    private final LongSupplier nanoClock;
    private final ScheduledExecutorService modemThread;
    private final ExecutorService smtpWorkers;
    private final LineAssembler assembler = new LineAssembler();
    private final InputStall inputStall;
    private final List<String> heldUrcs = new ArrayList<>();
    private final ShortMessageCentre smsCentre = new ShortMessageCentre();
    private final SmsLink smsLink;
    private final java.io.ByteArrayOutputStream enteredText = new java.io.ByteArrayOutputStream();
    private TextEntry textEntry;
    private volatile Runnable hangUp = () -> { };
    private boolean poweredOn;
    private DataModeReceiver receiver;
    private DataUpload upload;
    private ScheduledFuture<?> deadline;
    private boolean cutUpload;
    /** When the module finished its last command line, on the modem clock; a line that came meanwhile waited. */
    private long lineDoneAt = Long.MIN_VALUE;

    /**
     * @param settings how the module behaves
     * @param relay sends the mails
     * @param transcript records every line
     * @param nanoClock monotonic time, used for arrival stamps and data-mode deadlines
     */
    public ModemCore(EmulatorSettings settings, SmtpRelay relay, TranscriptLog transcript, LongSupplier nanoClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transcript = Objects.requireNonNull(transcript, "transcript");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.state = new ModuleMemory(settings);
        this.inputStall = new InputStall(nanoClock);
        this.faults = new FaultPlan(this);
        this.format = new ResultFormat(settings.compactResults());
        this.lteErrors = new LteErrors(settings.lteErrorBase());
        this.interpreter = CommandInterpreter.standard(format, settings);
        int id = NUMBER.incrementAndGet();
        this.modemThread = Executors.newSingleThreadScheduledExecutor(named("cellmail-emulator-modem-" + id));
        this.smtpWorkers = Executors.newCachedThreadPool(named("cellmail-emulator-smtp-" + id));
        this.sender = new MailSender(relay, smtpWorkers);
        this.smsLink = new SmsLink(state, faults, smsCentre);
        LineRate outputRate = new LineRate(settings.bytesPerSecond(), System::nanoTime, TimeUnit.NANOSECONDS::sleep);
        this.out = new ResponseWriter(transcript, outputRate, state::verbose);
    }

    /** @return the fault injection of this module */
    public FaultPlan faults() {
        return faults;
    }

    /** @return where the short messages this module sends arrive */
    public ShortMessageCentre smsCentre() {
        return smsCentre;
    }

    @Override
    public void connected(OutputStream toHost, Runnable onHangUp) {
        hangUp = Objects.requireNonNull(onHangUp, "onHangUp");
        out.attach(toHost, onHangUp);
        post(() -> {
            if (!poweredOn) {
                poweredOn = true;
                boot();
            }
        });
    }

    @Override
    public void received(byte[] bytes, long arrivalNanos) {
        post(() -> onBytes(bytes, arrivalNanos));
    }

    @Override
    public boolean awaitClearToSend() throws InterruptedException {
        return inputStall.awaitClearToSend();
    }

    @Override
    public void disconnected(OutputStream toHost) {
        out.detach(toHost);
    }

    @Override
    public void reboot() {
        post(() -> {
            poweredOn = true;
            boot();
        });
    }

    @Override
    public void silentReboot() {
        post(() -> {
            poweredOn = true;
            restart();
            state.powerOnKeepingResponseFormat();
            LOG.debug("module rebooted silently (boot {})", state.bootCount());
        });
    }

    @Override
    public void unsolicited(String line) {
        post(() -> emitUnsolicited(line));
    }

    @Override
    public void contextLost(String gsmUrc) {
        post(() -> {
            if (!settings.personality().lte()) {
                emitUnsolicited(gsmUrc);
                return;
            }
            PdpContexts contexts = state.pdpContexts();
            for (int id : contexts.activeIds()) {
                contexts.deactivate(id);
                emitUnsolicited("+QIURC: \"pdpdeact\"," + id);
            }
        });
    }

    @Override
    public void noise(byte[] bytes) {
        post(() -> out.noise(bytes));
    }

    @Override
    public void stallInput(Duration duration) {
        // Not a modem-thread task: the stall holds the line, and the modem keeps answering what it already has.
        inputStall.stallFor(duration);
    }

    /** Stops the modem and SMTP threads; a mail in flight never gets its result. */
    @Override
    public void close() {
        inputStall.release();
        modemThread.shutdownNow();
        smtpWorkers.shutdownNow();
        try {
            modemThread.awaitTermination(2, TimeUnit.SECONDS);
            smtpWorkers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void boot() {
        restart();
        state.powerOn();
        LOG.debug("module boots (boot {})", state.bootCount());
        if (settings.autobaud() || !settings.bootUrcs()) {
            return;
        }
        settings.personality().bootUrcs(state.sim().status().text(), state.sim().ready()).forEach(out::line);
    }

    /** What any restart does to the line: a half-received line, data mode and held URCs are gone. */
    private void restart() {
        assembler.reset();
        leaveDataMode();
        leaveTextEntry();
        heldUrcs.clear();
    }

    private void onBytes(byte[] bytes, long now) {
        int i = 0;
        while (i < bytes.length) {
            if (receiver != null) {
                i = dataBytes(bytes, i, now);
            } else if (textEntry != null) {
                i = textBytes(bytes, i);
            } else {
                ReceivedLine line = assembler.offer(bytes[i++]);
                if (line != null) {
                    onLine(line, now);
                }
            }
        }
    }

    /**
     * @param arrivalNanos when the line's last byte arrived: the module starts on it then, or when it finished the
     *     line before if that was later, and answers one command latency after it started
     */
    private void onLine(ReceivedLine line, long arrivalNanos) {
        try {
            handleLine(line, Math.max(arrivalNanos, lineDoneAt));
        } finally {
            lineDoneAt = nanoClock.getAsLong();
        }
    }

    private void handleLine(ReceivedLine line, long startedNanos) {
        String text = line.text();
        transcript.received(text);
        boolean command = CommandLine.prefixIndex(text) >= 0;
        if (state.awaitingAutobaud()) {
            if (!command) {
                return;
            }
            state.autobaudDetected();
        }
        if (state.echo()) {
            out.echo(text, line.terminator());
        }
        if (line.overflowed()) {
            out.finalCode(FinalCode.ERROR);
            return;
        }
        if (!command) {
            return;
        }
        LineFaults fault = faults.takeFor(text);
        if (fault.rebootBefore()) {
            boot();
            return;
        }
        if (fault.mute() || !pauseUntil(startedNanos + settings.commandLatency().plus(fault.delay()).toNanos())) {
            return;
        }
        if (fault.refuse()) {
            out.finalCode(FinalCode.ERROR);
            return;
        }
        Outcome outcome = interpreter.execute(text, state, this::startMail, smsLink, out, fault.urcsInReply());
        if (outcome.kind() == Outcome.Kind.DATA_MODE) {
            enterDataMode(outcome.upload());
        } else if (outcome.kind() == Outcome.Kind.PROMPT) {
            textEntry = outcome.entry();
            enteredText.reset();
        }
        if (fault.rebootAfter()) {
            boot();
        }
    }

    private void enterDataMode(DataUpload next) {
        upload = next;
        long timeout = next.timeout().map(Duration::toNanos).orElse(0L);
        receiver = new DataModeReceiver(next.limit(), settings.guardTime().toNanos(), settings.lenientEscape(),
                nanoClock.getAsLong(), timeout, next.framing());
        cutUpload = faults.takeCloseMidUpload();
        scheduleDeadline();
    }

    /** @return the index of the first byte after the payload, or the end of {@code bytes} */
    private int dataBytes(byte[] bytes, int from, long now) {
        long before = receiver.received();
        Ending ending = receiver.accept(bytes, from, bytes.length - from, now);
        acknowledge(before, receiver.received(), ending != null);
        if (cutUpload) {
            cutUpload = false;
            LOG.debug("fault: cutting the host connection mid-upload");
            hangUp.run();
        }
        if (ending == null) {
            scheduleDeadline();
            return bytes.length;
        }
        endDataMode(ending);
        return ending.consumed();
    }

    /** Ackmode of {@code AT+QFUPL}: an {@code A} for each block boundary the payload passed, none at its end. */
    private void acknowledge(long before, long after, boolean ended) {
        int block = upload.ackEvery();
        if (block <= 0) {
            return;
        }
        long last = ended ? after - 1 : after;
        for (long boundary = (before / block + 1) * block; boundary <= last; boundary += block) {
            out.noise(new byte[] {'A'});
        }
    }

    private void onDeadline() {
        if (receiver == null) {
            return;
        }
        Ending ending = receiver.tick(nanoClock.getAsLong());
        if (ending == null) {
            scheduleDeadline();
        } else {
            endDataMode(ending);
        }
    }

    private void scheduleDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
        }
        receiver.nextDeadline().ifPresent(at -> deadline = modemThread.schedule(this::onDeadline,
                Math.max(0, at - nanoClock.getAsLong()), TimeUnit.NANOSECONDS));
    }

    private void endDataMode(Ending ending) {
        DataUpload done = upload;
        leaveDataMode();
        transcript.data(ending.received());
        if (ending.result() >= 0 && done.answer().isPresent()) {
            DataUpload.Ended ended = done.answer().get().apply(ending.payload());
            ended.info().forEach(out::line);
            switch (ended.end().kind()) {
                case OK -> out.finalCode(FinalCode.OK);
                case FINAL_LINE -> out.line(ended.end().line());
                default -> out.finalCode(FinalCode.ERROR);
            }
        } else {
            if (ending.result() >= 0) {
                done.store().accept(ending.payload());
            }
            out.line(format.format(done.resultName(), ending.result()));
        }
        heldUrcs.forEach(out::line);
        heldUrcs.clear();
    }

    private void leaveDataMode() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
        receiver = null;
        upload = null;
        cutUpload = false;
    }

    /**
     * Takes the text of a short message after its prompt: every byte is text (a command typed now too) until
     * Ctrl-Z sends it or ESC abandons it; backspace deletes; in plain text a CR is text and gets a new prompt, in
     * hex text CR and LF are ignored. What does not fit the module's buffer is dropped, and the text then fails
     * its length check.
     *
     * @return the index of the first byte after the text, or the end of {@code bytes}
     */
    private int textBytes(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == CTRL_Z || b == ESC) {
                if (state.echo()) {
                    out.echoText(new byte[] {b});
                }
                endTextEntry(b == CTRL_Z);
                return i + 1;
            }
            if (state.echo()) {
                out.echoText(new byte[] {b});
            }
            if (b == '\b') {
                byte[] kept = enteredText.toByteArray();
                enteredText.reset();
                enteredText.write(kept, 0, Math.max(0, kept.length - 1));
            } else if (textEntry.hex() && (b == '\r' || b == '\n')) {
                continue;
            } else if (enteredText.size() < MAX_TEXT_ENTRY) {
                enteredText.write(b);
            }
            if (b == '\r') {
                out.prompt(settings.smsPrompt().bytes());
            }
        }
        return bytes.length;
    }

    private void endTextEntry(boolean send) {
        TextEntry entry = textEntry;
        byte[] text = enteredText.toByteArray();
        leaveTextEntry();
        transcript.received(new String(text, java.nio.charset.StandardCharsets.ISO_8859_1)
                + (char) (send ? CTRL_Z : ESC));
        if (!send) {
            // 27.005: ESC cancels the message; the module answers OK and sends nothing
            out.finalCode(FinalCode.OK);
        } else {
            DataUpload.Ended ended = entry.submit().apply(text);
            ended.info().forEach(out::line);
            switch (ended.end().kind()) {
                case OK -> out.finalCode(FinalCode.OK);
                case FINAL_LINE -> out.line(ended.end().line());
                default -> out.finalCode(FinalCode.ERROR);
            }
        }
        heldUrcs.forEach(out::line);
        heldUrcs.clear();
    }

    private void leaveTextEntry() {
        textEntry = null;
        enteredText.reset();
    }

    private void emitUnsolicited(String line) {
        if (receiver != null || textEntry != null) {
            heldUrcs.add(line);
        } else {
            out.line(line);
        }
    }

    private void startMail(Optional<Duration> timeout) {
        long boot = state.bootCount();
        sender.send(mailToSend(), timeout, faults.takeMailFault(), result -> post(() -> mailDone(boot, result)));
    }

    /** @return the mailbox's mail, addressed to the route of the settings if there is one ("host:port") */
    private OutgoingMail mailToSend() {
        SmtpMailbox mailbox = state.mailbox();
        String host = mailbox.server();
        int port = mailbox.port();
        if (settings.smtpRoute().isPresent()) {
            String route = settings.smtpRoute().get();
            int colon = route.lastIndexOf(':');
            host = route.substring(0, colon);
            port = Integer.parseInt(route.substring(colon + 1));
        }
        if (!settings.personality().lteSmtp()) {
            return mailbox.toMail(host, port);
        }
        // The LTE client authenticates when it has an account; its attachments are the files, read now.
        List<Attachment> files = new ArrayList<>();
        state.lteSmtp().attachmentFiles().values().forEach(name -> Path.parse(name)
                .flatMap(path -> state.files().read(path))
                .ifPresent(content -> files.add(new Attachment(name.substring(name.indexOf(':') + 1), content))));
        return mailbox.toMail(host, port, !mailbox.user().isEmpty(), files, tls());
    }

    /** @return the LTE client's TLS: {@code ssltype} and its SSL context, the CA file read now */
    private OutgoingMail.Tls tls() {
        int type = state.lteSmtp().sslType();
        if (type == 0) {
            return OutgoingMail.Tls.NONE;
        }
        int id = state.lteSmtp().sslContextId();
        SslContexts ssl = state.sslContexts();
        String protocol = switch (ssl.number(id, "sslversion")) {
            case 0 -> "SSLv3";
            case 1 -> "TLSv1";
            case 2 -> "TLSv1.1";
            case 3 -> "TLSv1.2";
            default -> "";
        };
        byte[] ca = Path.parse(ssl.text(id, "cacert")).flatMap(path -> state.files().read(path))
                .orElse(new byte[0]);
        return new OutgoingMail.Tls(type, protocol, ssl.number(id, "seclevel") >= 1, ca);
    }

    private void mailDone(long boot, int result) {
        if (boot != state.bootCount()) {
            LOG.debug("mail result {} dropped: the module rebooted meanwhile", result);
            return;
        }
        state.sending(false);
        emitUnsolicited(settings.personality().lteSmtp() ? "+QSMTPPUT: " + lteErrors.putResult(result)
                : format.format("+QSMTPPUT", result));
    }

    /**
     * Waits for a command's latency, counted from when the module started on its line (its arrival, or the end of
     * the line before) rather than from when this thread got to it: the hand-over from the line's thread would
     * otherwise add to every command a delay that no module configured with this latency has.
     *
     * @return false if interrupted (the emulator is closing)
     */
    private boolean pauseUntil(long dueNanos) {
        long left = dueNanos - nanoClock.getAsLong();
        if (left <= 0) {
            return true;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(left);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void post(Runnable task) {
        try {
            modemThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warn("emulated module failed on a task", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("emulator closed, task dropped");
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
