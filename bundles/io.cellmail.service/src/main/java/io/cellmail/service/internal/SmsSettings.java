/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.SmsMessage;
import io.cellmail.service.sms.SmsSegments;

/**
 * How a service sends SMS: the fallback for mail that cannot go, and the limits of every SMS it sends.
 *
 * @param fallbackNumbers who gets an SMS about a mail; empty: no SMS about mail at all (SMS sent on purpose still go)
 * @param fallbackAfter how long a mail may keep failing transiently, from its acceptance, before an SMS about it
 *     goes; empty: never for that reason
 * @param fallbackOnPermanentFailure whether a mail that fails for good (or expires) gets an SMS at once
 * @param copyUrgent whether every {@link io.cellmail.api.Priority#URGENT} mail gets an SMS copy at once, whatever
 *     becomes of the mail
 * @param maxParts the most parts an SMS may take: a summary of a mail is cut to fit, an SMS sent on purpose that
 *     needs more is refused
 * @param maxPerHour the most SMS attempts per hour (one per number and attempt), 0 for no limit: SMS cost money
 */
public record SmsSettings(List<String> fallbackNumbers, Optional<Duration> fallbackAfter,
        boolean fallbackOnPermanentFailure, boolean copyUrgent, int maxParts, int maxPerHour) {

    /** Default most parts of one SMS. */
    public static final int DEFAULT_MAX_PARTS = 3;
    /** Default most SMS attempts per hour. */
    public static final int DEFAULT_MAX_PER_HOUR = 10;
    /** No fallback; SMS sent on purpose within the default limits. */
    public static final SmsSettings NONE = new SmsSettings(List.of(), Optional.empty(), true, false,
            DEFAULT_MAX_PARTS, DEFAULT_MAX_PER_HOUR);

    public SmsSettings {
        fallbackNumbers = List.copyOf(fallbackNumbers);
        for (String number : fallbackNumbers) {
            if (!SmsMessage.isNumber(number)) {
                throw new IllegalArgumentException("not a phone number: " + number);
            }
        }
        Objects.requireNonNull(fallbackAfter, "fallbackAfter");
        fallbackAfter.ifPresent(after -> {
            if (after.isNegative()) {
                throw new IllegalArgumentException("fallbackAfter must not be negative: " + after);
            }
        });
        if (maxParts < 1 || maxParts > SmsSegments.MAX_PARTS) {
            throw new IllegalArgumentException("maxParts must be 1-" + SmsSegments.MAX_PARTS + ": " + maxParts);
        }
        if (maxPerHour < 0) {
            throw new IllegalArgumentException("maxPerHour must be 0 (no limit) or positive: " + maxPerHour);
        }
    }

    /** @return whether any mail can lead to an SMS */
    public boolean fallbackConfigured() {
        return !fallbackNumbers.isEmpty();
    }
}
