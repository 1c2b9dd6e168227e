package io.cellmail.kura.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailEvents;
import io.cellmail.service.internal.EventSink;

/**
 * Posts a mail service's events asynchronously to the EventAdmin bound right now; without one they are dropped,
 * since delivering mail never waits for an event consumer.
 */
final class EventAdminEvents implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventAdminEvents.class);

    private final Supplier<EventAdmin> eventAdmin;

    /** @param eventAdmin gives the EventAdmin bound now, or null */
    EventAdminEvents(Supplier<EventAdmin> eventAdmin) {
        this.eventAdmin = Objects.requireNonNull(eventAdmin, "eventAdmin");
    }

    @Override
    public void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            LOG.debug("No EventAdmin: event {} of mail {} dropped", topic, properties.get(MailEvents.MESSAGE_ID));
            return;
        }
        admin.postEvent(new Event(topic, properties));
    }
}
