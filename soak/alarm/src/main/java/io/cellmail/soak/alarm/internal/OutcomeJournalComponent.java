/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak.alarm.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailEvents;

/**
 * Journals every mail event the services post ({@code events.log}): {@code QUEUED}, {@code SENT},
 * {@code RETRYING}, {@code FAILED}, {@code EXPIRED}, {@code CANCELLED} with the attempt and the error. After a
 * restart the events are the only news of mail accepted before it: its stages are gone.
 */
@Component(configurationPid = AlarmSenderComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = EventConstants.EVENT_TOPIC + "=" + MailEvents.TOPIC_ALL)
public final class OutcomeJournalComponent implements EventHandler {

    static final String EVENTS_JOURNAL = "events.log";

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeJournalComponent.class);

    private final Journal journal;

    @Activate
    public OutcomeJournalComponent(AlarmConfiguration configuration) throws IOException {
        this.journal = Journal.open(Path.of(configuration.journalDirectory(), EVENTS_JOURNAL));
    }

    @Override
    public void handleEvent(Event event) {
        String kind = event.getTopic().substring(MailEvents.TOPIC_PREFIX.length());
        Object id = event.getProperty(MailEvents.MESSAGE_ID);
        StringBuilder detail = new StringBuilder("attempt=").append(event.getProperty(MailEvents.ATTEMPT));
        if (event.getProperty(MailEvents.ERROR_CODE) != null) {
            detail.append(" code=").append(event.getProperty(MailEvents.ERROR_CODE)).append(" name=")
                    .append(event.getProperty(MailEvents.ERROR_NAME));
        }
        try {
            journal.append(kind, String.valueOf(id), detail.toString());
        } catch (IOException e) {
            LOG.warn("cannot journal {} of {}", kind, id, e);
        }
    }

    @Deactivate
    void deactivate() throws IOException {
        journal.close();
    }
}
