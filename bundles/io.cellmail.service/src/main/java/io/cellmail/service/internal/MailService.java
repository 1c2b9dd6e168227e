/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.api.ServiceStatus;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsMessage;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.SmsStatus;
import io.cellmail.service.sms.SmsSegments;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemProbe;

/**
 * The mail service of one modem: validates, stores durably, and hands mail to its dispatcher thread.
 *
 * <p>Delivery is at-least-once. A mail is on disk (forced) before {@link #send} returns, and its file is deleted
 * only after a final outcome. Before each attempt the outbox records that the attempt started; if the process
 * dies after the modem got the mail ({@code AT+QSMTPPUT}) and before the outcome is recorded, the mail is sent
 * again after restart, so it may arrive twice. It is never lost.
 *
 * <p>Lifecycle: construct (loads the outbox), {@link #start()} (starts the dispatcher), {@link #close()} (stops
 * it and closes the mailer, which the service owns). Mail accepted before {@code start} waits for it.
 * {@link #replaceMailer} swaps the mailer while the service runs, when only the modem's or SMTP server's settings
 * changed: the outbox, the queue and every open stage stay as they are.
 */
public final class MailService implements CellularMailService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailService.class);
    /** How long close() lets the dispatcher finish after closing the mailer, before interrupting it. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    /** The service's own settings; the mailer's part of them is in {@link #mailer}. */
    private final MailServiceSettings settings;
    private final AtomicReference<ActiveMailer> mailer;
    private final OutboxLock outboxLock;
    private final Outbox outbox;
    private final ServiceClock clock;
    private final MailQueue queue;
    private final PendingReceipts receipts;
    private final SmsQueue smsQueue;
    private final CallbackStages<SmsDelivery> smsStages;
    private final SmsTransitions smsTransitions;
    private final SmsAdmission smsAdmission;
    private final ServiceEvents events;
    private final SmsFallback sms;
    private final Transitions transitions;
    private final ClockCheckpoints checkpoints;
    private final OutboxRecovery recovery;
    private final Dispatcher dispatcher;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Thread dispatcherThread;

    /**
     * A service on the system clock.
     *
     * @see #MailService(MailServiceSettings, ModemMailer, EventSink, TimeSource, RandomGenerator)
     */
    public MailService(MailServiceSettings settings, ModemMailer mailer, EventSink events) throws IOException {
        this(settings, mailer, events, new SystemTimeSource(), new SplittableRandom());
    }

    /**
     * Creates the service and loads its outbox; mail found there is due at once (or at its recorded retry time).
     *
     * @param settings the configuration
     * @param mailer the dialect's mailer; the service closes it in {@link #close()}
     * @param eventSink where events go
     * @param time the clocks to schedule by
     * @param random the jitter source of the retry policy
     * @throws IOException when the outbox directory cannot be created, or another service uses it (a directory that
     *     cannot be listed now is listed again later; until then no mail is accepted)
     */
    public MailService(MailServiceSettings settings, ModemMailer mailer, EventSink eventSink, TimeSource time,
            RandomGenerator random) throws IOException {
        this(settings, mailer, eventSink, time, random, OutboxFileSystem.PLATFORM);
    }

    /**
     * As the public constructor, with the file operations the outbox makes: a test passes one that fails.
     */
    MailService(MailServiceSettings settings, ModemMailer mailer, EventSink eventSink, TimeSource time,
            RandomGenerator random, OutboxFileSystem files) throws IOException {
        this(settings, mailer, eventSink, time, random, files, Optional.empty());
    }

    /**
     * As the public constructor, with the file operations the outbox makes and where the SMS fallback hands the SMS it
     * decides.
     *
     * @param fallbackJobs empty: the service's own SMS outbox, as in production; a test gives one that records the
     *     decisions. It is asked about mail found in the outbox while this constructor loads it, so it must be loaded
     *     already.
     */
    MailService(MailServiceSettings settings, ModemMailer mailer, EventSink eventSink, TimeSource time,
            RandomGenerator random, OutboxFileSystem files, Optional<SmsJobs> fallbackJobs) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mailer = new AtomicReference<>(new ActiveMailer(mailer, settings.mailer()));
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(eventSink, "eventSink");
        Objects.requireNonNull(random, "random");
        this.outboxLock = OutboxLock.acquire(settings.outboxDirectory());
        try {
            long started = System.nanoTime();
            this.outbox = new Outbox(settings.outboxDirectory(), files);
            ServiceStateFile stateFile = new ServiceStateFile(outbox);
            ServiceStateFile.Saved saved = stateFile.read();
            this.clock = new ServiceClock(time, saved.time());
            RateLimiter rateLimiter = new RateLimiter(settings.maxPerHour());
            rateLimiter.restore(saved.windowStarts());
            ServiceStateFile smsWindow = new ServiceStateFile(outbox, SmsOutbox.RATE_LIMIT_FILE);
            RateLimiter smsRateLimiter = new RateLimiter(settings.sms().maxPerHour());
            smsRateLimiter.restore(smsWindow.read().windowStarts());
            this.smsQueue = new SmsQueue(clock, smsRateLimiter, settings.expiry());
            this.queue = new MailQueue(clock, rateLimiter, settings.maxMessages(), settings.maxBytes(), smsQueue);
            this.receipts = new PendingReceipts("cellmail-callback-" + settings.name());
            this.smsStages = new CallbackStages<>("cellmail-callback-" + settings.name());
            this.events = new ServiceEvents(settings.name(), eventSink);
            SmsOutbox smsOutbox = new SmsOutbox(outbox);
            this.smsTransitions = new SmsTransitions(smsOutbox, smsQueue, clock, events, smsStages);
            this.smsAdmission = new SmsAdmission(smsOutbox, smsQueue, clock, smsStages, queue::wake,
                    settings.maxMessages());
            FinalOutcomes outcomes = new FinalOutcomes(outbox, clock);
            // Loaded before the mail: the fallback asks it about every mail the recovery finds.
            smsAdmission.load();
            this.sms = new SmsFallback(settings.sms(), fallbackJobs.orElse(smsAdmission), outbox, clock);
            this.transitions = new Transitions(outbox, queue, clock, events, receipts, outcomes, sms);
            this.checkpoints = new ClockCheckpoints(stateFile, clock);
            this.recovery = new OutboxRecovery(outbox, queue, clock, transitions, outcomes, sms, settings.expiry(),
                    settings.retryCap(), sequence);
            RetryPolicy retryPolicy = new RetryPolicy(settings.retryBase(), settings.retryCap(), random);
            SmsSender smsSender = new SmsSender(smsTransitions, smsWindow, this.mailer::get, retryPolicy, clock,
                    () -> settings.sms().maxParts(), settings.expiry());
            this.dispatcher = new Dispatcher(queue, transitions, outbox, recovery, checkpoints, this.mailer::get,
                    retryPolicy, clock, smsSender, smsAdmission);
            recovery.start();
            LOG.debug("Service {} loaded {} mails from {} in {} ms; {} wait for room", settings.name(), queue.size(),
                    outbox.directory(), (System.nanoTime() - started) / 1_000_000, recovery.waitingForRoom());
        } catch (IOException | RuntimeException e) {
            releaseOutbox();
            throw e;
        }
    }

    /** Starts the dispatcher thread. */
    public synchronized void start() {
        if (closed.get()) {
            throw new IllegalStateException("The mail service " + settings.name() + " is closed");
        }
        if (dispatcherThread == null) {
            dispatcherThread = new Thread(dispatcher, "cellmail-dispatch-" + settings.name());
            dispatcherThread.setDaemon(true);
            dispatcherThread.start();
        }
    }

    @Override
    public CompletionStage<DeliveryReceipt> send(MailMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed.get()) {
            throw new MailException(MailErrorCode.SERVICE_STOPPED, "The mail service " + settings.name()
                    + " is stopped");
        }
        mailer.get().mailer().validate(message);
        while (true) {
            StoredMessage stored = new StoredMessage(new MailHeader(message.id(), sequence.getAndIncrement(),
                    message.priority(), clock.wallNow(), clock.now()), message);
            byte[] file = outbox.encode(stored);
            Admission admission = queue.admit(stored.id(), stored.sequence(), file.length,
                    queued -> receipts.register(queued, this::stopped));
            if (admission instanceof Admission.Joined joined) {
                // The same id is still in the outbox: sending is idempotent, the caller follows the queued mail.
                return joined.stage();
            } else if (admission instanceof Admission.Full full) {
                throw new MailException(MailErrorCode.QUEUE_FULL, "The outbox of " + settings.name() + " is full ("
                        + full.usage() + "); a mail of " + file.length + " bytes does not fit");
            } else if (admission instanceof Admission.Busy busy) {
                // Another send of this id is writing its file: its outcome decides, so wait for it and ask again.
                busy.settled().join();
            } else {
                Optional<FinalOutcomes.Outcome> ended = transitions.outcome(stored.id());
                if (ended.isPresent()) {
                    // Asked after the admission: a mail the dispatcher finishes meanwhile is remembered by then.
                    queue.abandon(stored.id());
                    return answerFromOutcome(ended.get());
                }
                return accept(stored, file);
            }
        }
    }

    /** An id that ended within the hour is one mail: it is not queued again, the caller gets its outcome. */
    private static CompletionStage<DeliveryReceipt> answerFromOutcome(FinalOutcomes.Outcome outcome) {
        LOG.info("Mail {} ended {} at {}; sent again, it is not queued again", outcome.id(), outcome.state(),
                outcome.endedAt());
        return outcome.delivered() ? CompletableFuture.completedFuture(outcome.receipt())
                : CompletableFuture.failedFuture(outcome.failure());
    }

    private CompletionStage<DeliveryReceipt> accept(StoredMessage stored, byte[] file) {
        String name;
        try {
            name = outbox.add(stored, file);
        } catch (IOException e) {
            queue.abandon(stored.id());
            throw new MailException(MailErrorCode.OUTBOX_WRITE_FAILED, null, "The outbox of " + settings.name()
                    + " cannot store the mail: " + e, e);
        } catch (RuntimeException e) {
            queue.abandon(stored.id());
            throw e;
        }
        CompletionStage<DeliveryReceipt> stage = receipts.register(stored.sequence(), this::stopped);
        // QUEUED goes out before the dispatcher can see the mail, so it is the first event of every mail.
        events.queued(stored.id());
        MailHeader header = stored.header();
        DeliveryState state = sms.accepted(stored, name, DeliveryState.initial(header.acceptedAtService()));
        queue.add(new Pending(header, name, file.length, header.acceptedAtService().plus(settings.expiry()), state));
        return stage;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The text is checked against the configured most parts before anything is written; the SMS is then stored
     * in the outbox like mail and sent by the dispatcher, before any mail that is due.
     */
    @Override
    public CompletionStage<SmsDelivery> sendSms(SmsMessage message) {
        Objects.requireNonNull(message, "message");
        if (closed.get()) {
            throw new MailException(MailErrorCode.SERVICE_STOPPED, "The mail service " + settings.name()
                    + " is stopped");
        }
        SmsSegments segments = SmsSegments.of(message.text());
        int maxParts = settings.sms().maxParts();
        if (segments.count() > maxParts) {
            throw new MailException(MailErrorCode.INVALID_MESSAGE, "text", "The SMS text takes " + segments.count()
                    + " parts in " + segments.encoding() + "; this service sends at most " + maxParts, null);
        }
        return smsAdmission.send(message, this::stopped);
    }

    @Override
    public Optional<MessageStatus> status(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        return queue.status(messageId).or(() -> transitions.outcome(messageId).map(FinalOutcomes.Outcome::status));
    }

    @Override
    public boolean cancel(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        Optional<Pending> cancelled = queue.cancel(messageId);
        cancelled.ifPresent(transitions::cancelled);
        return cancelled.isPresent();
    }

    @Override
    public ServiceStatus serviceStatus() {
        ModemHealth health = closed.get() ? new ModemHealth(ModemState.STOPPED, Registration.UNKNOWN,
                OptionalInt.empty()) : health();
        return new ServiceStatus(settings.name(), health.state(), health.registration(), health.signal(),
                queue.size() + recovery.waitingForRoom(), queue.lastError(), MailerWarnings.of(mailer.get().settings()),
                health.module());
    }

    /**
     * @return every mail without a final outcome that is indexed, in the order they were accepted; mail that waits
     *     on disk for room after a restart (the bounds were lowered) is listed once it is indexed
     */
    public List<MessageStatus> queue() {
        return queue.pending();
    }

    /**
     * Makes a waiting mail due now; the rate limit still applies. Recorded in the outbox, so a restart does not put
     * the mail back into its backoff.
     *
     * @param messageId the mail's id
     * @return true when the mail waits in the outbox and is now due; false when unknown, final or being sent
     */
    public boolean retryNow(String messageId) {
        Objects.requireNonNull(messageId, "messageId");
        boolean due = transitions.retryNow(messageId);
        LOG.debug("Service {}: retry of mail {} now {}", settings.name(), messageId, due ? "due" : "refused");
        return due;
    }

    /**
     * @return the modem's answers to the dialect's diagnostic commands
     * @throws MailException as {@link ModemMailer#probe()}, or {@link MailErrorCode#SERVICE_STOPPED} once closed
     */
    public ModemProbe probe() {
        if (closed.get()) {
            throw new MailException(MailErrorCode.SERVICE_STOPPED, "The mail service " + settings.name()
                    + " is stopped");
        }
        return mailer.get().mailer().probe();
    }

    /**
     * @param lastLines how many lines at most
     * @return the mailer's recent AT conversation, masked; empty when it keeps none
     */
    public List<String> transcript(int lastLines) {
        try {
            return List.copyOf(mailer.get().mailer().transcript(lastLines));
        } catch (RuntimeException e) {
            LOG.debug("The modem mailer of {} cannot give its transcript", settings.name(), e);
            return List.of();
        }
    }

    /** @return the settings in effect now, including the mailer's latest ones */
    public MailServiceSettings settings() {
        return settings.withMailer(mailer.get().settings());
    }

    /**
     * Replaces the mailer, e.g. after the SMTP server or the port changed, without touching the outbox: queued
     * mail and open stages stay. The old mailer is closed; a send it was making ends and is retried at once on the
     * new mailer.
     *
     * @param mailerSettings the settings {@code newMailer} was created with
     * @param newMailer the new mailer; the service owns it from now on, and closes it if the service is closed
     * @throws IllegalStateException when the service is closed
     */
    public void replaceMailer(MailerSettings mailerSettings, ModemMailer newMailer) {
        ActiveMailer replacement = new ActiveMailer(newMailer, mailerSettings);
        ActiveMailer old;
        synchronized (this) {
            if (closed.get()) {
                closeQuietly(newMailer);
                throw new IllegalStateException("The mail service " + settings.name() + " is closed");
            }
            old = mailer.getAndSet(replacement);
        }
        closeQuietly(old.mailer());
        LOG.debug("Service {} now sends through {}", settings.name(), mailerSettings);
    }

    /** @return the SMS waiting in the outbox, one entry per number without an outcome, oldest first */
    public List<SmsStatus> smsQueue() {
        return smsQueue.statuses();
    }

    /** @return what the service did since it started and what its outbox holds */
    public OutboxCounters counters() {
        OutboxCounters mail = transitions.counters(queue.size() + recovery.waitingForRoom(), queue.heldByRateLimit());
        return new OutboxCounters(mail.sent(), mail.failed(), mail.retried(), mail.expired(), mail.cancelled(),
                mail.queued(), mail.heldByRateLimit(), mail.setAside(), smsTransitions.sentCount(),
                smsTransitions.failedCount(), smsQueue.openNumbers());
    }

    /** @return where the fallback hands the SMS it decides on about a mail */
    SmsJobs smsJobs() {
        return smsAdmission;
    }

    /** @return the newest outbox files found damaged, now in the outbox's {@code corrupt/} directory */
    public List<Path> setAsideRecords() {
        return outbox.setAside();
    }

    /**
     * Stops the dispatcher and closes the mailer. A mail being sent is cut off and stays in the outbox, like
     * every undelivered mail; open stages fail with {@link MailErrorCode#SERVICE_STOPPED}. Leaves no thread.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        queue.stop();
        Thread thread;
        ActiveMailer last;
        synchronized (this) {
            thread = dispatcherThread;
            last = mailer.get();
        }
        closeQuietly(last.mailer());
        if (thread != null) {
            join(thread);
        }
        // The last record of the clock and the window: this run's time counts in full after a clean stop.
        checkpoints.record(clock.now(), queue.window());
        smsStages.close(stopped());
        receipts.close(stopped());
        releaseOutbox();
        LOG.debug("Service {} stopped", settings.name());
    }

    private void releaseOutbox() {
        try {
            outboxLock.close();
        } catch (IOException e) {
            LOG.warn("Cannot release the lock of outbox {}", settings.outboxDirectory(), e);
        }
    }

    private void closeQuietly(ModemMailer closing) {
        try {
            closing.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the modem mailer of {} failed", settings.name(), e);
        }
    }

    private void join(Thread thread) {
        try {
            thread.join(STOP_GRACE.toMillis());
            if (thread.isAlive()) {
                // The mailer did not end its send on close; an interrupt is the last resort.
                thread.interrupt();
                thread.join(STOP_TIMEOUT.toMillis());
            }
            if (thread.isAlive()) {
                LOG.warn("The dispatcher of {} did not stop within {}", settings.name(), STOP_GRACE.plus(STOP_TIMEOUT));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ModemHealth health() {
        try {
            return mailer.get().mailer().health();
        } catch (RuntimeException e) {
            LOG.debug("The modem mailer of {} cannot tell its health", settings.name(), e);
            return new ModemHealth(ModemState.UNAVAILABLE, Registration.UNKNOWN, OptionalInt.empty());
        }
    }

    private MailException stopped() {
        return new MailException(MailErrorCode.SERVICE_STOPPED, "The mail service " + settings.name()
                + " stopped; the mail stays in its outbox and is sent when the service runs again");
    }
}
