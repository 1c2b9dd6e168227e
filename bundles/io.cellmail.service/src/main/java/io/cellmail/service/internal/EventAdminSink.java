package io.cellmail.service.internal;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailEvents;

/**
 * Posts the service's events asynchronously to whichever EventAdmin is there right now; without one the events
 * are dropped, since mail delivery must never wait for, or depend on, an event consumer.
 */
final class EventAdminSink implements EventSink {

    private static final Logger LOG = LoggerFactory.getLogger(EventAdminSink.class);

    private final Supplier<EventAdmin> eventAdmin;

    /** @param eventAdmin the EventAdmin bound now, or null */
    EventAdminSink(Supplier<EventAdmin> eventAdmin) {
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
