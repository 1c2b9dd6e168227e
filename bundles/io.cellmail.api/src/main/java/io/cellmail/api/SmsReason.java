/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

/** Why an SMS is sent. */
public enum SmsReason {
    /** A bundle or a technician sent it on purpose ({@link CellularMailService#sendSms(SmsMessage)}). */
    DIRECT,
    /** Its mail could not be delivered: it failed for good, or kept failing for the configured time, or expired. */
    FALLBACK,
    /** Its mail is {@link Priority#URGENT} and the service is configured to copy every urgent mail to SMS at once. */
    URGENT_COPY
}
