/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.api.ServiceStatus;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsMessage;
import io.cellmail.service.CellularMailFactory;
import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;
import io.cellmail.service.ConfiguredCellularMail;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.SmsStatus;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;

/**
 * The mail service of one modem as a configuration front end runs it: the one composition of outbox, dispatcher
 * and dialect that this bundle's Declarative Services component and, through {@link CellularMailFactory}, the Kura
 * component share. See {@link ConfiguredCellularMail} for what it does with a configuration; besides that contract
 * it takes ready settings ({@link #configure(String, MailServiceSettings)}) and refusals ({@link #reject}). Its driver
 * is the {@link ModemMailerFactory} of the configured dialect among those registered now ({@link MailerFactories}):
 * while there is none it waits, saying so as its problem, and it starts when one comes. Not final:
 * this bundle's component ({@link MailServiceComponent}) is one, with its Declarative Services lifecycle added, so
 * that it answers {@code CellularMailService} and {@code CellularMailAdmin} without delegating every method.
 *
 * Thread-safe.
 */
public class ConfiguredMailService implements ConfiguredCellularMail {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredMailService.class);
    private static final String MASK = "****";
    /** What {@link #configurationProblem()} says while no port is set: the first thing an operator has to do. */
    static final String NOT_CONFIGURED = "not configured yet: set port to the modem's AT port";
    /**
     * The target filter that once chose the driver beside {@code dialect}: two settings that had to agree. The
     * reference it targeted is gone, so Declarative Services ignores it; a configuration that still holds it is told
     * so in the log.
     */
    static final String RETIRED_TARGET = "mailerFactory.target";

    private final MailerFactories mailerFactories;
    private final Runnable driversChanged = this::driversChanged;
    private final Supplier<EventAdmin> eventAdmin;
    private final Path dataArea;
    private final Object lifecycle = new Object();

    /** Replaced as a whole under {@link #lifecycle}, read without it. */
    private volatile State state = State.stopped("unconfigured");

    /**
     * @param mailerFactories the drivers registered now, kept up to date by the component that binds them
     * @param eventAdmin gives the EventAdmin to post events to right now, or null; without one events are dropped
     * @param dataArea where default and relative outboxes live, or null
     */
    ConfiguredMailService(MailerFactories mailerFactories, Supplier<EventAdmin> eventAdmin, Path dataArea) {
        this.mailerFactories = Objects.requireNonNull(mailerFactories, "mailerFactories");
        this.eventAdmin = Objects.requireNonNull(eventAdmin, "eventAdmin");
        this.dataArea = dataArea;
    }

    /**
     * For use without OSGi (tests, tools): one driver, registered for good.
     *
     * @param mailerFactory the driver's factory
     * @param dialect the dialect it serves
     * @param eventAdmin gives the EventAdmin to post events to right now, or null; without one events are dropped
     * @param dataArea where default and relative outboxes live, or null
     */
    public ConfiguredMailService(ModemMailerFactory mailerFactory, String dialect, Supplier<EventAdmin> eventAdmin,
            Path dataArea) {
        this(single(mailerFactory, dialect), eventAdmin, dataArea);
    }

    private static MailerFactories single(ModemMailerFactory mailerFactory, String dialect) {
        MailerFactories factories = new MailerFactories();
        factories.add(mailerFactory, Map.of(ModemMailerFactory.DIALECT_PROPERTY, dialect));
        return factories;
    }

    @Override
    public void configure(CellularMailConfiguration configuration, Map<String, ?> properties,
            CellularMailSecrets secrets) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(secrets, "secrets");
        if (SettingsFromConfiguration.portIsEmpty(configuration)) {
            awaitPort(SettingsFromConfiguration.nameOf(configuration));
            return;
        }
        if (properties.containsKey(RETIRED_TARGET)) {
            LOG.info("Mail service {}: {} is no longer read, {} alone chooses the driver; remove it from the "
                    + "configuration", SettingsFromConfiguration.nameOf(configuration), RETIRED_TARGET,
                    SettingsFromConfiguration.DIALECT);
        }
        MailServiceSettings settings;
        try {
            settings = SettingsFromConfiguration.settings(configuration, properties, secrets, dataArea);
        } catch (InvalidConfigurationException e) {
            reject(SettingsFromConfiguration.nameOf(configuration), e.getMessage());
            return;
        }
        configure(SettingsFromConfiguration.dialectOf(configuration), settings);
    }

    /**
     * Makes the service follow these settings with the driver of this dialect: starts it, replaces its mailer, or
     * replaces the service; while no driver of the dialect is registered, the service waits for one. Never throws.
     *
     * @param dialect the dialect whose driver sends the mail
     * @param settings the settings
     */
    public void configure(String dialect, MailServiceSettings settings) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(settings, "settings");
        synchronized (lifecycle) {
            mailerFactories.listen(driversChanged);
            Optional<ModemMailerFactory> driver = mailerFactories.forDialect(dialect);
            State current = state;
            if (driver.isEmpty()) {
                awaitDriver(current, dialect, settings);
            } else if (current.service() != null && current.sameServiceAs(settings)) {
                updateMailer(current, dialect, driver.get(), settings);
            } else {
                current.close();
                start(dialect, driver.get(), settings);
            }
        }
    }

    /**
     * Follows the drivers: a service waiting for its dialect's driver starts when one comes, and one whose driver
     * went (its bundle stopped) stops using it, taking the next best of its dialect or waiting for one.
     */
    private void driversChanged() {
        synchronized (lifecycle) {
            State current = state;
            if (current.dialect() == null || current.settings() == null) {
                return;
            }
            Optional<ModemMailerFactory> driver = mailerFactories.forDialect(current.dialect());
            boolean waiting = current.service() == null;
            if (waiting || driver.isEmpty() || driver.get() != current.factory()) {
                configure(current.dialect(), current.settings());
            }
        }
    }

    /** Stops what runs and waits for a driver of the dialect, saying so once per dialect. */
    private void awaitDriver(State current, String dialect, MailServiceSettings settings) {
        current.close();
        List<String> installed = mailerFactories.dialects();
        String problem = "no driver of dialect " + dialect + " is installed (no " + ModemMailerFactory.class
                .getSimpleName() + " service with " + ModemMailerFactory.DIALECT_PROPERTY + "=" + dialect + "; "
                + (installed.isEmpty() ? "none is" : "installed: " + String.join(", ", installed))
                + "): the service starts when one is registered";
        state = State.awaitingDriver(settings, dialect, problem);
        if (!dialect.equals(current.dialect()) || current.service() != null || current.settings() == null) {
            LOG.warn("Mail service {} does not run: {}", settings.name(), problem);
        }
    }

    /**
     * Stops the service because its configuration cannot be used, e.g. a password that cannot be decrypted. Mail on
     * disk stays; the problem is logged once and shown by {@link #configurationProblem()}.
     *
     * @param name the configured name, or the best guess of it
     * @param problem what is wrong, in words for the operator; it must not quote a password
     */
    public void reject(String name, String problem) {
        synchronized (lifecycle) {
            state.close();
            state = State.failed(Objects.requireNonNull(name, "name"), Objects.requireNonNull(problem, "problem"));
            LOG.warn("Mail service {} does not run: {}", name, problem);
        }
    }

    /**
     * Waits for a port: a new instance (Kura seeds it from the metatype's defaults, whose port is empty) opens no
     * link and accepts no mail, and says so once, instead of failing to open a port that is not there.
     */
    private void awaitPort(String name) {
        synchronized (lifecycle) {
            State previous = state;
            previous.close();
            state = State.notConfigured(name);
            // Once per arrival in this state: changing other settings of an instance without a port says nothing new.
            if (!previous.notConfigured() || !previous.name().equals(name)) {
                LOG.info("Mail service {} is not configured yet: set its port (the modem's AT port) to start it",
                        name);
            }
        }
    }

    /** Stops the service, its mailer and every thread it started. A later {@code configure} starts it again. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            mailerFactories.ignore(driversChanged);
            State ending = state;
            state = State.stopped(ending.name());
            ending.close();
            LOG.debug("Mail service {} stopped", ending.name());
        }
    }

    private void updateMailer(State current, String dialect, ModemMailerFactory driver,
            MailServiceSettings settings) {
        if (current.settings().mailer().equals(settings.mailer()) && driver == current.factory()) {
            LOG.debug("Mail service {}: nothing changed that it uses", settings.name());
            return;
        }
        ModemMailer mailer;
        try {
            mailer = createMailer(driver, settings);
        } catch (RuntimeException e) {
            reject(settings.name(), refusal(e, dialect, settings));
            return;
        }
        current.service().replaceMailer(settings.mailer(), mailer);
        state = State.running(settings, dialect, driver, current.service());
        warnOf(settings);
        LOG.debug("Mail service {} now uses {} with dialect {}", settings.name(), settings.mailer(), dialect);
    }

    private void start(String dialect, ModemMailerFactory driver, MailServiceSettings settings) {
        ModemMailer mailer;
        try {
            mailer = createMailer(driver, settings);
        } catch (RuntimeException e) {
            reject(settings.name(), refusal(e, dialect, settings));
            return;
        }
        MailService service;
        try {
            service = new MailService(settings, mailer, this::post);
        } catch (IOException | RuntimeException e) {
            mailer.close();
            reject(settings.name(), "the outbox " + settings.outboxDirectory() + " cannot be opened: "
                    + e.getMessage());
            return;
        }
        service.start();
        state = State.running(settings, dialect, driver, service);
        warnOf(settings);
        LOG.debug("Mail service {} started with {}", settings.name(), settings);
    }

    /** Logs what the status shows as warnings, once per change of the settings that cause them. */
    private static void warnOf(MailServiceSettings settings) {
        for (String warning : MailerWarnings.of(settings.mailer())) {
            LOG.warn("Mail service {}: {}", settings.name(), warning);
        }
    }

    private static ModemMailer createMailer(ModemMailerFactory driver, MailServiceSettings settings) {
        // The factory contract: creating a mailer does not touch the modem, so this is safe on the SCR thread.
        return Objects.requireNonNull(driver.create(settings.mailer()), "the mailer factory returned null");
    }

    /** @return what the dialect refused, without a password or the PIN: its message is not ours to trust */
    private static String refusal(RuntimeException e, String dialect, MailServiceSettings settings) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        MailerSettings mailer = settings.mailer();
        for (String secret : new String[] { mailer.smtpPassword(), mailer.apnPassword(), mailer.simPin() }) {
            text = secret.isEmpty() ? text : text.replace(secret, MASK);
        }
        return "the " + dialect + " dialect refused the settings: " + text;
    }

    /** Posts asynchronously: mail delivery never waits for, or depends on, an event consumer. */
    private void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            LOG.debug("No EventAdmin: event {} of mail {} dropped", topic, properties.get(MailEvents.MESSAGE_ID));
            return;
        }
        admin.postEvent(new Event(topic, properties));
    }

    // CellularMailService

    @Override
    public CompletionStage<DeliveryReceipt> send(MailMessage message) {
        MailService service = state.service();
        if (service == null) {
            throw notRunning(MailErrorCode.SERVICE_STOPPED);
        }
        return service.send(message);
    }

    @Override
    public CompletionStage<SmsDelivery> sendSms(SmsMessage message) {
        MailService service = state.service();
        if (service == null) {
            throw notRunning(MailErrorCode.SERVICE_STOPPED);
        }
        return service.sendSms(message);
    }

    @Override
    public Optional<MessageStatus> status(String messageId) {
        MailService service = state.service();
        return service == null ? Optional.empty() : service.status(messageId);
    }

    @Override
    public boolean cancel(String messageId) {
        MailService service = state.service();
        return service != null && service.cancel(messageId);
    }

    @Override
    public ServiceStatus serviceStatus() {
        State current = state;
        if (current.service() != null) {
            return current.service().serviceStatus();
        }
        ModemState modem = current.notConfigured() ? ModemState.NOT_CONFIGURED
                : current.problem().isPresent() ? ModemState.UNAVAILABLE : ModemState.STOPPED;
        return new ServiceStatus(current.name(), modem, Registration.UNKNOWN, OptionalInt.empty(), 0,
                Optional.empty());
    }

    // CellularMailAdmin

    @Override
    public String name() {
        return state.name();
    }

    @Override
    public Optional<String> configurationProblem() {
        return state.problem();
    }

    @Override
    public List<MessageStatus> queue() {
        MailService service = state.service();
        return service == null ? List.of() : service.queue();
    }

    @Override
    public List<SmsStatus> smsQueue() {
        MailService service = state.service();
        return service == null ? List.of() : service.smsQueue();
    }

    @Override
    public boolean retryNow(String messageId) {
        MailService service = state.service();
        return service != null && service.retryNow(messageId);
    }

    @Override
    public ModemProbe probe() {
        MailService service = state.service();
        if (service == null) {
            throw notRunning(MailErrorCode.MODEM_UNAVAILABLE);
        }
        return service.probe();
    }

    @Override
    public List<String> transcript(int lastLines) {
        MailService service = state.service();
        return service == null ? List.of() : service.transcript(lastLines);
    }

    @Override
    public OutboxCounters counters() {
        MailService service = state.service();
        return service == null ? new OutboxCounters(0, 0, 0, 0, 0, 0, 0, 0) : service.counters();
    }

    @Override
    public Optional<MailerSettings.Tls> smtpSecurity() {
        State current = state;
        return current.service() == null ? Optional.empty() : Optional.of(current.settings().mailer().tls());
    }

    private MailException notRunning(MailErrorCode code) {
        State current = state;
        return new MailException(code, "The mail service " + current.name() + " does not run"
                + current.problem().map(problem -> ": " + problem).orElse(""));
    }

    /**
     * What the service does: runs, waits for its driver, or does not run (with the problem, if a configuration is at
     * fault).
     *
     * @param name the configured name, or the best guess of it
     * @param settings the settings of the running service or of the one waiting for its driver, or null
     * @param dialect the dialect whose driver runs it or is awaited, or null
     * @param factory the driver's factory the running service sends through, or null
     * @param service the running service, or null
     * @param problem why it does not run ({@link #NOT_CONFIGURED} while no port is set); empty when it runs or was
     *     stopped on purpose
     */
    private record State(String name, MailServiceSettings settings, String dialect, ModemMailerFactory factory,
            MailService service, Optional<String> problem) {

        static State running(MailServiceSettings settings, String dialect, ModemMailerFactory factory,
                MailService service) {
            return new State(settings.name(), settings, dialect, factory, service, Optional.empty());
        }

        static State awaitingDriver(MailServiceSettings settings, String dialect, String problem) {
            return new State(settings.name(), settings, dialect, null, null, Optional.of(problem));
        }

        static State failed(String name, String problem) {
            return new State(name, null, null, null, null, Optional.of(problem));
        }

        static State stopped(String name) {
            return new State(name, null, null, null, null, Optional.empty());
        }

        static State notConfigured(String name) {
            return new State(name, null, null, null, null, Optional.of(NOT_CONFIGURED));
        }

        boolean notConfigured() {
            return problem.filter(NOT_CONFIGURED::equals).isPresent();
        }

        /** @return true when the next settings differ from these at most in the mailer's part */
        boolean sameServiceAs(MailServiceSettings next) {
            return settings.withMailer(next.mailer()).equals(next);
        }

        void close() {
            if (service != null) {
                service.close();
            }
        }
    }
}
