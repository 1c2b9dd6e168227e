/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.List;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;

/** What the dispatcher does next, as {@link MailQueue#take()} hands it out. */
sealed interface Work permits Work.Attempt, Work.Expiry, Work.Checkpoint, Work.Rescan, Work.SmsAttempt,
        Work.SmsExpiry {

    /**
     * Send a mail now.
     *
     * @param pending the mail, now marked as sending
     * @param attempt the number of this attempt, from 1
     * @param previousError the code of the previous failed attempt, if any
     * @param window the rate limit's window with this attempt in it, to persist before the modem sees the mail;
     *     empty when there is no limit
     */
    record Attempt(Pending pending, int attempt, Optional<MailErrorCode> previousError,
            Optional<List<ServiceTime>> window) implements Work {
    }

    /**
     * A mail expired undelivered; it is already out of the queue.
     *
     * @param pending the mail
     */
    record Expiry(Pending pending) implements Work {
    }

    /**
     * Record the outbox's clock: mail waits and the last record is a few minutes old.
     *
     * @param now the service time now
     * @param window the rate limit's window now
     */
    record Checkpoint(ServiceTime now, List<ServiceTime> window) implements Work {
    }

    /** Look for mail on disk that is not indexed: room freed up, or files could not be read before. */
    record Rescan() implements Work {
    }

    /**
     * Send an SMS to one number now.
     *
     * @param target the job and number, now marked as taken
     * @param attempt the number of this attempt, from 1
     * @param window the SMS rate limit's window with this attempt in it, to persist before the modem sees the SMS;
     *     empty when there is no limit
     */
    record SmsAttempt(SmsQueue.Target target, int attempt, Optional<List<ServiceTime>> window) implements Work {
    }

    /**
     * An SMS to one number expired unsent.
     *
     * @param target the job and number, now marked as taken
     */
    record SmsExpiry(SmsQueue.Target target) implements Work {
    }
}
