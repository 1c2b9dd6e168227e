/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/**
 * Topics and property names of the events a service posts about SMS, to EventAdmin. One event per number: an SMS
 * about a mail that goes to two numbers posts two. The mail keeps its own events ({@link MailEvents}); the two
 * channels are independent.
 */
public final class SmsEvents {

    /** Prefix of every cellmail SMS topic. */
    public static final String TOPIC_PREFIX = "io/cellmail/sms/";
    /** Matches every SMS event. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";
    /** The network acknowledged every part. */
    public static final String SENT = TOPIC_PREFIX + "SENT";
    /** An attempt failed transiently; another follows. */
    public static final String RETRYING = TOPIC_PREFIX + "RETRYING";
    /** The SMS failed for good: refused, or not sent before it expired. */
    public static final String FAILED = TOPIC_PREFIX + "FAILED";

    /**
     * Property: the id (String): the mail's id for an SMS about a mail ({@link SmsReason#FALLBACK},
     * {@link SmsReason#URGENT_COPY}), the {@link SmsMessage#id()} of one sent on purpose.
     */
    public static final String MESSAGE_ID = MailEvents.MESSAGE_ID;
    /** Property: the {@link SmsReason} name (String). */
    public static final String REASON = "sms.reason";
    /** Property: the destination number (String). */
    public static final String NUMBER = "sms.number";
    /** Property: how many SMS the text took (Integer), on {@link #SENT}. */
    public static final String PARTS = "sms.parts";
    /** Property: the network's message reference of each part (int[]), on {@link #SENT}. */
    public static final String MESSAGE_REFERENCES = "sms.references";
    /** Property: the attempt number (Integer). */
    public static final String ATTEMPT = MailEvents.ATTEMPT;
    /** Property: the {@link MailErrorCode#code()} (Integer), on {@link #RETRYING} and {@link #FAILED}. */
    public static final String ERROR_CODE = MailEvents.ERROR_CODE;
    /** Property: the {@link MailErrorCode} name (String), on {@link #RETRYING} and {@link #FAILED}. */
    public static final String ERROR_NAME = MailEvents.ERROR_NAME;
    /** Property: the name of the service that posted the event (String). */
    public static final String SERVICE_NAME = MailEvents.SERVICE_NAME;

    private SmsEvents() {
    }
}
