/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import io.cellmail.api.MailException;
import io.cellmail.service.spi.SenderIdentity;

/**
 * What the mail transactions of both dialects share: the attempt they run in, what the module holds as they go
 * ({@link #state}), and the rule that a step failing before {@code AT+QSMTPPUT} answered leaves the module in a
 * state nobody knows, so everything is forgotten then. Only the steps differ ({@link #steps}).
 */
abstract class ModuleTransaction implements HeldState.Transaction {

    /** The mail's attempt on the module. */
    final MailAttempt attempt;
    /** The attempt's work on the modem. */
    final SmtpWrites writes;
    /** The mailer's settings and link. */
    final MailerSetup setup;
    /** What the module holds, as far as the driver knows; the steps update it as they go. */
    ModemSideState state;
    /** Set once {@code AT+QSMTPPUT} answered: what the steps set before it is known to be held. */
    boolean putAnswered;

    /**
     * @param attempt the mail's attempt on the module
     * @param state what the module holds before the mail
     */
    ModuleTransaction(MailAttempt attempt, ModemSideState state) {
        this.attempt = attempt;
        this.writes = attempt.writes();
        this.setup = attempt.setup();
        this.state = state;
    }

    @Override
    public final ModemSideState state() {
        return state;
    }

    /**
     * Sends the mail.
     *
     * @param mail the checked mail
     * @param sender its sender
     * @throws MailException when any step fails or the module reports a failure in {@code +QSMTPPUT:}
     */
    @Override
    public final void send(PreparedMail mail, SenderIdentity sender) {
        try {
            steps(mail, sender);
        } catch (RuntimeException e) {
            if (!putAnswered) {
                state = state.forgotten();
            }
            throw e;
        } finally {
            afterwards();
        }
    }

    /**
     * The dialect's command sequence of one mail, ending with its result.
     *
     * @param mail the checked mail
     * @param sender its sender
     * @throws MailException when any step fails or the module reports a failure
     */
    abstract void steps(PreparedMail mail, SenderIdentity sender);

    /** Runs after the steps, whatever their outcome; nothing by default. */
    void afterwards() {
        // most dialects leave nothing behind
    }
}
