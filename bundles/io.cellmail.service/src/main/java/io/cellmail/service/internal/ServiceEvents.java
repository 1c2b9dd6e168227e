/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.SmsEvents;

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

    /**
     * The network acknowledged every part of an SMS.
     *
     * @param sms the job
     * @param number the number it went to
     * @param attempt the attempt that sent it
     * @param references the message reference of each part
     */
    void smsSent(SmsJob sms, String number, int attempt, List<Integer> references) {
        Map<String, Object> properties = smsProperties(sms, number, attempt, null);
        properties.put(SmsEvents.PARTS, references.size());
        properties.put(SmsEvents.MESSAGE_REFERENCES, references.stream().mapToInt(Integer::intValue).toArray());
        post(SmsEvents.SENT, sms.id(), properties);
    }

    void smsRetrying(SmsJob sms, String number, int attempt, MailErrorCode error) {
        post(SmsEvents.RETRYING, sms.id(), smsProperties(sms, number, attempt, error));
    }

    void smsFailed(SmsJob sms, String number, int attempts, MailErrorCode error) {
        post(SmsEvents.FAILED, sms.id(), smsProperties(sms, number, attempts, error));
    }

    private Map<String, Object> smsProperties(SmsJob sms, String number, int attempt, MailErrorCode error) {
        Map<String, Object> properties = properties(sms.id(), attempt, error);
        properties.put(SmsEvents.REASON, sms.reason().name());
        properties.put(SmsEvents.NUMBER, number);
        return properties;
    }

    private void post(String topic, String id, int attempt, MailErrorCode error) {
        post(topic, id, properties(id, attempt, error));
    }

    private Map<String, Object> properties(String id, int attempt, MailErrorCode error) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(MailEvents.MESSAGE_ID, id);
        properties.put(MailEvents.ATTEMPT, attempt);
        properties.put(MailEvents.SERVICE_NAME, serviceName);
        if (error != null) {
            properties.put(MailEvents.ERROR_CODE, error.code());
            properties.put(MailEvents.ERROR_NAME, error.name());
        }
        return properties;
    }

    private void post(String topic, String id, Map<String, Object> properties) {
        try {
            sink.post(topic, Map.copyOf(properties));
        } catch (RuntimeException e) {
            // A broken event consumer must not stop the delivery of mail.
            LOG.warn("Cannot post event {} for {}", topic, id, e);
        }
    }
}
