/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;

/** Builds and posts the events of one service, with the properties {@link MailEvents} names. */
final class ServiceEvents {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceEvents.class);

    private final String serviceName;
    private final EventSink sink;

    ServiceEvents(String serviceName, EventSink sink) {
        this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    void queued(String id) {
        post(MailEvents.QUEUED, id, 0, null);
    }

    void sent(String id, int attempt) {
        post(MailEvents.SENT, id, attempt, null);
    }

    void retrying(String id, int attempt, MailErrorCode error) {
        post(MailEvents.RETRYING, id, attempt, error);
    }

    void failed(String id, int attempt, MailErrorCode error) {
        post(MailEvents.FAILED, id, attempt, error);
    }

    void expired(String id, int attempts) {
        post(MailEvents.EXPIRED, id, attempts, MailErrorCode.EXPIRED);
    }

    void cancelled(String id, int attempts) {
        post(MailEvents.CANCELLED, id, attempts, MailErrorCode.CANCELLED);
    }

    private void post(String topic, String id, int attempt, MailErrorCode error) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(MailEvents.MESSAGE_ID, id);
        properties.put(MailEvents.ATTEMPT, attempt);
        properties.put(MailEvents.SERVICE_NAME, serviceName);
        if (error != null) {
            properties.put(MailEvents.ERROR_CODE, error.code());
            properties.put(MailEvents.ERROR_NAME, error.name());
        }
        try {
            sink.post(topic, Map.copyOf(properties));
        } catch (RuntimeException e) {
            // A broken event consumer must not stop the delivery of mail.
            LOG.warn("Cannot post event {} for mail {}", topic, id, e);
        }
    }
}
