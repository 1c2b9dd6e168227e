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
import io.cellmail.service.CellularMailFactory;
import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailSecrets;
import io.cellmail.service.ConfiguredCellularMail;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;

/**
 * The mail service of one modem as a configuration front end runs it: the one composition of outbox, dispatcher
 * and dialect that this bundle's Declarative Services component and, through {@link CellularMailFactory}, the Kura
 * component share. See {@link ConfiguredCellularMail} for what it does with a configuration; besides that contract
 * it takes ready settings ({@link #configure(MailServiceSettings)}) and refusals ({@link #reject}). Not final:
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

    private final ModemMailerFactory mailerFactory;
    private final String factoryDialect;
    private final Supplier<EventAdmin> eventAdmin;
    private final Path dataArea;
    private final Object lifecycle = new Object();

    /** Replaced as a whole under {@link #lifecycle}, read without it. */
    private volatile State state = State.stopped("unconfigured");

    /**
     * @param mailerFactory the dialect's factory
     * @param factoryDialect the dialect the factory registered with ({@value ModemMailerFactory#DIALECT_PROPERTY}),
     *     checked against the configured {@code dialect}; null when unknown
     * @param eventAdmin gives the EventAdmin to post events to right now, or null; without one events are dropped
     * @param dataArea where default and relative outboxes live, or null
     */
    public ConfiguredMailService(ModemMailerFactory mailerFactory, String factoryDialect,
            Supplier<EventAdmin> eventAdmin, Path dataArea) {
        this.mailerFactory = Objects.requireNonNull(mailerFactory, "mailerFactory");
        this.factoryDialect = factoryDialect;
        this.eventAdmin = Objects.requireNonNull(eventAdmin, "eventAdmin");
        this.dataArea = dataArea;
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
        MailServiceSettings settings;
        try {
            settings = SettingsFromConfiguration.settings(configuration, properties, secrets, dataArea,
                    factoryDialect);
        } catch (InvalidConfigurationException e) {
            reject(SettingsFromConfiguration.nameOf(configuration), e.getMessage());
            return;
        }
        configure(settings);
    }

    /**
     * Makes the service follow these settings: starts it, replaces its mailer, or replaces the service. Never throws.
     *
     * @param settings the settings
     */
    public void configure(MailServiceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        synchronized (lifecycle) {
            State current = state;
            if (current.service() != null && current.sameServiceAs(settings)) {
                updateMailer(current, settings);
            } else {
                current.close();
                start(settings);
            }
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
            State ending = state;
            state = State.stopped(ending.name());
            ending.close();
            LOG.debug("Mail service {} stopped", ending.name());
        }
    }

    private void updateMailer(State current, MailServiceSettings settings) {
        if (current.settings().mailer().equals(settings.mailer())) {
            LOG.debug("Mail service {}: nothing changed that it uses", settings.name());
            return;
        }
        ModemMailer mailer;
        try {
            mailer = createMailer(settings);
        } catch (RuntimeException e) {
            reject(settings.name(), refusal(e, settings));
            return;
        }
        current.service().replaceMailer(settings.mailer(), mailer);
        state = State.running(settings, current.service());
        LOG.debug("Mail service {} now uses {}", settings.name(), settings.mailer());
    }

    private void start(MailServiceSettings settings) {
        ModemMailer mailer;
        try {
            mailer = createMailer(settings);
        } catch (RuntimeException e) {
            reject(settings.name(), refusal(e, settings));
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
        state = State.running(settings, service);
        LOG.debug("Mail service {} started with {}", settings.name(), settings);
    }

    private ModemMailer createMailer(MailServiceSettings settings) {
        // The factory contract: creating a mailer does not touch the modem, so this is safe on the SCR thread.
        return Objects.requireNonNull(mailerFactory.create(settings.mailer()), "the mailer factory returned null");
    }

    /** @return what the dialect refused, without a password or the PIN: its message is not ours to trust */
    private String refusal(RuntimeException e, MailServiceSettings settings) {
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        MailerSettings mailer = settings.mailer();
        for (String secret : new String[] { mailer.smtpPassword(), mailer.apnPassword(), mailer.simPin() }) {
            text = secret.isEmpty() ? text : text.replace(secret, MASK);
        }
        return "the " + (factoryDialect == null ? "modem" : factoryDialect) + " dialect refused the settings: " + text;
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

    private MailException notRunning(MailErrorCode code) {
        State current = state;
        return new MailException(code, "The mail service " + current.name() + " does not run"
                + current.problem().map(problem -> ": " + problem).orElse(""));
    }

    /**
     * What the service does: runs, or does not run (with the problem, if a configuration is at fault).
     *
     * @param name the configured name, or the best guess of it
     * @param settings the settings of the running service, or null
     * @param service the running service, or null
     * @param problem why it does not run ({@link #NOT_CONFIGURED} while no port is set); empty when it runs or was
     *     stopped on purpose
     */
    private record State(String name, MailServiceSettings settings, MailService service, Optional<String> problem) {

        static State running(MailServiceSettings settings, MailService service) {
            return new State(settings.name(), settings, service, Optional.empty());
        }

        static State failed(String name, String problem) {
            return new State(name, null, null, Optional.of(problem));
        }

        static State stopped(String name) {
            return new State(name, null, null, Optional.empty());
        }

        static State notConfigured(String name) {
            return new State(name, null, null, Optional.of(NOT_CONFIGURED));
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
