package io.cellmail.kura.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;

import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
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
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;

/**
 * A cellmail mail service configured from the Kura web UI: a factory {@link ConfigurableComponent} (one instance
 * per modem, each named by the operator) that is also the {@link CellularMailService} and the
 * {@link MailServiceAdmin} of its modem. Its metatype is {@code OSGI-INF/metatype/io.cellmail.kura.CellularMail.xml};
 * its properties are the plain service's, read through {@link CellularMailOptions}, with the Password attributes
 * decrypted by Kura's {@link CryptoService}.
 *
 * <p>A wrong configuration never fails the component: it stays registered, so the instance stays editable in the
 * web UI, refuses mail with {@link MailErrorCode#SERVICE_STOPPED} naming the problem and logs one warning. A change
 * applies at once ({@link #updated(Map)}).
 */
@Component(name = CellularMailComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = { ConfigurableComponent.class, CellularMailService.class, MailServiceAdmin.class })
public final class CellularMailComponent implements ConfigurableComponent, CellularMailService, MailServiceAdmin {

    /** The factory PID, OCD id, metatype file name and component name: Kura wants them all equal. */
    public static final String PID = "io.cellmail.kura.CellularMail";

    private static final Logger LOG = LoggerFactory.getLogger(CellularMailComponent.class);

    private final KuraPasswords passwords;
    private final String factoryDialect;
    private final Path dataArea;
    private final ServiceInstance instance;

    private volatile EventAdmin eventAdmin;
    /** The options in force; guarded by {@link #instance}'s lifecycle, which SCR calls one at a time. */
    private CellularMailOptions options;

    /**
     * For Declarative Services.
     *
     * @param mailerFactory the dialect's factory the {@code mailerFactory.target} filter selected, with its
     *     service properties
     * @param crypto Kura's crypto service
     * @param context the bundle's context, for its data area
     */
    @Activate
    public CellularMailComponent(
            @Reference(name = "mailerFactory", service = ModemMailerFactory.class)
            Map.Entry<Map<String, Object>, ModemMailerFactory> mailerFactory,
            @Reference CryptoService crypto,
            BundleContext context) {
        this(mailerFactory.getValue(), dialectOf(mailerFactory.getKey()), crypto, dataAreaOf(context));
    }

    /**
     * For tests; events go nowhere until an EventAdmin is bound.
     *
     * @param mailerFactory the dialect's factory
     * @param factoryDialect the dialect the factory serves, or null when unknown
     * @param crypto decrypts Password attributes
     * @param dataArea where default outboxes live, or null
     */
    CellularMailComponent(ModemMailerFactory mailerFactory, String factoryDialect, CryptoService crypto,
            Path dataArea) {
        this.passwords = new KuraPasswords(crypto);
        this.factoryDialect = factoryDialect;
        this.dataArea = dataArea;
        this.instance = new ServiceInstance(mailerFactory, new EventAdminEvents(() -> eventAdmin));
    }

    @Activate
    void activate(Map<String, Object> properties) {
        LOG.debug("Activating Kura mail service {}", properties.get(CellularMailOptions.KURA_SERVICE_PID));
        updated(properties);
    }

    /**
     * Applies a changed configuration at once (Kura's convention for the modified method).
     *
     * @param properties the instance's properties, Password attributes encrypted
     */
    @Modified
    void updated(Map<String, Object> properties) {
        synchronized (instance) {
            CellularMailOptions next = new CellularMailOptions(properties, passwords, options);
            options = next;
            MailServiceSettings settings;
            try {
                settings = next.settings(dataArea);
                requireFactoryOfDialect(next.dialect());
            } catch (IllegalArgumentException e) {
                instance.fail(next.name(), e.getMessage());
                return;
            }
            instance.apply(settings);
        }
    }

    @Deactivate
    void deactivate() {
        synchronized (instance) {
            instance.stop();
            LOG.debug("Kura mail service {} deactivated", instance.name());
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

    private void requireFactoryOfDialect(String dialect) {
        if (factoryDialect != null && !factoryDialect.equals(dialect)) {
            throw new IllegalArgumentException("Invalid mail service configuration: " + MailServiceProperties.DIALECT
                    + " is '" + dialect + "' but " + MailServiceProperties.MAILER_FACTORY_TARGET
                    + " selected the factory of dialect '" + factoryDialect + "'; make them agree");
        }
    }

    // CellularMailService

    @Override
    public CompletionStage<DeliveryReceipt> send(MailMessage message) {
        return running(MailErrorCode.SERVICE_STOPPED).send(message);
    }

    @Override
    public Optional<MessageStatus> status(String messageId) {
        MailService service = instance.service();
        return service == null ? Optional.empty() : service.status(messageId);
    }

    @Override
    public boolean cancel(String messageId) {
        MailService service = instance.service();
        return service != null && service.cancel(messageId);
    }

    @Override
    public ServiceStatus serviceStatus() {
        MailService service = instance.service();
        if (service != null) {
            return service.serviceStatus();
        }
        ModemState modem = instance.problem().isPresent() ? ModemState.UNAVAILABLE : ModemState.STOPPED;
        return new ServiceStatus(instance.name(), modem, Registration.UNKNOWN, OptionalInt.empty(), 0,
                Optional.empty());
    }

    // MailServiceAdmin

    @Override
    public String name() {
        return instance.name();
    }

    @Override
    public Optional<String> configurationProblem() {
        return instance.problem();
    }

    @Override
    public List<MessageStatus> queue() {
        MailService service = instance.service();
        return service == null ? List.of() : service.queue();
    }

    @Override
    public boolean retryNow(String messageId) {
        MailService service = instance.service();
        return service != null && service.retryNow(messageId);
    }

    @Override
    public ModemProbe probe() {
        return running(MailErrorCode.MODEM_UNAVAILABLE).probe();
    }

    @Override
    public List<String> transcript(int lastLines) {
        MailService service = instance.service();
        return service == null ? List.of() : service.transcript(lastLines);
    }

    @Override
    public OutboxCounters counters() {
        MailService service = instance.service();
        return service == null ? new OutboxCounters(0, 0, 0, 0, 0, 0, 0, 0) : service.counters();
    }

    private MailService running(MailErrorCode codeWhenNot) {
        MailService service = instance.service();
        if (service == null) {
            throw new MailException(codeWhenNot, "The mail service " + instance.name() + " does not run"
                    + instance.problem().map(problem -> ": " + problem).orElse(""));
        }
        return service;
    }

    private static String dialectOf(Map<String, Object> factoryProperties) {
        Object dialect = Objects.requireNonNull(factoryProperties, "factoryProperties")
                .get(ModemMailerFactory.DIALECT_PROPERTY);
        return dialect == null ? null : String.valueOf(dialect);
    }

    private static Path dataAreaOf(BundleContext context) {
        File area = context.getDataFile("");
        return area == null ? null : area.toPath();
    }
}
