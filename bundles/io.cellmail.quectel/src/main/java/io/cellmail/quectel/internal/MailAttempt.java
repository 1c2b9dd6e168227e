/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtCommand;

/**
 * One attempt of one mail on the module, as both dialects' transactions see it: its work on the modem, the mailer's
 * setup, waits and ledger, and the mail's id; and {@code AT+QSMTPPUT} in either dialect ({@link #put}). The
 * attempt's deadline bounds everything before it: a PUT is never started once the deadline passed. Once started,
 * its result is awaited as long as the module may take (its own timeout plus a margin), deadline or not: a mail the
 * host stopped waiting for may still be delivered. Should the module stay silent even then, the PUT goes into the
 * {@link PutLedger}, which credits a late result to this mail.
 *
 * @param writes the send's work on the modem
 * @param setup the mailer's settings and link
 * @param timings how long to wait for a PUT's result
 * @param ledger where a PUT without result is kept
 * @param mailId the mail's id, to credit a late result to it
 */
record MailAttempt(SmtpWrites writes, MailerSetup setup, MailerTimings timings, PutLedger ledger, String mailId) {

    private static final Logger LOG = LoggerFactory.getLogger(MailAttempt.class);

    /**
     * @param payloadBytes the mail's body and attachment bytes, which size the module's timeout
     * @return the module's result, or the late result of this mail's earlier PUT if it came meanwhile
     * @throws MailException {@link MailErrorCode#MODEM_TIMEOUT} when the deadline passed before the PUT or its
     *     result did not come; the refusal of the command as {@link SmtpWrites} reads it
     */
    PutResult put(long payloadBytes) {
        int timeout = Timeouts.putSeconds(payloadBytes);
        AtCommand put = Commands.put(timeout, timings.putResultWait(timeout));
        Optional<PutResult> settled = ledger.takeSettled(mailId);
        if (settled.isPresent()) {
            // The late result of this mail's earlier PUT came while this attempt set the mail up (the module was
            // busy sending it until then, and answers OK only after it reported): that is the outcome.
            LOG.debug("mail {} was settled by a late PUT result {} during this attempt; not put again", mailId,
                    settled.get());
            return settled.get();
        }
        if (writes.session().deadline().remainingNanos() <= 0) {
            throw new MailException(MailErrorCode.MODEM_TIMEOUT, "the attempt's deadline passed before "
                    + "AT+QSMTPPUT; the mail was not sent");
        }
        try {
            return writes.session().resultBeyondDeadline(put);
        } catch (MailException e) {
            if (e.code() == MailErrorCode.MODEM_TIMEOUT) {
                // the module may still be sending it: a result that comes later is this mail's
                ledger.unanswered(mailId, writes.epoch());
                throw new MailException(MailErrorCode.MODEM_TIMEOUT, null, put.maskedText() + ": no result within "
                        + put.deferredTimeout().orElseThrow().toSeconds() + " s after OK; a result the modem "
                        + "reports later is credited to this mail", e);
            }
            throw writes.classified(e, put, Refusal.NONE);
        }
    }
}
