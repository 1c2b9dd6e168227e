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
 *     {@code corrupt/}: a mail's file was reported as a failed mail, an SMS file (whose SMS are not sent) is
 *     logged as an error
 * @param smsSent SMS the network acknowledged (one per number), on purpose or about a mail
 * @param smsFailed SMS ended without being sent (refused, expired or cancelled), one per number
 * @param smsQueued SMS waiting or being sent, one per number
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
        int setAside,
        long smsSent,
        long smsFailed,
        int smsQueued) {

    /**
     * Counters of a service that has sent no SMS, as before 3.1.
     *
     * @param sent mails the SMTP server accepted
     * @param failed mails ended by a permanent failure
     * @param retried transient failures followed by a retry
     * @param expired mails that expired undelivered
     * @param cancelled mails cancelled
     * @param queued mails in the outbox, not final
     * @param heldByRateLimit due mails waiting only because the rate limit is reached
     * @param setAside outbox files found damaged and moved aside
     */
    public OutboxCounters(long sent, long failed, long retried, long expired, long cancelled, int queued,
            int heldByRateLimit, int setAside) {
        this(sent, failed, retried, expired, cancelled, queued, heldByRateLimit, setAside, 0, 0, 0);
    }
}
