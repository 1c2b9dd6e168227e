package io.cellmail.service.internal;

import java.nio.file.Path;
import java.util.Map;

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
import io.cellmail.service.ConfiguredMailService;
import io.cellmail.service.ForwardingMailService;
import io.cellmail.service.MailServiceAdmin;
import io.cellmail.service.MailServiceProperties;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * A mail service configured through ConfigAdmin: one factory configuration ({@value MailServiceProperties#FACTORY_PID})
 * per modem, described by {@link MailServiceConfiguration}. It registers {@link CellularMailService} and
 * {@link MailServiceAdmin} with the configuration's properties, so {@value CellularMailService#NAME_PROPERTY} is a
 * service property and the passwords (private properties) are not. What the service does with a configuration,
 * valid or not, is {@link ConfiguredMailService}'s job: this component never fails for a configuration.
 *
 * <p>Immediate: a configured service reads its outbox and sends whether or not any bundle uses it. A delayed
 * component would leave mail accepted before a power cut unsent until some bundle asked for the service, and
 * would be deactivated, stalling its queue, when the last user let it go.
 */
@Component(name = MailServiceProperties.FACTORY_PID, service = { CellularMailService.class, MailServiceAdmin.class },
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = MailServiceConfiguration.class, factory = true)
public final class MailServiceComponent extends ForwardingMailService {

    private static final Logger LOG = LoggerFactory.getLogger(MailServiceComponent.class);

    private final Path dataArea;

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
        super(mailerFactory, factoryDialect);
        this.dataArea = dataArea;
    }

    @Activate
    void activate(Map<String, Object> properties) {
        LOG.debug("Activating mail service {}", properties.get(MailServiceProperties.NAME));
        service().configure(properties, dataArea);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        LOG.debug("Configuration of mail service {} changed", properties.get(MailServiceProperties.NAME));
        service().configure(properties, dataArea);
    }

    @Deactivate
    void deactivate() {
        service().close();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin admin) {
        eventAdminBound(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        eventAdminUnbound(admin);
    }
}
