/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cellmail.api.MailEvents;
import io.cellmail.service.internal.EventSink;

/** Keeps every event a mail service posts, in order. */
public final class RecordedEvents implements EventSink {

    /** What every cellmail topic starts with, before its channel ({@code mail/}, {@code sms/}). */
    private static final String CHANNEL_PREFIX = "io/cellmail/";

    /** One event. */
    public record Event(String topic, Map<String, Object> properties) {

        /** @return e.g. {@code SENT} for a mail event, {@code sms/SENT} for an SMS event */
        public String kind() {
            return topic.startsWith(MailEvents.TOPIC_PREFIX) ? topic.substring(MailEvents.TOPIC_PREFIX.length())
                    : topic.substring(CHANNEL_PREFIX.length());
        }

        /** @return the {@code error.code} property, or null */
        public Object errorCode() {
            return properties.get(MailEvents.ERROR_CODE);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void post(String topic, Map<String, Object> properties) {
        events.add(new Event(topic, properties));
    }

    /** @return the events of one mail, in order */
    public List<Event> of(String messageId) {
        return events.stream().filter(e -> messageId.equals(e.properties().get(MailEvents.MESSAGE_ID))).toList();
    }

    /**
     * @return the kinds of the events of one mail and of the SMS about it, in order, e.g.
     *     {@code [QUEUED, RETRYING, sms/SENT, SENT]}
     */
    public List<String> kindsOf(String messageId) {
        return of(messageId).stream().map(Event::kind).toList();
    }
}
