/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;

/**
 * Writes to the module's SMTP client (and its data context) within one piece of work, reading the module's
 * {@code ERROR} the way the manual means it: "if ... it is not sending email, response OK; otherwise ERROR".
 * While a send may still run ({@link PutLedger#mayBeSending}) an {@code ERROR} is {@link MailErrorCode#SMTP_BUSY};
 * otherwise the module refused the value the command carries, and the {@link Refusal} says whose it is. A write
 * the module took proves it is not sending, which settles a PUT still waiting for its result as unknown.
 */
final class SmtpWrites {

    private static final String SMTP_COMMAND = "AT+QSMTP";

    private final ModemSession session;
    private final PutLedger ledger;
    private final long epoch;

    /**
     * @param session the work
     * @param ledger the PUT whose result the host did not get, if any
     * @param epoch the epoch the work is pinned to
     */
    SmtpWrites(ModemSession session, PutLedger ledger, long epoch) {
        this.session = Objects.requireNonNull(session, "session");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.epoch = epoch;
    }

    /** @return the work these writes belong to */
    ModemSession session() {
        return session;
    }

    /** @return the epoch the work is pinned to */
    long epoch() {
        return epoch;
    }

    /**
     * @param command a write answered {@code OK} or an error final
     * @param refusal whose value it carries
     * @return its response
     * @throws MailException when it fails; {@code ERROR} read as busy or as a refused value
     */
    AtResponse run(AtCommand command, Refusal refusal) {
        try {
            AtResponse response = session.run(command);
            idle(command);
            return response;
        } catch (MailException e) {
            throw classified(e, command, refusal);
        }
    }

    /**
     * Sends a setting unless the module holds it; only a digest of the command is remembered.
     *
     * @param state what the module holds
     * @param item the setting
     * @param command the write that sets it
     * @param refusal whose value it carries
     * @return the state with the setting held
     * @throws MailException when the write fails; the caller forgets what it believed
     */
    ModemSideState setting(ModemSideState state, ModemSideState.Item item, AtCommand command, Refusal refusal) {
        String fingerprint = Fingerprint.of(command.text());
        if (state.holds(item, fingerprint)) {
            return state;
        }
        run(command, refusal);
        return state.with(item, fingerprint);
    }

    /**
     * @param command a write with a deferred result ({@code AT+QSMTPDST}, {@code AT+QSMTPDATT})
     * @param refusal whose value it carries
     * @return the result: 0 or a negative code; the module is known idle only after 0
     */
    int result(AtCommand command, Refusal refusal) {
        try {
            int result = session.result(command);
            if (result == 0) {
                idle(command);
            }
            return result;
        } catch (MailException e) {
            throw classified(e, command, refusal);
        }
    }

    /**
     * @param command an upload ({@code AT+QSMTPBODY}, {@code AT+QSMTPATT})
     * @param payload its bytes
     * @param options its result line and deadline
     * @param refusal whose value the command carries
     * @return the upload's result
     */
    UploadResult upload(AtCommand command, byte[] payload, UploadOptions options, Refusal refusal) {
        try {
            UploadResult result = session.upload(command, payload, options);
            idle(command);
            return result;
        } catch (MailException e) {
            throw classified(e, command, refusal);
        }
    }

    /**
     * @param failure a failed write
     * @param command the write
     * @param refusal whose value it carries
     * @return the failure as it is to be reported
     */
    MailException classified(MailException failure, AtCommand command, Refusal refusal) {
        if (!(failure.getCause() instanceof AtException at)
                || (at.kind() != AtException.Kind.ERROR && at.kind() != AtException.Kind.CME_ERROR)) {
            return failure;
        }
        if (ledger.mayBeSending(epoch)) {
            return new MailException(MailErrorCode.SMTP_BUSY, null, command.maskedText() + ": the modem refused it "
                    + "while it may still be sending an earlier mail", at);
        }
        return refusal.failure(command.maskedText(), at);
    }

    private void idle(AtCommand command) {
        if (command.text().startsWith(SMTP_COMMAND)) {
            ledger.moduleIdle(epoch);
        }
    }
}
