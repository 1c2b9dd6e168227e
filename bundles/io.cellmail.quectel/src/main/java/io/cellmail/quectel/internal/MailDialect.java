/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Optional;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.SenderIdentity;

/**
 * What a {@link QuectelMailer} does differently by SMTP dialect: how a mail is checked and prepared, the mail
 * transaction on the module, how it finds out that the module silently lost what it was given, and what a late
 * {@code +QSMTPPUT:} result means. Everything else (one piece of work at a time, readiness and epochs, the radio,
 * health, probe, transcript, the {@link PutLedger}, close) is the mailer's and the same for every dialect.
 *
 * <p>A dialect keeps what the module holds, per AT engine epoch: a call in a later epoch than the last one starts
 * from nothing. Every method but {@link #prepare} and {@link #checkSender} runs while the mailer holds the modem,
 * one at a time.
 *
 * @param <M> a mail checked against the dialect's limits and turned into what its commands take
 */
interface MailDialect<M> {

    /** Makes a mailer's dialect; the mailer owns the ledger that late PUT results reach. */
    @FunctionalInterface
    interface Maker {
        /**
         * @param ledger the mailer's ledger of PUTs without result
         * @return the dialect of one mailer
         */
        MailDialect<?> make(PutLedger ledger);
    }

    /**
     * Checks a mail against every limit of the dialect; touches no modem (also called on the caller's thread).
     *
     * @param message the mail
     * @return the mail as the dialect's commands take it
     * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} naming the field at fault
     */
    M prepare(MailMessage message);

    /**
     * @param sender the sender of one mail
     * @throws MailException {@link MailErrorCode#INVALID_MESSAGE} for {@code senderAddress} or {@code senderName}
     */
    void checkSender(SenderIdentity sender);

    /**
     * Before the first try of a mail: does the module still hold what the dialect believes it set in this epoch? A
     * module that rebooted without a sign (no URC, echo saved off) would otherwise send with empty settings.
     *
     * @param writes the send's work, pinned to its epoch
     * @param mail the mail about to be sent
     * @return empty if it does (or nothing is believed held); otherwise why not, and the mailer starts a new epoch
     */
    Optional<String> lostSettings(SmtpWrites writes, M mail);

    /**
     * Sends the mail: everything the module does not hold yet, the content, {@code AT+QSMTPPUT} and its result.
     *
     * @param writes the send's work, pinned to its epoch
     * @param mail the mail
     * @param sender its sender
     * @param mailId its id, to credit a late PUT result to it
     * @throws MailException when any step fails or the module reports a failure
     */
    void send(SmtpWrites writes, M mail, SenderIdentity sender, String mailId);

    /**
     * @param result the result the module reported for a mail after an earlier attempt stopped waiting
     * @return the failure it means; empty when the mail was delivered
     */
    Optional<MailException> settled(PutResult result);

    /**
     * Background work after the radio was found fit to send, while nothing else holds the modem (the GSM dialect
     * probes the module's {@code +++} rule here).
     *
     * @param writes the work, pinned to its epoch
     * @throws MailException when it fails; the mailer notes it and goes on
     */
    void whileIdle(SmtpWrites writes);
}
