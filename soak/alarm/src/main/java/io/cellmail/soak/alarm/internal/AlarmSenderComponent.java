/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.CellularMailService;

/**
 * The soak's alarm bundle: sends what the harness drops into the spool directory through the configured
 * {@link CellularMailService} and journals it ({@code accepted.log}). It takes the service as
 * {@link ComponentServiceObjects}, so that it holds the service only while it needs it (see
 * {@link AlarmConfiguration#holdService()}).
 */
@Component(configurationPid = AlarmSenderComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true, service = {})
@Designate(ocd = AlarmConfiguration.class)
public final class AlarmSenderComponent {

    /** The configuration PID both components of the bundle read. */
    static final String PID = "io.cellmail.soak.alarm";
    static final String ACCEPTED_JOURNAL = "accepted.log";

    private static final Logger LOG = LoggerFactory.getLogger(AlarmSenderComponent.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final Journal journal;
    private final Thread thread;

    @Activate
    public AlarmSenderComponent(AlarmConfiguration configuration,
            @Reference(name = "mailService", service = CellularMailService.class) ComponentServiceObjects<CellularMailService> mailService)
            throws IOException {
        Path spool = Files.createDirectories(Path.of(configuration.spoolDirectory()));
        this.journal = Journal.open(Path.of(configuration.journalDirectory(), ACCEPTED_JOURNAL));
        AlarmSender sender = new AlarmSender(spool, journal, new MailServiceHandle(mailService, journal),
                configuration.holdService(), Duration.ofMillis(configuration.releaseAfterIdle()));
        this.thread = new Thread(sender, "cellmail-soak-alarms");
        thread.start();
    }

    @Deactivate
    void deactivate() throws IOException {
        thread.interrupt();
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("the soak alarm sender did not stop within {}", STOP_WAIT);
        }
        journal.close();
    }
}
