package io.cellmail.quectel.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Registration;
import io.cellmail.at.AtEngine;
import io.cellmail.at.AtException;
import io.cellmail.at.InfoLine;
import io.cellmail.at.ModemListener;
import io.cellmail.at.Urc;
import io.cellmail.at.UrcListener;
import io.cellmail.quectel.internal.ModemSession.Reply;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemProbe;
import io.cellmail.service.spi.SenderIdentity;

/**
 * The Quectel GSM SMTP mailer of one modem: checks every mail against the module's limits, then drives the
 * module's SMTP client over its {@link AtEngine} (see {@link MailTransaction} for the sequence).
 *
 * <p>One piece of work holds the modem at a time (a send, a health check, a probe). The radio ({@code AT+CPIN?},
 * {@code AT+CREG?}, {@code AT+CGATT?}, {@code AT+CSQ}) is checked before the first send of every epoch, after a
 * network-type failure and after {@code +PDP DEACT}, so that a missing SIM or network is reported as
 * {@link MailErrorCode#NO_SIM} or {@link MailErrorCode#NOT_REGISTERED} instead of a doomed send; it is also
 * refreshed in the background when the modem becomes ready and every {@link MailerTimings#healthInterval()}, so that
 * {@link #health()} has something to tell without ever blocking.
 */
public final class QuectelMailer implements ModemMailer {

    private static final Logger LOG = LoggerFactory.getLogger(QuectelMailer.class);
    private static final Duration STOP_PATIENCE = Duration.ofSeconds(2);
    /** Failures after which the radio is checked before the next send. */
    private static final Set<MailErrorCode> NETWORK_FAILURES = EnumSet.of(MailErrorCode.DNS_FAILURE,
            MailErrorCode.NETWORK_ERROR, MailErrorCode.CLOSED_BY_PEER, MailErrorCode.CONTEXT_DEACTIVATED,
            MailErrorCode.TIMEOUT, MailErrorCode.NOT_REGISTERED, MailErrorCode.NO_SIM);

    private final QuectelConfiguration config;
    private final AtEngine engine;
    private final MessageRules rules;
    private final HealthTracker health = new HealthTracker();
    private final ReadyWait readyWait;
    private final ReentrantLock modem = new ReentrantLock(true);
    private final ScheduledExecutorService background;
    private final MailerTimings timings;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final EngineEvents events = new EngineEvents();

    /** Set from the engine's notification thread; read and cleared while holding {@link #modem}. */
    private volatile boolean radioCheckNeeded = true;
    // guarded by modem
    private ModemSideState modemSide = ModemSideState.unknown(0);
    private long radioCheckedEpoch;
    /** The first epoch the next work may run in: raised past an epoch in which the modem rebooted. */
    private long minimumEpoch = 1;

    /**
     * @param config the checked configuration
     * @param engine the AT engine of the modem, not started; the mailer owns and closes it
     * @param timings the waits and the health check interval
     */
    public QuectelMailer(QuectelConfiguration config, AtEngine engine, MailerTimings timings) {
        this.config = Objects.requireNonNull(config, "config");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.rules = new MessageRules(config.settings().lenientEscape());
        this.readyWait = new ReadyWait(engine);
        String threadName = "cellmail-quectel-" + config.engineName();
        this.background = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts the engine (in the background: returns at once) and the periodic health check. */
    public void start() {
        engine.addModemListener(health);
        engine.addModemListener(readyWait);
        engine.addModemListener(events);
        engine.addUrcListener(events);
        engine.start();
        long interval = timings.healthInterval().toNanos();
        background.scheduleWithFixedDelay(this::refreshHealth, interval, interval, TimeUnit.NANOSECONDS);
        LOG.debug("Quectel mailer started on {}", config.linkUri());
    }

    @Override
    public void validate(MailMessage message) {
        Objects.requireNonNull(message, "message");
        rules.prepare(message);
    }

    @Override
    public void send(MailMessage message, SenderIdentity sender, Duration deadline) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(deadline, "deadline");
        PreparedMail mail = rules.prepare(message);
        MessageRules.checkSender(sender);
        Deadline until = Deadline.after(deadline);
        acquire(until, "send " + message.id());
        try {
            health.sending(true);
            long epoch = awaitReady(until);
            try {
                ModemSession session = new ModemSession(engine, OptionalLong.of(epoch), until);
                if (modemSide.epoch() != epoch) {
                    modemSide = ModemSideState.unknown(epoch);
                }
                ensureRadio(session, epoch);
                MailTransaction transaction = new MailTransaction(session, config, modemSide);
                try {
                    transaction.send(mail, sender);
                } finally {
                    modemSide = transaction.state();
                }
            } catch (MailException e) {
                noteFailure(e, epoch);
                LOG.debug("Mail {} not sent: {} {}", message.id(), e.code(), e.getMessage());
                throw e;
            }
        } finally {
            health.sending(false);
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
        List<String> identity = session.run(Commands.identity()).infoLines().stream().map(InfoLine::line).toList();
        String sim = RadioCheck.sim(session.attempt(Commands.simStatus()));
        Registration registration = RadioCheck.registration(session.attempt(Commands.registration()));
        Reply attachment = session.attempt(Commands.gprsAttachment());
        Reply signal = session.attempt(Commands.signal());
        RadioStatus status = new RadioStatus(sim, RadioStatus.SIM_READY.equals(sim) ? registration
                : Registration.NO_SIM, RadioCheck.attached(attachment), RadioCheck.signal(signal));
        health.radio(status);
        return new ModemProbe(identity, status.sim(), status.registration(), status.signal(), status.attached());
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
                LOG.warn("The health check of {} did not stop within {}", config.engineName(), STOP_PATIENCE);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("Quectel mailer on {} closed", config.linkUri());
    }

    /** Takes the modem for one piece of work, waiting no longer than the deadline. */
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
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The mailer of " + config.engineName()
                    + " is closed");
        }
    }

    /** What a failed piece of work in {@code epoch} means for the next one. */
    private void noteFailure(MailException failure, long epoch) {
        if (NETWORK_FAILURES.contains(failure.code())) {
            radioCheckNeeded = true;
        }
        if (failure.getCause() instanceof AtException at
                && (at.kind() == AtException.Kind.MODEM_REBOOTED || at.kind() == AtException.Kind.LINK_LOST)) {
            // the engine re-initialises into a later epoch; nothing may run in this one any more
            minimumEpoch = Math.max(minimumEpoch, epoch + 1);
        }
    }

    /** @return the epoch the engine is ready in */
    private long awaitReady(Deadline until) {
        try {
            if (!readyWait.await(until.atMost(timings.readyWait()), minimumEpoch)) {
                requireOpen();
                throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The modem on " + config.linkUri()
                        + " is not ready (" + engine.state() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, null, "interrupted while waiting for the modem",
                    e);
        }
        return engine.epoch();
    }

    /** Checks the radio when it is not known to be fit for sending in this epoch. */
    private void ensureRadio(ModemSession session, long epoch) {
        if (radioCheckedEpoch == epoch && !radioCheckNeeded) {
            return;
        }
        radioCheckNeeded = false;
        RadioStatus status;
        try {
            status = RadioCheck.query(session);
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
            RadioStatus status = RadioCheck.query(session);
            health.radio(status);
            if (status.canSend()) {
                radioCheckedEpoch = epoch;
            } else {
                radioCheckNeeded = true;
            }
        } catch (MailException e) {
            radioCheckNeeded = true;
            noteFailure(e, epoch);
            LOG.debug("Background health check of {} failed: {} {}", config.engineName(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            radioCheckNeeded = true;
            LOG.warn("Background health check of {} failed unexpectedly", config.engineName(), e);
        } finally {
            modem.unlock();
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
            if (urc.line().endsWith("+PDP DEACT")) {
                // the network dropped the data context: look at the radio before the next send
                radioCheckNeeded = true;
            }
        }
    }
}
