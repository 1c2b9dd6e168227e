/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import com.google.errorprone.annotations.concurrent.LockMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtException;
import io.cellmail.at.ModemListener;
import io.cellmail.at.Urc;
import io.cellmail.at.UrcListener;
import io.cellmail.quectel.internal.sms.SmsSender;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemProbe;
import io.cellmail.service.spi.SenderIdentity;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;

/**
 * The Quectel mailer of one modem, whichever its SMTP dialect: checks every mail against the module's limits, then
 * drives the module's SMTP client over its {@link AtEngine}. What differs by dialect (the limits, the mail
 * transaction, how a silent loss of the settings is found, what a PUT result means) is its {@link MailDialect}'s:
 * {@link GsmDialect} for the GSM manual, {@link LteDialect} for the LTE modules; everything here is shared.
 *
 * <p>One piece of work holds the modem at a time (a send, a health check, a probe). The radio ({@code AT+CPIN?},
 * {@code AT+CREG?}, {@code AT+CGATT?}, {@code AT+CSQ}) is checked before the first send of every epoch, after a
 * network-type failure and after {@code +PDP DEACT}, so that a missing SIM or network is reported as
 * {@link MailErrorCode#NO_SIM} or {@link MailErrorCode#NOT_REGISTERED} instead of a doomed send; a SIM that asks for
 * its PIN gets the configured one ({@link SimUnlock}). The radio is also refreshed in the background when the
 * modem becomes ready and every {@link MailerTimings#healthInterval()}, so that {@link #health()} has something to
 * tell without ever blocking; a background check that finds the radio fit also gives the dialect its idle work
 * ({@link MailDialect#whileIdle}: the GSM {@code +++} probe).
 *
 * <p>Before a mail, the dialect checks that the module still holds the settings it is believed to hold
 * ({@link MailDialect#lostSettings}); a module that lost them without a sign (a silent reboot) is reported to the
 * engine ({@link AtEngine#modemReset}), which starts a new epoch, and the mail is set up in full there.
 */
public final class QuectelMailer implements ModemMailer {

    private static final Logger LOG = LoggerFactory.getLogger(QuectelMailer.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(2);
    /** The LTE modules' URC for a context the network dropped, {@code +QIURC: "pdpdeact",<cid>}. */
    private static final String PDP_DEACT_LTE = "+QIURC: \"pdpdeact\"";
    /** Failures after which the radio is checked before the next send. */
    private static final Set<MailErrorCode> NETWORK_FAILURES = EnumSet.of(MailErrorCode.DNS_FAILURE,
            MailErrorCode.NETWORK_ERROR, MailErrorCode.CLOSED_BY_PEER, MailErrorCode.CONTEXT_DEACTIVATED,
            MailErrorCode.TIMEOUT, MailErrorCode.NOT_REGISTERED, MailErrorCode.NO_SIM);

    private final MailerSetup setup;
    private final AtEngine engine;
    private final MailDialect<?> dialect;
    private final SimUnlock simUnlock;
    private final PutLedger ledger;
    private final HealthTracker health = new HealthTracker();
    private final ReadyWait readyWait;
    private final ReentrantLock modem = new ReentrantLock(true);
    private final ScheduledExecutorService background;
    private final MailerTimings timings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EngineEvents events = new EngineEvents();
    @GuardedBy("modem")
    private final SmsSender sms = new SmsSender();

    /** Set from the engine's notification thread; read and cleared while holding {@link #modem}. */
    private volatile boolean radioCheckNeeded = true;
    @GuardedBy("modem")
    private long radioCheckedEpoch;
    /** The first epoch the next work may run in: raised past an epoch in which the modem rebooted. */
    @GuardedBy("modem")
    private long minimumEpoch = 1;

    /**
     * @param setup the mailer's settings and link
     * @param engine the AT engine of the modem, not started; the mailer owns and closes it
     * @param timings the waits and the health check interval
     * @param rejectedPins the SIM PINs refused so far, shared by the mailers of one factory
     * @param dialect makes the mailer's SMTP dialect
     */
    private QuectelMailer(MailerSetup setup, AtEngine engine, MailerTimings timings, RejectedPins rejectedPins,
            MailDialect.Maker dialect) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.simUnlock = new SimUnlock(setup.settings().simPin(), setup.settings().linkUri(), rejectedPins);
        this.ledger = new PutLedger(engine::epoch);
        this.dialect = Objects.requireNonNull(dialect.make(ledger), "dialect");
        this.readyWait = new ReadyWait(engine);
        String threadName = "cellmail-quectel-" + setup.engineName();
        this.background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param setup the mailer's settings and link
     * @param engine the AT engine of the modem, not started; the mailer owns and closes it
     * @param timings the waits and the health check interval
     * @param rejectedPins the SIM PINs refused so far, shared by the mailers of one factory
     * @return a mailer of the GSM SMTP dialect (Quectel GSM SMTP manual V1.00), not started
     */
    public static QuectelMailer gsm(MailerSetup setup, AtEngine engine, MailerTimings timings,
            RejectedPins rejectedPins) {
        return new QuectelMailer(setup, engine, timings, rejectedPins,
                ledger -> new GsmDialect(setup, timings, ledger));
    }

    /**
     * @param setup the mailer's settings and link
     * @param engine the AT engine of the modem, not started; the mailer owns and closes it
     * @param timings the waits and the health check interval
     * @param rejectedPins the SIM PINs refused so far, shared by the mailers of one factory
     * @return a mailer of the LTE SMTP(S) dialect ({@code AT+QSMTPCFG} keys, length-ended uploads), not started
     */
    public static QuectelMailer lte(MailerSetup setup, AtEngine engine, MailerTimings timings,
            RejectedPins rejectedPins) {
        return new QuectelMailer(setup, engine, timings, rejectedPins,
                ledger -> new LteDialect(setup, timings, ledger));
    }

    /** Starts the engine (in the background: returns at once) and the periodic health check. */
    public void start() {
        engine.addModemListener(health);
        engine.addModemListener(readyWait);
        engine.addModemListener(events);
        engine.addUrcListener(events);
        engine.addUrcListener(ledger);
        engine.start();
        long interval = timings.healthInterval().toNanos();
        // Ends with the executor in close(); refreshHealth catches its own failures, so none is lost in the future.
        var unused = background.scheduleWithFixedDelay(this::refreshHealth, interval, interval, TimeUnit.NANOSECONDS);
        LOG.debug("Quectel mailer started on {}", setup.settings().linkUri());
    }

    @Override
    public void validate(MailMessage message) {
        Objects.requireNonNull(message, "message");
        dialect.prepare(message);
    }

    @Override
    public void send(MailMessage message, SenderIdentity sender, Duration deadline) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(deadline, "deadline");
        send(dialect, message, sender, deadline);
    }

    /** Holds the type of the dialect's mail through the send. */
    private <M> void send(MailDialect<M> mailDialect, MailMessage message, SenderIdentity sender, Duration deadline) {
        M mail = mailDialect.prepare(message);
        mailDialect.checkSender(sender);
        Deadline until = Deadline.after(deadline);
        acquire(until, "send " + message.id());
        try {
            health.sending(true);
            Optional<PutResult> settled = ledger.takeSettled(message.id());
            if (settled.isPresent()) {
                LOG.debug("Mail {} was settled by a late PUT result {}; not sent again", message.id(), settled.get());
                Optional<MailException> failure = mailDialect.settled(settled.get());
                if (failure.isPresent()) {
                    throw failure.get();
                }
                return;
            }
            attempt(mailDialect, message.id(), mail, sender, until);
        } finally {
            health.sending(false);
            modem.unlock();
        }
    }

    /** One attempt while holding the modem: at most twice through, the second time after a silent reset. */
    @GuardedBy("modem")
    private <M> void attempt(MailDialect<M> mailDialect, String mailId, M mail, SenderIdentity sender,
            Deadline until) {
        boolean settingsChecked = false;
        while (true) {
            long epoch = awaitReady(until);
            try {
                ModemSession session = new ModemSession(engine, OptionalLong.of(epoch), until);
                SmtpWrites writes = new SmtpWrites(session, ledger, epoch);
                ensureRadio(session, epoch);
                if (!settingsChecked) {
                    settingsChecked = true;
                    Optional<String> lost = mailDialect.lostSettings(writes, mail);
                    if (lost.isPresent()) {
                        lostState(epoch, lost.get());
                        continue;
                    }
                }
                mailDialect.send(writes, mail, sender, mailId);
                return;
            } catch (MailException e) {
                noteFailure(e, epoch);
                LOG.debug("Mail {} not sent: {} {}", mailId, e.code(), e.getMessage());
                throw e;
            }
        }
    }

    /** The module lost what it was given in this epoch without the engine noticing: a new epoch must begin. */
    @GuardedBy("modem")
    private void lostState(long epoch, String reason) {
        // what the dialect believes the module holds belongs to this epoch: the next one starts from nothing
        minimumEpoch = Math.max(minimumEpoch, epoch + 1);
        engine.modemReset(reason);
    }

    /**
     * Sends an SMS with {@link SmsSender} while holding the modem, as {@link #send} holds it for a mail: no other
     * command runs while a message is entered. No radio check first: that one asks for GPRS, which an SMS does not
     * need; the module's {@code +CMS ERROR} tells what keeps an SMS from going. Only the SIM's PIN is entered first
     * when the SIM waits for it, as before a mail: an SMS right after a power-up would otherwise be refused
     * ({@code +CMS ERROR: 311}) with the PIN configured.
     */
    @Override
    public SmsReceipt sendSms(SmsRequest request, Duration deadline) {
        Objects.requireNonNull(request, "request");
        Deadline until = Deadline.after(Objects.requireNonNull(deadline, "deadline"));
        acquire(until, "SMS");
        try {
            long epoch = awaitReady(until);
            try {
                unlockSim(epoch, until);
                return sms.send(engine, epoch, request, until.remaining());
            } catch (MailException e) {
                noteFailure(e, epoch);
                throw e;
            }
        } finally {
            modem.unlock();
        }
    }

    @Override
    public ModemHealth health() {
        return health.snapshot();
    }

    @Override
    public ModemProbe probe() {
        Deadline until = Deadline.after(timings.diagnosticDeadline());
        acquire(Deadline.after(timings.probeChannelWait()), "probe");
        try {
            long epoch = awaitReady(until);
            try {
                return probe(new ModemSession(engine, OptionalLong.empty(), until));
            } catch (MailException e) {
                noteFailure(e, epoch);
                throw e;
            }
        } finally {
            modem.unlock();
        }
    }

    private ModemProbe probe(ModemSession session) {
        ModemProbe probe = ModemDiagnostics.probe(session, simUnlock);
        health.radio(new RadioStatus(probe.sim(), probe.registration(), probe.attached(), probe.signal()));
        return probe;
    }

    @Override
    public List<String> transcript(int lastLines) {
        return TranscriptFormat.lastLines(engine.transcript(), lastLines);
    }

    /** Closes the engine, which fails whatever a send waits for, and stops the background checks. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        health.closed();
        readyWait.release();
        engine.close();
        background.shutdownNow();
        try {
            if (!background.awaitTermination(STOP_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The health check of {} did not stop within {}", setup.engineName(), STOP_PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("Quectel mailer on {} closed", setup.settings().linkUri());
    }

    /** Takes the modem for one piece of work, waiting no longer than the deadline. */
    @LockMethod("modem")
    private void acquire(Deadline until, String work) {
        requireOpen();
        try {
            if (!modem.tryLock(Math.max(0, until.remainingNanos()), TimeUnit.NANOSECONDS)) {
                throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The modem is busy with another piece of "
                        + "work (a send or a health check); " + work + " gave up waiting");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, null, work + " was interrupted", e);
        }
        if (closed.get()) {
            modem.unlock();
            requireOpen();
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The mailer of " + setup.engineName()
                    + " is closed");
        }
    }

    /** What a failed piece of work in {@code epoch} means for the next one. */
    @GuardedBy("modem")
    private void noteFailure(MailException failure, long epoch) {
        if (NETWORK_FAILURES.contains(failure.code())) {
            radioCheckNeeded = true;
        }
        if (failure.code() == MailErrorCode.UPLOAD_MISMATCH) {
            // the rest of a payload reached the module's command line: whatever it held, the engine's settings
            // included, may have been changed; only a full initialisation and set-up in a new epoch is safe
            lostState(epoch, "an upload was cut short and its rest went to the command line");
        }
        if (failure.getCause() instanceof AtException at
                && (at.kind() == AtException.Kind.MODEM_REBOOTED || at.kind() == AtException.Kind.LINK_LOST)) {
            // the engine re-initialises into a later epoch; nothing may run in this one any more
            minimumEpoch = Math.max(minimumEpoch, epoch + 1);
        }
    }

    /** @return the epoch the engine is ready in */
    @GuardedBy("modem")
    private long awaitReady(Deadline until) {
        try {
            if (!readyWait.await(until.atMost(timings.readyWait()), minimumEpoch)) {
                requireOpen();
                throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The modem on " + setup.settings().linkUri()
                        + " is not ready (" + engine.state() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, null, "interrupted while waiting for the modem",
                    e);
        }
        return engine.epoch();
    }

    /** Enters the SIM's PIN when the SIM waits for it and no radio check of this epoch found it ready. */
    @GuardedBy("modem")
    private void unlockSim(long epoch, Deadline until) {
        if (radioCheckedEpoch == epoch && !radioCheckNeeded) {
            return;
        }
        ModemSession session = new ModemSession(engine, OptionalLong.of(epoch), until);
        simUnlock.unlock(session, RadioCheck.sim(session.attempt(Commands.simStatus())));
    }

    /** Checks the radio when it is not known to be fit for sending in this epoch. */
    @GuardedBy("modem")
    private void ensureRadio(ModemSession session, long epoch) {
        if (radioCheckedEpoch == epoch && !radioCheckNeeded) {
            return;
        }
        radioCheckNeeded = false;
        RadioStatus status;
        try {
            status = RadioCheck.query(session, simUnlock);
        } catch (MailException e) {
            radioCheckNeeded = true;
            throw e;
        }
        health.radio(status);
        if (!status.canSend()) {
            radioCheckNeeded = true;
            RadioCheck.requireSendable(status);
        }
        radioCheckedEpoch = epoch;
    }

    /** The background health check: skipped while other work holds the modem, which checks for itself. */
    private void refreshHealth() {
        try {
            // onReady comes a moment before the engine takes commands
            if (closed.get() || !readyWait.await(Deadline.after(timings.diagnosticDeadline()), 1)
                    || !modem.tryLock()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long epoch = engine.epoch();
        try {
            if (epoch < minimumEpoch) {
                return;
            }
            ModemSession session = new ModemSession(engine, OptionalLong.of(epoch),
                    Deadline.after(timings.diagnosticDeadline()));
            radioCheckNeeded = false;
            RadioStatus status = RadioCheck.query(session, simUnlock);
            if (status.canSend()) {
                radioCheckedEpoch = epoch;
                idleWork(new SmtpWrites(session, ledger, epoch));
            } else {
                radioCheckNeeded = true;
            }
            // published last, so that whoever waits for the radio finds the dialect's idle work done too
            health.radio(status);
        } catch (MailException e) {
            radioCheckNeeded = true;
            noteFailure(e, epoch);
            LOG.debug("Background health check of {} failed: {} {}", setup.engineName(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            radioCheckNeeded = true;
            LOG.warn("Background health check of {} failed unexpectedly", setup.engineName(), e);
        } finally {
            modem.unlock();
        }
    }

    /** The dialect's background work; a failure leaves it to a send. */
    @GuardedBy("modem")
    private void idleWork(SmtpWrites writes) {
        try {
            dialect.whileIdle(writes);
        } catch (MailException e) {
            noteFailure(e, writes.epoch());
            LOG.debug("Idle work of the dialect on {} failed: {} {}", setup.engineName(), e.code(), e.getMessage());
        }
    }

    /** The engine's events the mailer reacts to, on the engine's notification thread: never blocks. */
    private final class EngineEvents implements ModemListener, UrcListener {

        @Override
        public void onReady(long epoch) {
            try {
                background.execute(QuectelMailer.this::refreshHealth);
            } catch (RejectedExecutionException e) {
                LOG.debug("Mailer closing; no health check for epoch {}", epoch);
            }
        }

        @Override
        public void onUrc(Urc urc) {
            if (urc.line().endsWith("+PDP DEACT") || urc.line().startsWith(PDP_DEACT_LTE)) {
                // the network dropped the data context: look at the radio before the next send
                radioCheckNeeded = true;
            }
        }
    }
}
