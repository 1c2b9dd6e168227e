/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailMessage;
import io.cellmail.benchmarks.RunOptions;
import io.cellmail.serial.SerialLinks;
import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The full cellmail stack as a gateway runs it: the mail service (validation, durable outbox, dispatcher) with
 * the Quectel driver, made by its public factory with production defaults except the line and guard settings of
 * the run, on the AT engine and a serial link to the module.
 */
public final class CellmailSender implements AutoCloseable {

    private final MailService service;
    private final Duration mailWait;

    private CellmailSender(MailService service, Duration mailWait) {
        this.service = service;
        this.mailWait = mailWait;
    }

    /**
     * @param links opens the module's link
     * @param dialect the driver's factory, on those links
     * @param options line rate and guard time
     * @param smtpPort the SMTP server's port
     * @param outbox the outbox directory
     * @return a started service
     * @throws IOException when the outbox cannot be opened
     */
    static CellmailSender start(SerialLinks links, ModemMailerFactory dialect, RunOptions options, int smtpPort,
            Path outbox) throws IOException {
        MailService service = new MailService(serviceSettings(BenchLinks.uri(options.baud()), options, smtpPort,
                outbox), dialect.create(mailerSettings(BenchLinks.uri(options.baud()),
                        options, smtpPort)), (topic, properties) -> { });
        service.start();
        return new CellmailSender(service, options.mailWait());
    }

    /**
     * @param linkUri the module's link
     * @param options guard time
     * @param smtpPort the SMTP server's port
     * @return the driver's settings: no SMTP authentication, an APN, production defaults otherwise
     */
    public static MailerSettings mailerSettings(String linkUri, RunOptions options, int smtpPort) {
        return MailerSettings.builder(linkUri, "127.0.0.1", "gateway@example.com")
                .smtp("127.0.0.1", smtpPort)
                .sender("gateway@example.com", "Gateway 7")
                .apn("internet", "", "")
                .guardTime(options.hostGuard())
                .build();
    }

    /**
     * @param linkUri the module's link
     * @param options guard time
     * @param smtpPort the SMTP server's port
     * @param outbox the outbox directory
     * @return the service's settings: no hourly limit, production defaults otherwise
     */
    public static MailServiceSettings serviceSettings(String linkUri, RunOptions options, int smtpPort,
            Path outbox) {
        return MailServiceSettings.builder("bench", mailerSettings(linkUri, options, smtpPort), outbox)
                .maxPerHour(0).build();
    }

    /**
     * Sends a mail through the service and waits for its delivery.
     *
     * @param mail the mail
     * @return the receipt
     * @throws Exception when the mail fails, or needed a retry (the figures would then measure the retry delay)
     */
    public DeliveryReceipt send(MailMessage mail) throws Exception {
        DeliveryReceipt receipt = service.send(mail).toCompletableFuture().get(mailWait.toMillis(),
                TimeUnit.MILLISECONDS);
        if (receipt.attempts() != 1) {
            throw new IllegalStateException("mail " + mail.id() + " took " + receipt.attempts()
                    + " attempts; a benchmark mail must go through at the first");
        }
        return receipt;
    }

    @Override
    public void close() {
        service.close();
    }
}
