/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ServiceStatus;
import io.cellmail.api.SmsDelivery;
import io.cellmail.api.SmsMessage;
import io.cellmail.service.CellularMailAdmin;
import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.CellularMailFactory;
import io.cellmail.service.ConfiguredCellularMail;
import io.cellmail.service.OutboxCounters;
import io.cellmail.service.SmsStatus;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemProbe;

/**
 * A cellmail mail service configured from the Kura web UI: a factory {@link ConfigurableComponent} (one instance
 * per modem, each named by the operator) that is also the {@link CellularMailService} and the
 * {@link CellularMailAdmin} of its modem. Its metatype is {@code OSGI-INF/metatype/io.cellmail.kura.CellularMail.xml},
 * the plain service's attributes; Declarative Services converts its properties to the same
 * {@link CellularMailConfiguration}, {@link CellularMailOptions} decrypts the Password attributes with Kura's
 * {@link CryptoService}, and the service bundle's {@link CellularMailFactory} makes the service that runs it: the
 * same composition, checks, live-change rules and choice of the driver by the {@code dialect} setting alone as the
 * plain component's.
 *
 * <p>A wrong configuration never fails the component: it stays registered, so the instance stays editable in the
 * web UI, refuses mail with {@link MailErrorCode#SERVICE_STOPPED} naming the problem and logs one warning. A change
 * applies at once ({@link #updated}).
 */
@Component(name = CellularMailComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = { ConfigurableComponent.class, CellularMailService.class, CellularMailAdmin.class })
public final class CellularMailComponent implements ConfigurableComponent, CellularMailService, CellularMailAdmin {

    /** The factory PID, OCD id, metatype file name and component name: Kura wants them all equal. */
    public static final String PID = "io.cellmail.kura.CellularMail";

    private static final Logger LOG = LoggerFactory.getLogger(CellularMailComponent.class);

    private final ConfiguredCellularMail service;
    private final KuraPasswords passwords;
    /** The options in force; SCR calls activate, updated and deactivate one at a time. */
    private CellularMailOptions options;

    /**
     * For Declarative Services.
     *
     * @param services makes the mail service, in the service bundle, which also chooses its driver by the
     *     configured dialect
     * @param crypto Kura's crypto service
     * @param context the bundle's context, for its data area
     */
    @Activate
    public CellularMailComponent(
            @Reference(name = "services") CellularMailFactory services,
            @Reference(name = "crypto") CryptoService crypto,
            BundleContext context) {
        this(services, crypto, dataAreaOf(context));
    }

    /**
     * For tests.
     *
     * @param services makes the mail service
     * @param crypto decrypts Password attributes
     * @param dataArea where default outboxes live (this bundle's data area, as before the factory existed), or null
     */
    CellularMailComponent(CellularMailFactory services, CryptoService crypto, Path dataArea) {
        this.service = services.create(dataArea);
        this.passwords = new KuraPasswords(crypto);
    }

    @Activate
    void activate(CellularMailConfiguration configuration, Map<String, Object> properties) {
        LOG.debug("Activating Kura mail service {}", properties.get(CellularMailOptions.KURA_SERVICE_PID));
        updated(configuration, properties);
    }

    /**
     * Applies a changed configuration at once (Kura's convention for the modified method).
     *
     * @param configuration the instance's configuration, Password attributes encrypted
     * @param properties the same as Kura delivered it, for its bookkeeping
     */
    @Modified
    void updated(CellularMailConfiguration configuration, Map<String, Object> properties) {
        options = new CellularMailOptions(configuration, passwords, options);
        service.configure(options.configuration(), properties, options.secrets());
    }

    @Deactivate
    void deactivate() {
        service.close();
        LOG.debug("Kura mail service {} deactivated", name());
    }

    private static Path dataAreaOf(BundleContext context) {
        File area = context.getDataFile("");
        return area == null ? null : area.toPath();
    }

    // CellularMailService and CellularMailAdmin: answered by the configured service.

    @Override
    public CompletionStage<DeliveryReceipt> send(MailMessage message) {
        return service.send(message);
    }

    @Override
    public CompletionStage<SmsDelivery> sendSms(SmsMessage message) {
        return service.sendSms(message);
    }

    @Override
    public Optional<MessageStatus> status(String messageId) {
        return service.status(messageId);
    }

    @Override
    public boolean cancel(String messageId) {
        return service.cancel(messageId);
    }

    @Override
    public ServiceStatus serviceStatus() {
        return service.serviceStatus();
    }

    @Override
    public String name() {
        return service.name();
    }

    @Override
    public Optional<String> configurationProblem() {
        return service.configurationProblem();
    }

    @Override
    public List<MessageStatus> queue() {
        return service.queue();
    }

    @Override
    public List<SmsStatus> smsQueue() {
        return service.smsQueue();
    }

    @Override
    public boolean retryNow(String messageId) {
        return service.retryNow(messageId);
    }

    @Override
    public ModemProbe probe() {
        return service.probe();
    }

    @Override
    public List<String> transcript(int lastLines) {
        return service.transcript(lastLines);
    }

    @Override
    public OutboxCounters counters() {
        return service.counters();
    }

    @Override
    public Optional<MailerSettings.Tls> smtpSecurity() {
        return service.smtpSecurity();
    }
}
