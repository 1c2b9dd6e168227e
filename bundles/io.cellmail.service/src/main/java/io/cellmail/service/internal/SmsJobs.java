/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;

/**
 * Where the fallback hands the SMS it decides on about a mail: the SMS part of the outbox. The fallback calls it
 * from the dispatcher (a mail failed, kept failing or expired) or from {@code send} (an urgent copy), and records on
 * the mail that its SMS was decided only after {@link #decide} returned, so a decision is never lost and never
 * made twice.
 */
interface SmsJobs {

    /**
     * Stores the decision durably (on disk and forced before this returns) and queues it for the dispatcher.
     *
     * @param job the SMS to send
     * @throws IOException when it could not be stored: nothing was queued, the caller may decide again later
     */
    void decide(SmsJob job) throws IOException;

    /**
     * @param mailId a mail's id
     * @return whether an SMS about that mail is stored and not finished, so a decision found half recorded after a
     *     crash (the SMS stored, the mail not yet marked) is not made twice
     */
    boolean pendingFor(String mailId);
}
