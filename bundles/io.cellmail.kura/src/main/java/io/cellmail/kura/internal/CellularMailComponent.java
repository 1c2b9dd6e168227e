package io.cellmail.kura.internal;

import java.nio.file.Path;
import java.util.Map;

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
import io.cellmail.api.MailErrorCode;
import io.cellmail.service.ConfiguredMailService;
import io.cellmail.service.ForwardingMailService;
import io.cellmail.service.MailServiceAdmin;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * A cellmail mail service configured from the Kura web UI: a factory {@link ConfigurableComponent} (one instance
 * per modem, each named by the operator) that is also the {@link CellularMailService} and the
 * {@link MailServiceAdmin} of its modem. Its metatype is {@code OSGI-INF/metatype/io.cellmail.kura.CellularMail.xml};
 * its properties are the plain service's, read through {@link CellularMailOptions} with the Password attributes
 * decrypted by Kura's {@link CryptoService}, and run by the same {@link ConfiguredMailService} as the plain
 * service's component.
 *
 * <p>A wrong configuration never fails the component: it stays registered, so the instance stays editable in the
 * web UI, refuses mail with {@link MailErrorCode#SERVICE_STOPPED} naming the problem and logs one warning. A change
 * applies at once ({@link #updated(Map)}).
 */
@Component(name = CellularMailComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = { ConfigurableComponent.class, CellularMailService.class, MailServiceAdmin.class })
public final class CellularMailComponent extends ForwardingMailService implements ConfigurableComponent {

    /** The factory PID, OCD id, metatype file name and component name: Kura wants them all equal. */
    public static final String PID = "io.cellmail.kura.CellularMail";

    private static final Logger LOG = LoggerFactory.getLogger(CellularMailComponent.class);

    private final KuraPasswords passwords;
    private final Path dataArea;
    /** The options in force; SCR calls activate, updated and deactivate one at a time. */
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
            @Reference(name = "crypto") CryptoService crypto,
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
        super(mailerFactory, factoryDialect);
        this.passwords = new KuraPasswords(crypto);
        this.dataArea = dataArea;
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
        options = new CellularMailOptions(properties, passwords, options);
        service().configure(options.serviceProperties(), dataArea);
    }

    @Deactivate
    void deactivate() {
        service().close();
        LOG.debug("Kura mail service {} deactivated", name());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindEventAdmin(EventAdmin admin) {
        eventAdminBound(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        eventAdminUnbound(admin);
    }
}
