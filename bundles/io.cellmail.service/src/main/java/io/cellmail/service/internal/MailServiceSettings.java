/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import io.cellmail.service.spi.MailerSettings;

/**
 * The configuration of one mail service, i.e. of one modem: how to reach it, how to retry, how long mail may
 * wait, where the outbox lives and how much it may hold. Immutable; {@link #toString()} masks passwords.
 *
 * @param name the service's name, e.g. {@code modem1}: service property, event property and thread name
 * @param mailer what the dialect needs to reach the modem and the SMTP server
 * @param retryBase the delay before the first retry; later retries wait exponentially longer
 * @param retryCap the longest delay between two attempts, at least {@code retryBase}
 * @param expiry how long after {@code send} a mail may still be delivered; after that it expires
 * @param outboxDirectory the directory holding one file per accepted, undelivered mail; one service per directory
 * @param maxMessages the most mails the outbox holds; {@code send} refuses more with {@code QUEUE_FULL}
 * @param maxBytes the most bytes the outbox holds on disk; {@code send} refuses more with {@code QUEUE_FULL}
 * @param maxPerHour the most send attempts per sliding hour (retries included), 0 for no limit
 * @param sms the SMS fallback for mail that cannot go, and the limits of every SMS
 */
public record MailServiceSettings(
        String name,
        MailerSettings mailer,
        Duration retryBase,
        Duration retryCap,
        Duration expiry,
        Path outboxDirectory,
        int maxMessages,
        long maxBytes,
        int maxPerHour,
        SmsSettings sms) {

    /** Default delay before the first retry. */
    public static final Duration DEFAULT_RETRY_BASE = Duration.ofSeconds(30);
    /** Default longest delay between attempts. */
    public static final Duration DEFAULT_RETRY_CAP = Duration.ofMinutes(30);
    /** Default lifetime of a mail. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
    /** Default most mails in the outbox. */
    public static final int DEFAULT_MAX_MESSAGES = 1000;
    /** Default most bytes in the outbox: a hundred mails with full 100 KB attachments, plenty of small ones. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;
    /** Default most send attempts per hour. */
    public static final int DEFAULT_MAX_PER_HOUR = 60;

    public MailServiceSettings {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(mailer, "mailer");
        requirePositive(retryBase, "retryBase");
        requirePositive(retryCap, "retryCap");
        if (retryCap.compareTo(retryBase) < 0) {
            throw new IllegalArgumentException("retryCap " + retryCap + " must not be below retryBase " + retryBase);
        }
        requirePositive(expiry, "expiry");
        Objects.requireNonNull(outboxDirectory, "outboxDirectory");
        if (maxMessages < 1) {
            throw new IllegalArgumentException("maxMessages must be positive: " + maxMessages);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (maxPerHour < 0) {
            throw new IllegalArgumentException("maxPerHour must be 0 (no limit) or positive: " + maxPerHour);
        }
        Objects.requireNonNull(sms, "sms");
    }

    /**
     * @param name the service's name
     * @param mailer the dialect's settings
     * @param outboxDirectory the outbox directory
     * @return a builder holding the defaults for everything else
     */
    public static Builder builder(String name, MailerSettings mailer, Path outboxDirectory) {
        return new Builder(name, mailer, outboxDirectory);
    }

    /** @return a builder holding these settings, to change some of them */
    public Builder toBuilder() {
        return new Builder(name, mailer, outboxDirectory).retry(retryBase, retryCap).expiry(expiry)
                .bounds(maxMessages, maxBytes).maxPerHour(maxPerHour).sms(sms);
    }

    /**
     * @param value the new settings of the dialect
     * @return these settings with the dialect's settings replaced, e.g. after the operator changed the SMTP server
     */
    public MailServiceSettings withMailer(MailerSettings value) {
        return new MailServiceSettings(name, value, retryBase, retryCap, expiry, outboxDirectory, maxMessages, maxBytes,
                maxPerHour, sms);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    /** Collects {@link MailServiceSettings}; starts from the defaults. Not thread-safe. */
    public static final class Builder {

        private final String name;
        private final MailerSettings mailer;
        private final Path outboxDirectory;
        private Duration retryBase = DEFAULT_RETRY_BASE;
        private Duration retryCap = DEFAULT_RETRY_CAP;
        private Duration expiry = DEFAULT_EXPIRY;
        private int maxMessages = DEFAULT_MAX_MESSAGES;
        private long maxBytes = DEFAULT_MAX_BYTES;
        private int maxPerHour = DEFAULT_MAX_PER_HOUR;
        private SmsSettings sms = SmsSettings.NONE;

        private Builder(String name, MailerSettings mailer, Path outboxDirectory) {
            this.name = name;
            this.mailer = mailer;
            this.outboxDirectory = outboxDirectory;
        }

        /** Sets the first and the longest retry delay. */
        public Builder retry(Duration base, Duration cap) {
            retryBase = base;
            retryCap = cap;
            return this;
        }

        /** Sets how long a mail may wait for delivery. */
        public Builder expiry(Duration value) {
            expiry = value;
            return this;
        }

        /** Sets the most mails and bytes the outbox holds. */
        public Builder bounds(int messages, long bytes) {
            maxMessages = messages;
            maxBytes = bytes;
            return this;
        }

        /** Sets the most send attempts per hour, 0 for no limit. */
        public Builder maxPerHour(int value) {
            maxPerHour = value;
            return this;
        }

        /** Sets the SMS fallback and the limits of SMS. */
        public Builder sms(SmsSettings value) {
            sms = value;
            return this;
        }

        /**
         * @return the settings
         * @throws NullPointerException or IllegalArgumentException naming a missing or invalid setting
         */
        public MailServiceSettings build() {
            return new MailServiceSettings(name, mailer, retryBase, retryCap, expiry, outboxDirectory, maxMessages,
                    maxBytes, maxPerHour, sms);
        }
    }
}
