/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cellmail.api.MailEvents;

/** Keeps every event posted, in order. */
final class RecordingEvents implements EventSink {

    /** One posted event. */
    record Event(String topic, Map<String, Object> properties) {

        String messageId() {
            return (String) properties.get(MailEvents.MESSAGE_ID);
        }

        /** @return e.g. {@code SENT} */
        String kind() {
            return topic.substring(MailEvents.TOPIC_PREFIX.length());
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void post(String topic, Map<String, Object> properties) {
        events.add(new Event(topic, properties));
    }

    List<Event> all() {
        return List.copyOf(events);
    }

    /** @return the events of one mail, in order */
    List<Event> of(String messageId) {
        return events.stream().filter(e -> messageId.equals(e.messageId())).toList();
    }

    /** @return the kinds of the events of one mail, in order, e.g. {@code [QUEUED, RETRYING, SENT]} */
    List<String> kindsOf(String messageId) {
        return of(messageId).stream().map(Event::kind).toList();
    }

    /** @return how many events of this topic were posted */
    long count(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).count();
    }
}
