package io.cellmail.service.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
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
import io.cellmail.service.MailServiceAdmin;
import io.cellmail.service.MailServiceProperties;
import io.cellmail.service.MailServiceSettings;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;

/**
 * A mail service configured through ConfigAdmin: one factory configuration ({@value MailServiceProperties#FACTORY_PID})
 * per modem. It registers {@link CellularMailService} and {@link MailServiceAdmin} with the configuration's
 * properties, so {@value CellularMailService#NAME_PROPERTY} is a service property and the passwords (private
 * properties) are not.
 *
 * <p>A wrong configuration never fails the component: it stays registered, refuses mail with
 * {@link MailErrorCode#SERVICE_STOPPED} naming the problem, reports {@link ModemState#UNAVAILABLE}, and logs one
 * warning. A missing or busy port is not a configuration problem: the dialect's mailer keeps trying it and the
 * status says so.
 *
 * <p>A changed configuration applies at once. When only the modem's or SMTP server's settings changed, the mailer
 * is replaced under the running service: queued mail and open stages stay. When the service's own settings changed
 * (name, outbox, retries, expiry, bounds), the service is closed and a new one opens the outbox: mail on disk
 * stays, callers' open stages fail with {@link MailErrorCode#SERVICE_STOPPED} and events report the outcomes.
 */
@Component(name = MailServiceProperties.FACTORY_PID, service = { CellularMailService.class, MailServiceAdmin.class },
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MailServiceConfiguration.class, factory = true)
public final class MailServiceComponent implements CellularMailService, MailServiceAdmin {

    private static final Logger LOG = LoggerFactory.getLogger(MailServiceComponent.class);

    private final ModemMailerFactory mailerFactory;
    /** The dialect the factory registered with, if it did. */
    private final String factoryDialect;
    private final Path dataArea;
    private final EventSink events;
    private final Object lifecycle = new Object();

    private volatile EventAdmin eventAdmin;

    /** What the component does now; replaced as a whole, read without locking. */
    private volatile State state = State.stopped("unconfigured");

    /**
     * For Declarative Services.
     *
     * @param mailerFactory the factory the target filter selected, with its service properties
     * @param context the bundle's context, for its data area
     */
    @Activate
    public MailServiceComponent(
            @Reference(name = "mailerFactory", service = ModemMailerFactory.class)
            Map.Entry<Map<String, Object>, ModemMailerFactory> mailerFactory,
            BundleContext context) {
        this(mailerFactory.getValue(), dialectOf(mailerFactory.getKey()), dataAreaOf(context));
    }

    /**
     * For tests and use without OSGi; events go nowhere until an EventAdmin is bound.
     *
     * @param mailerFactory the dialect's factory
     * @param factoryDialect the dialect the factory serves, or null when unknown
     * @param dataArea where default outboxes live, or null
     */
    MailServiceComponent(ModemMailerFactory mailerFactory, String factoryDialect, Path dataArea) {
        this.mailerFactory = Objects.requireNonNull(mailerFactory, "mailerFactory");
        this.factoryDialect = factoryDialect;
        this.dataArea = dataArea;
        this.events = new EventAdminSink(() -> eventAdmin);
    }

    @Activate
    void activate(Map<String, Object> properties) {
        LOG.debug("Activating mail service {}", nameOf(properties));
        configure(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        LOG.debug("Configuration of mail service {} changed", nameOf(properties));
        configure(properties);
    }

    @Deactivate
    void deactivate() {
        synchronized (lifecycle) {
            State ending = state;
            state = State.stopped(ending.name());
            ending.close();
            LOG.debug("Mail service {} deactivated", ending.name());
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin admin) {
        eventAdmin = admin;
    }

    void unbindEventAdmin(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    /** Makes the component do what the configuration says; never throws. */
    private void configure(Map<String, Object> properties) {
        synchronized (lifecycle) {
            String name = nameOf(properties);
            MailServiceSettings settings;
            try {
                settings = MailServiceProperties.toSettings(properties, dataArea);
                requireFactoryOfDialect(MailServiceProperties.dialect(properties));
            } catch (IllegalArgumentException e) {
                // The service reflects the configuration in force: a wrong one stops it, mail stays on disk.
                state.close();
                fail(name, e.getMessage());
                return;
            }
            State current = state;
            if (current.service() != null && current.sameServiceAs(settings)) {
                updateMailer(current, settings);
            } else {
                current.close();
                start(settings);
            }
        }
    }

    /** Keeps the running service and its outbox; replaces the mailer only when its settings changed. */
    private void updateMailer(State current, MailServiceSettings settings) {
        if (current.settings().mailer().equals(settings.mailer())) {
            LOG.debug("Mail service {}: nothing changed that it uses", settings.name());
            return;
        }
        ModemMailer mailer;
        try {
            mailer = createMailer(settings);
        } catch (RuntimeException e) {
            current.close();
            fail(settings.name(), "the " + factoryDialectOrUnknown() + " dialect refused the settings: "
                    + Secrets.mask(e.getMessage(), settings));
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
            fail(settings.name(), "the " + factoryDialectOrUnknown() + " dialect refused the settings: "
                    + Secrets.mask(e.getMessage(), settings));
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
        state = State.running(settings, service);
        LOG.debug("Mail service {} started with {}", settings.name(), settings);
    }

    private ModemMailer createMailer(MailServiceSettings settings) {
        // The factory contract: creating a mailer does not touch the modem, so this is safe on the SCR thread.
        return Objects.requireNonNull(mailerFactory.create(settings.mailer()), "the mailer factory returned null");
    }

    private void requireFactoryOfDialect(String dialect) {
        if (factoryDialect != null && !factoryDialect.equals(dialect)) {
            throw new IllegalArgumentException("Invalid mail service configuration: " + MailServiceProperties.DIALECT
                    + " is '" + dialect + "' but " + MailServiceProperties.MAILER_FACTORY_TARGET
                    + " selected the factory of dialect '" + factoryDialect + "'; make them agree");
        }
    }

    private void fail(String name, String problem) {
        state = State.failed(name, problem);
        LOG.warn("Mail service {} does not run: {}", name, problem);
    }

    private String factoryDialectOrUnknown() {
        return factoryDialect == null ? "modem" : factoryDialect;
    }

    // CellularMailService

    @Override
    public CompletionStage<DeliveryReceipt> send(MailMessage message) {
        return running().send(message);
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
        ModemState modem = current.problem().isPresent() ? ModemState.UNAVAILABLE : ModemState.STOPPED;
        return new ServiceStatus(current.name(), modem, Registration.UNKNOWN, OptionalInt.empty(), 0,
                Optional.empty());
    }

    // MailServiceAdmin

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

    private MailService running() {
        MailService service = state.service();
        if (service == null) {
            throw notRunning(MailErrorCode.SERVICE_STOPPED);
        }
        return service;
    }

    private MailException notRunning(MailErrorCode code) {
        State current = state;
        return new MailException(code, "The mail service " + current.name() + " does not run"
                + current.problem().map(problem -> ": " + problem).orElse(""));
    }

    private static String nameOf(Map<String, ?> properties) {
        Object name = properties.get(MailServiceProperties.NAME);
        if (name != null && !String.valueOf(name).isBlank()) {
            return String.valueOf(name).strip();
        }
        Object pid = properties.get("service.pid");
        return pid != null ? String.valueOf(pid) : MailServiceProperties.DEFAULT_NAME;
    }

    private static String dialectOf(Map<String, Object> factoryProperties) {
        Object dialect = factoryProperties.get(ModemMailerFactory.DIALECT_PROPERTY);
        return dialect == null ? null : String.valueOf(dialect);
    }

    private static Path dataAreaOf(BundleContext context) {
        File area = context.getDataFile("");
        return area == null ? null : area.toPath();
    }

    /**
     * What the component does: runs a service, or does not run (with the problem, if a configuration is at fault).
     *
     * @param name the configured name, or the best guess of it
     * @param settings the settings of the running service, or null
     * @param service the running service, or null
     * @param problem why it does not run; empty when it runs or was stopped on purpose
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

        /** @return true when the new settings differ from these at most in the mailer's part */
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
