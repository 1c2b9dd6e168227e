/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import io.cellmail.api.MailEvents;
import io.cellmail.api.SmsEvents;

/**
 * An {@link EventHandler} the test registers for every cellmail mail and SMS event, to see what EventAdmin delivered.
 * Close it to unregister.
 */
public final class EventRecorder implements EventHandler, AutoCloseable {

    private final List<Event> events = new ArrayList<>();
    private final ServiceRegistration<EventHandler> registration;

    // registerService takes a Dictionary, and Hashtable is the JDK's only implementation of it.
    @SuppressWarnings("JdkObsolete")
    private EventRecorder(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] { MailEvents.TOPIC_ALL, SmsEvents.TOPIC_ALL });
        this.registration = context.registerService(EventHandler.class, this, properties);
    }

    /** @return a recorder registered with the framework */
    public static EventRecorder register(BundleContext context) {
        return new EventRecorder(Objects.requireNonNull(context, "context"));
    }

    @Override
    public synchronized void handleEvent(Event event) {
        events.add(event);
        notifyAll();
    }

    /** @return the topics of the events about one mail, in the order EventAdmin delivered them */
    public synchronized List<String> topics(String messageId) {
        return events.stream().filter(event -> messageId.equals(event.getProperty(MailEvents.MESSAGE_ID)))
                .map(Event::getTopic).collect(Collectors.toList());
    }

    /** @return the events about one mail */
    public synchronized List<Event> events(String messageId) {
        return events.stream().filter(event -> messageId.equals(event.getProperty(MailEvents.MESSAGE_ID)))
                .collect(Collectors.toList());
    }

    /**
     * Waits until an event of this topic about this mail arrived.
     *
     * @return the topics about the mail so far
     * @throws AssertionError when none arrives in time, listing what did
     */
    public synchronized List<String> await(String messageId, String topic, Duration timeout) {
        return awaitAny(messageId, List.of(topic), timeout);
    }

    /**
     * Waits until an event of one of these topics about this mail arrived.
     *
     * @return the topics about the mail so far
     * @throws AssertionError when none arrives in time, listing what did
     */
    public synchronized List<String> awaitAny(String messageId, List<String> topics, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (topics(messageId).stream().noneMatch(topics::contains)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No " + topics + " event for mail " + messageId + " within " + timeout
                        + "; got " + topics(messageId));
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + topics, e);
            }
        }
        return topics(messageId);
    }

    @Override
    public void close() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // The framework already unregistered it.
        }
    }
}
