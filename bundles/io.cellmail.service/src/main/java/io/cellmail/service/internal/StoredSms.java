/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * An SMS job as its file holds it: what never changes after it was decided.
 *
 * @param sequence the job's number among the SMS of this outbox; its file is named after it
 * @param job the id, reason, numbers and text
 * @param acceptedAt when it was decided, wall clock (for people)
 * @param acceptedAtService when it was decided, service time: its expiry counts from here
 */
record StoredSms(long sequence, SmsJob job, Instant acceptedAt, ServiceTime acceptedAtService) {

    StoredSms {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(acceptedAtService, "acceptedAtService");
    }

    /** @return the name of its file in the outbox directory */
    String fileName() {
        return SmsOutbox.fileName(sequence);
    }
}
