/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.at.AtEngine;
import io.cellmail.at.EngineState;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;
import io.cellmail.service.spi.SenderIdentity;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;

/**
 * The mailer of the {@code auto} dialect: identifies the module in the background on a short-lived AT engine
 * ({@link Identifier}), then creates the mailer of the module's dialect with that dialect's factory and hands every
 * call to it. Until then a send waits for the identification within its deadline. A module without an SMTP client
 * is a final state: every send fails at once with {@link MailErrorCode#NO_SMTP_CLIENT}. A module whose dialect is
 * not installed waits for it: its sends fail with a transient code until the dialect's factory comes.
 */
public final class AutoMailer implements ModemMailer, DialectFactories.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(AutoMailer.class);
    /** How many lines of earlier engines' transcripts are kept (the engine's own default capacity). */
    private static final int KEPT_TRANSCRIPT = 500;
    private static final Duration THREAD_STOP = Duration.ofSeconds(10);

    /** Where the mailer is. */
    private enum Phase {
        /** The module has not answered yet. */
        IDENTIFYING,
        /** The dialect's mailer does the work. */
        DELEGATING,
        /** The module has no SMTP client: final. */
        NO_SMTP,
        /** The module's dialect has no factory (yet). */
        DIALECT_MISSING,
        /** The module's dialect refused the settings: until the configuration changes. */
        SETTINGS_REFUSED,
        /** Closed. */
        CLOSED
    }

    private final MailerSettings settings;
    private final String name;
    private final Supplier<AtEngine> engines;
    private final DialectFactories dialects;
    private final AutoTimings timings;
    private final Thread identifying;
    private final KeptTranscript kept = new KeptTranscript(KEPT_TRANSCRIPT);
    private final OwnEngineProbe ownProbe;

    @GuardedBy("this")
    private Phase phase = Phase.IDENTIFYING;
    @GuardedBy("this")
    private @Nullable Identifier identifier;
    @GuardedBy("this")
    private @Nullable ModuleIdentity identity;
    @GuardedBy("this")
    private @Nullable ModemMailer delegate;
    @GuardedBy("this")
    private @Nullable ModemMailerFactory delegateFactory;
    @GuardedBy("this")
    private @Nullable MailException refusal;

    /**
     * @param settings the settings the dialect's mailer is created with
     * @param name the modem's name, for threads and logs
     * @param engines a new, unstarted AT engine on the modem's link each time
     * @param dialects the dialects' factories
     * @param timings the identification's waits
     */
    public AutoMailer(MailerSettings settings, String name, Supplier<AtEngine> engines, DialectFactories dialects,
            AutoTimings timings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.name = Objects.requireNonNull(name, "name");
        this.engines = Objects.requireNonNull(engines, "engines");
        this.dialects = Objects.requireNonNull(dialects, "dialects");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.ownProbe = new OwnEngineProbe(engines, name, kept, KEPT_TRANSCRIPT);
        this.identifying = new Thread(this::identify, "cellmail-auto-" + name);
        identifying.setDaemon(true);
    }

    /** Starts the identification in the background; returns at once. */
    public void start() {
        dialects.listen(this);
        identifying.start();
    }

    private void identify() {
        Identifier running;
        synchronized (this) {
            if (phase == Phase.CLOSED) {
                return;
            }
            running = new Identifier(engines.get(), timings, name);
            identifier = running;
        }
        Optional<ModuleIdentity> found = Optional.empty();
        try {
            found = running.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("The identification of the modem {} failed", name, e);
        } finally {
            synchronized (this) {
                kept.keep(running.transcript(KEPT_TRANSCRIPT));
                identifier = null;
            }
        }
        found.ifPresent(this::identified);
    }

    private synchronized void identified(ModuleIdentity module) {
        if (phase == Phase.CLOSED) {
            return;
        }
        identity = module;
        if (module.family() == ModuleFamily.NONE) {
            phase = Phase.NO_SMTP;
            LOG.warn("The modem {} is {}, which has no SMTP client (AT+QSMTPCFG=? answers ERROR): every mail through it"
                    + " fails with {}", name, module.describe(), MailErrorCode.NO_SMTP_CLIENT);
        } else {
            resolve();
        }
        notifyAll();
    }

    /** Creates the dialect's mailer when its factory is there. */
    @GuardedBy("this")
    private void resolve() {
        ModuleIdentity module = Objects.requireNonNull(identity, "identity");
        String dialect = module.family().dialect().orElseThrow();
        Optional<ModemMailerFactory> factory = dialects.find(dialect);
        if (factory.isEmpty()) {
            if (phase != Phase.DIALECT_MISSING) {
                LOG.warn("The modem {} is {}, which speaks dialect {}; no factory of that dialect is installed, mail"
                        + " waits for one", name, module.describe(), dialect);
            }
            phase = Phase.DIALECT_MISSING;
            return;
        }
        try {
            delegate = factory.get().create(settings);
            delegateFactory = factory.get();
            phase = Phase.DELEGATING;
        } catch (MailException e) {
            // the dialect's limits: the message names the setting, never a password
            refusal = new MailException(MailErrorCode.SETTING_REJECTED, e.field().orElse(null),
                    "dialect " + dialect + " of " + module.name() + " refuses the settings: " + e.getMessage(), e);
            phase = Phase.SETTINGS_REFUSED;
            LOG.warn("The modem {} is {}: {}", name, module.describe(), refusal.getMessage());
        }
    }

    @Override
    public void dialectsChanged() {
        ModemMailer gone = null;
        synchronized (this) {
            if (phase == Phase.DIALECT_MISSING) {
                resolve();
                notifyAll();
            } else if (phase == Phase.DELEGATING && delegateFactory != null
                    && !dialects.holds(Objects.requireNonNull(identity).family().dialect().orElseThrow(),
                            delegateFactory)) {
                // its bundle stopped: the mailer it made must not outlive it
                gone = delegate;
                kept.keep(Objects.requireNonNull(gone).transcript(KEPT_TRANSCRIPT));
                delegate = null;
                delegateFactory = null;
                resolve();
            }
        }
        if (gone != null) {
            gone.close();
        }
    }

    /** Accepts what {@link MailMessage} accepts until the module is known, then what its dialect accepts. */
    @Override
    public void validate(MailMessage message) throws MailException {
        ModemMailer target;
        synchronized (this) {
            target = delegate;
        }
        if (target != null) {
            target.validate(message);
        }
    }

    @Override
    public void send(MailMessage message, SenderIdentity sender, Duration deadline) throws MailException {
        long end = System.nanoTime() + deadline.toNanos();
        ModemMailer target = identifiedMailer(end, "send", this::noSmtpClient);
        // a mail accepted while the module was unknown meets the dialect's limits before it goes to the module
        target.validate(message);
        target.send(message, sender, Duration.ofNanos(Math.max(1, end - System.nanoTime())));
    }

    /** Sends through the mailer of the dialect found, like {@link #send}. */
    @Override
    public SmsReceipt sendSms(SmsRequest request, Duration deadline) throws MailException {
        long end = System.nanoTime() + deadline.toNanos();
        ModemMailer target = identifiedMailer(end, "SMS", module -> new MailException(MailErrorCode.SMS_NOT_SUPPORTED,
                "The modem " + name + " is " + module.describe() + ", which has no SMTP client: cellmail drives no "
                        + "dialect on it, SMS included"));
        return target.sendSms(request, Duration.ofNanos(Math.max(1, end - System.nanoTime())));
    }

    /**
     * @param end when the caller stops waiting for the identification ({@link System#nanoTime()})
     * @param what the work, for messages
     * @param noSmtp the failure of a module without an SMTP client
     * @return the mailer of the dialect found
     * @throws MailException when there is none: not identified in time, no SMTP client, its dialect missing, its
     *     settings refused, or the mailer closed
     */
    private synchronized ModemMailer identifiedMailer(long end, String what,
            Function<ModuleIdentity, MailException> noSmtp) {
        awaitIdentified(end, what);
        if (phase == Phase.DIALECT_MISSING) {
            resolve();
        }
        return switch (phase) {
            case DELEGATING -> Objects.requireNonNull(delegate);
            case NO_SMTP -> throw noSmtp.apply(Objects.requireNonNull(identity));
            case DIALECT_MISSING -> throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The modem " + name
                    + " is " + Objects.requireNonNull(identity).name() + ", which speaks dialect "
                    + identity.family().dialect().orElseThrow() + "; no factory of that dialect is installed");
            case SETTINGS_REFUSED -> throw Objects.requireNonNull(refusal);
            case CLOSED -> throw closed(name);
            case IDENTIFYING -> throw new IllegalStateException("still identifying");
        };
    }

    /**
     * Waits until the module is identified or the mailer closed.
     *
     * @throws MailException {@link MailErrorCode#MODEM_UNAVAILABLE} when the time passed first or the thread was
     *     interrupted (its interrupt status kept)
     */
    @GuardedBy("this")
    private void awaitIdentified(long end, String what) {
        try {
            while (phase == Phase.IDENTIFYING) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The modem " + name
                            + " has not been identified yet (no answer); the " + what + " gave up waiting");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The " + what + " was interrupted while the modem "
                    + name + " was being identified");
        }
    }

    private MailException noSmtpClient(ModuleIdentity module) {
        return new MailException(MailErrorCode.NO_SMTP_CLIENT, "The modem " + name + " is " + module.describe()
                + ", which has no SMTP client");
    }

    /**
     * @param name the modem's name
     * @return the failure of work given to a closed mailer
     */
    static MailException closed(String name) {
        return new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The mailer of the modem " + name + " is closed");
    }

    @Override
    public synchronized ModemHealth health() {
        return switch (phase) {
            case IDENTIFYING -> AutoHealth.identifying(identifier != null
                    && identifier.state() == EngineState.REOPENING);
            case DELEGATING -> AutoHealth.delegating(Objects.requireNonNull(delegate).health(),
                    Objects.requireNonNull(identity));
            case NO_SMTP -> AutoHealth.noSmtpClient(Objects.requireNonNull(identity));
            case DIALECT_MISSING -> AutoHealth.dialectMissing(Objects.requireNonNull(identity));
            case SETTINGS_REFUSED -> AutoHealth.settingsRefused(Objects.requireNonNull(refusal));
            case CLOSED -> AutoHealth.closed();
        };
    }

    /**
     * Waits for the identification (bounded), then asks the dialect's mailer, or, when there is none (no SMTP
     * client, dialect missing), the module on an engine of its own.
     */
    @Override
    public ModemProbe probe() throws MailException {
        long end = System.nanoTime() + timings.probeDeadline().toNanos();
        ModemMailer target;
        synchronized (this) {
            awaitIdentified(end, "probe");
            if (phase == Phase.CLOSED) {
                throw closed(name);
            }
            target = delegate;
        }
        return target != null ? target.probe() : ownProbe.probe(end);
    }

    /** The identification's and any probe's exchanges, then those of the dialect's mailer. */
    @Override
    public List<String> transcript(int lastLines) {
        List<String> lines;
        ModemMailer target;
        synchronized (this) {
            lines = new ArrayList<>(kept.lines());
            if (identifier != null) {
                lines.addAll(identifier.transcript(lastLines));
            }
            target = delegate;
        }
        if (target != null) {
            lines.addAll(target.transcript(lastLines));
        }
        int from = Math.max(0, lines.size() - Math.max(0, lastLines));
        return List.copyOf(lines.subList(from, lines.size()));
    }

    /** Ends the identification (closing its engine), closes the dialect's mailer; a waiting send ends at once. */
    @Override
    public void close() {
        Identifier running;
        ModemMailer target;
        synchronized (this) {
            if (phase == Phase.CLOSED) {
                return;
            }
            phase = Phase.CLOSED;
            running = identifier;
            target = delegate;
            delegate = null;
            notifyAll();
        }
        dialects.unlisten(this);
        if (running != null) {
            running.stop();
        }
        ownProbe.close();
        if (target != null) {
            target.close();
        }
        if (identifying.isAlive() && Thread.currentThread() != identifying) {
            try {
                identifying.join(THREAD_STOP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (identifying.isAlive()) {
                LOG.warn("The identification thread of the modem {} did not stop within {}", name, THREAD_STOP);
            }
        }
    }
}
