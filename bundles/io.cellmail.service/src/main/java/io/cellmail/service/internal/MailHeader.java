/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Objects;

import io.cellmail.api.Priority;

/**
 * What the queue needs to know of a stored mail, kept apart from its content in the outbox file so that loading an
 * outbox reads a few dozen bytes per mail, not the mail.
 *
 * @param id the message id
 * @param sequence the acceptance order, unique within one outbox: older mail has a smaller number
 * @param priority the mail's priority
 * @param acceptedAt the wall-clock time of acceptance, for display
 * @param acceptedAtService the service time of acceptance: the mail's age and expiry count from here
 */
record MailHeader(String id, long sequence, Priority priority, Instant acceptedAt, ServiceTime acceptedAtService) {

    MailHeader {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(acceptedAtService, "acceptedAtService");
    }
}
