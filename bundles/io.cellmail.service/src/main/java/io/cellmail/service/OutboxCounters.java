/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@code CellularMailService} did since it started, and what its outbox holds now:
 * {@link CellularMailAdmin#counters()}.
 *
 * @param sent mails the SMTP server accepted
 * @param failed mails ended by a permanent failure
 * @param retried transient failures followed by a retry
 * @param expired mails that expired undelivered
 * @param cancelled mails cancelled
 * @param queued mails in the outbox, not final (including mail that waits on disk for room after a restart)
 * @param heldByRateLimit due mails waiting only because the rate limit is reached
 * @param setAside outbox files found damaged (at start-up or when their mail was to be sent) and moved to
 *     {@code corrupt/}; each was reported as a failed mail
 */
@ProviderType
public record OutboxCounters(
        long sent,
        long failed,
        long retried,
        long expired,
        long cancelled,
        int queued,
        int heldByRateLimit,
        int setAside) {
}
