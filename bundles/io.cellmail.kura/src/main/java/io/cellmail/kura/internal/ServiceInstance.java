package io.cellmail.kura.internal;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.service.MailServiceSettings;
import io.cellmail.service.internal.EventSink;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The mail service of one Kura instance while its configuration changes: running, or not running with the reason.
 * The same rules as the plain service's component: when only the modem's or SMTP server's settings change, the
 * mailer is replaced under the running service, so queued mail and open stages stay; when the service's own
 * settings change (name, outbox, retries, expiry, bounds), the service is closed and a new one opens the outbox,
 * whose mail stays on disk. Nothing here blocks on the modem.
 */
final class ServiceInstance {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceInstance.class);
    private static final String MASK = "****";

    private final ModemMailerFactory mailerFactory;
    private final EventSink events;

    /** Replaced as a whole under the instance's lock, read without it. */
    private volatile State state = new State("unconfigured", null, null, Optional.empty());

    ServiceInstance(ModemMailerFactory mailerFactory, EventSink events) {
        this.mailerFactory = Objects.requireNonNull(mailerFactory, "mailerFactory");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Runs a service with these settings: starts it, changes its mailer, or replaces it. Never throws. */
    synchronized void apply(MailServiceSettings settings) {
        State current = state;
        if (current.service() != null && current.sameServiceAs(settings)) {
            replaceMailer(current, settings);
        } else {
            current.close();
            start(settings);
        }
    }

    /** Stops the service, if it runs, because its configuration is wrong; mail stays on disk. */
    synchronized void fail(String name, String problem) {
        state.close();
        state = new State(name, null, null, Optional.of(problem));
        LOG.warn("Mail service {} does not run: {}", name, problem);
    }

    /** Stops the service, if it runs, and every thread it started. */
    synchronized void stop() {
        State ending = state;
        state = new State(ending.name(), null, null, Optional.empty());
        ending.close();
    }

    /** @return the running service, or null */
    MailService service() {
        return state.service();
    }

    /** @return the configured name, or the best guess of it */
    String name() {
        return state.name();
    }

    /** @return why the service does not run, if a configuration is at fault */
    Optional<String> problem() {
        return state.problem();
    }

    private void replaceMailer(State current, MailServiceSettings settings) {
        if (current.settings().mailer().equals(settings.mailer())) {
            LOG.debug("Mail service {}: nothing changed that it uses", settings.name());
            return;
        }
        ModemMailer mailer;
        try {
            mailer = createMailer(settings);
        } catch (RuntimeException e) {
            fail(settings.name(), "the dialect refused the settings: " + mask(e.getMessage(), settings.mailer()));
            return;
        }
        current.service().replaceMailer(settings.mailer(), mailer);
        state = new State(settings.name(), settings, current.service(), Optional.empty());
        LOG.debug("Mail service {} now uses {}", settings.name(), settings.mailer());
    }

    private void start(MailServiceSettings settings) {
        ModemMailer mailer;
        try {
            mailer = createMailer(settings);
        } catch (RuntimeException e) {
            fail(settings.name(), "the dialect refused the settings: " + mask(e.getMessage(), settings.mailer()));
            return;
        }
        MailService service;
        try {
            service = new MailService(settings, mailer, events);
        } catch (IOException | RuntimeException e) {
            mailer.close();
            fail(settings.name(), "the outbox " + settings.outboxDirectory() + " cannot be opened: " + e.getMessage());
            return;
        }
        service.start();
        state = new State(settings.name(), settings, service, Optional.empty());
        LOG.debug("Mail service {} started with {}", settings.name(), settings);
    }

    private ModemMailer createMailer(MailServiceSettings settings) {
        // The factory contract: creating a mailer does not touch the modem, so this is safe on the SCR thread.
        return Objects.requireNonNull(mailerFactory.create(settings.mailer()), "the mailer factory returned null");
    }

    /** A dialect's message is not ours: make sure it quotes neither password. */
    static String mask(String message, MailerSettings mailer) {
        String text = message == null ? "(no details)" : message;
        for (String secret : new String[] { mailer.smtpPassword(), mailer.apnPassword() }) {
            text = secret.isEmpty() ? text : text.replace(secret, MASK);
        }
        return text;
    }

    /**
     * @param name the configured name
     * @param settings the settings of the running service, or null
     * @param service the running service, or null
     * @param problem why it does not run, when a configuration is at fault
     */
    private record State(String name, MailServiceSettings settings, MailService service, Optional<String> problem) {

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
