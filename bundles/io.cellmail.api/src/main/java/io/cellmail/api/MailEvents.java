/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/**
 * EventAdmin topics and property names of the events a mail service posts for every state change of a message.
 * Subscribe to {@value #TOPIC_ALL} for all of them.
 */
public final class MailEvents {

    /** Prefix of every cellmail mail topic. */
    public static final String TOPIC_PREFIX = "io/cellmail/mail/";
    /** Matches every mail event. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";
    /** The message was accepted into the outbox. */
    public static final String QUEUED = TOPIC_PREFIX + "QUEUED";
    /** The SMTP server accepted the message. */
    public static final String SENT = TOPIC_PREFIX + "SENT";
    /** An attempt failed transiently; another follows. */
    public static final String RETRYING = TOPIC_PREFIX + "RETRYING";
    /** The message failed permanently. */
    public static final String FAILED = TOPIC_PREFIX + "FAILED";
    /** The message expired undelivered. */
    public static final String EXPIRED = TOPIC_PREFIX + "EXPIRED";
    /** The message was cancelled. */
    public static final String CANCELLED = TOPIC_PREFIX + "CANCELLED";

    /** Property: the message id (String). */
    public static final String MESSAGE_ID = "message.id";
    /** Property: the attempt number (Integer), 0 before the first attempt. */
    public static final String ATTEMPT = "attempt";
    /** Property: the {@link MailErrorCode#code()} (Integer), for failures. */
    public static final String ERROR_CODE = "error.code";
    /** Property: the {@link MailErrorCode} name (String), for failures. */
    public static final String ERROR_NAME = "error.name";
    /** Property: the name of the service that posted the event (String). */
    public static final String SERVICE_NAME = "service.name";

    private MailEvents() {
    }
}
