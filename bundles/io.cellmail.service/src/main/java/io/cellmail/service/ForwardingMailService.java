package io.cellmail.service;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.framework.BundleContext;
import org.osgi.service.event.EventAdmin;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ServiceStatus;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;

/**
 * What every front door of a configured mail service shares (the plain DS component, the Kura component): it
 * owns one {@link ConfiguredMailService}, feeds it the EventAdmin its subclass binds, and answers
 * {@link CellularMailService} and {@link MailServiceAdmin} with it. A subclass is the DS component: it binds its
 * references, turns its configuration into properties for {@link #service()} and closes it on deactivation.
 */
public abstract class ForwardingMailService implements CellularMailService, MailServiceAdmin {

    private final ConfiguredMailService service;
    private volatile EventAdmin eventAdmin;

    /**
     * @param mailerFactory the dialect's factory
     * @param factoryDialect the dialect the factory serves, or null when unknown
     */
    protected ForwardingMailService(ModemMailerFactory mailerFactory, String factoryDialect) {
        this.service = new ConfiguredMailService(mailerFactory, factoryDialect, () -> eventAdmin);
    }

    /** @return the running service this front door configures */
    protected final ConfiguredMailService service() {
        return service;
    }

    /** @param admin where events go from now on */
    protected final void eventAdminBound(EventAdmin admin) {
        eventAdmin = admin;
    }

    /** @param admin an EventAdmin that went away; events go nowhere until another is bound */
    protected final void eventAdminUnbound(EventAdmin admin) {
        if (eventAdmin == admin) {
            eventAdmin = null;
        }
    }

    /**
     * @param factoryProperties the service properties of a {@link ModemMailerFactory}
     * @return the dialect it serves, or null when it names none
     */
    protected static String dialectOf(Map<String, Object> factoryProperties) {
        Object dialect = factoryProperties.get(ModemMailerFactory.DIALECT_PROPERTY);
        return dialect == null ? null : String.valueOf(dialect);
    }

    /**
     * @param context a bundle's context
     * @return the bundle's data area, where default outboxes live, or null when the framework has none
     */
    protected static Path dataAreaOf(BundleContext context) {
        File area = context.getDataFile("");
        return area == null ? null : area.toPath();
    }

    @Override
    public final CompletionStage<DeliveryReceipt> send(MailMessage message) {
        return service.send(message);
    }

    @Override
    public final Optional<MessageStatus> status(String messageId) {
        return service.status(messageId);
    }

    @Override
    public final boolean cancel(String messageId) {
        return service.cancel(messageId);
    }

    @Override
    public final ServiceStatus serviceStatus() {
        return service.serviceStatus();
    }

    @Override
    public final String name() {
        return service.name();
    }

    @Override
    public final Optional<String> configurationProblem() {
        return service.configurationProblem();
    }

    @Override
    public final List<MessageStatus> queue() {
        return service.queue();
    }

    @Override
    public final boolean retryNow(String messageId) {
        return service.retryNow(messageId);
    }

    @Override
    public final ModemProbe probe() {
        return service.probe();
    }

    @Override
    public final List<String> transcript(int lastLines) {
        return service.transcript(lastLines);
    }

    @Override
    public final OutboxCounters counters() {
        return service.counters();
    }
}
