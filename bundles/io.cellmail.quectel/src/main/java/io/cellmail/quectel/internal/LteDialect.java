/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;
import java.util.Optional;

import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.SenderIdentity;

/**
 * The LTE SMTP(S) dialect of Quectel's EC2x/EG9x/EG2x-G/EM05 modules ({@link LteTransaction} for the sequence,
 * {@link LteTls} for TLS, {@link LteResults} for what a result means). Its uploads end by their length, so no
 * {@code +++} rule needs probing and a payload may hold any byte. Before a mail that relies on settings the module
 * is believed to hold, {@code AT+QSMTPCFG="smtpserver"} shows whether it still holds them ({@link ServerMarker}).
 */
final class LteDialect implements MailDialect<PreparedMail> {

    private final MailerSetup setup;
    private final MailerTimings timings;
    private final PutLedger ledger;
    /** Only touched while the mailer holds the modem. */
    private ModemSideState modemSide = ModemSideState.unknown(0);

    /**
     * @param setup the mailer's settings and link
     * @param timings how long to wait for a PUT's result
     * @param ledger the mailer's ledger of PUTs without result
     */
    LteDialect(MailerSetup setup, MailerTimings timings, PutLedger ledger) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    @Override
    public PreparedMail prepare(MailMessage message) {
        return MessageRules.prepare(message, MailLimits.LTE);
    }

    @Override
    public void checkSender(SenderIdentity sender) {
        MessageRules.checkSender(sender);
    }

    @Override
    public Optional<String> lostSettings(SmtpWrites writes, PreparedMail mail) {
        inEpoch(writes.epoch());
        Optional<ModemSideState> held = ServerMarker.LTE.stillHeld(writes.session(), modemSide, setup.engineName());
        if (held.isEmpty()) {
            return Optional.of(ServerMarker.LTE.lostReason());
        }
        modemSide = held.get();
        return Optional.empty();
    }

    @Override
    public void send(SmtpWrites writes, PreparedMail mail, SenderIdentity sender, String mailId) {
        inEpoch(writes.epoch());
        LteTransaction transaction = new LteTransaction(writes, setup, timings, ledger, mailId, modemSide);
        try {
            transaction.send(mail, sender);
        } finally {
            modemSide = transaction.state();
        }
    }

    @Override
    public Optional<MailException> settled(PutResult result) {
        return result.success() ? Optional.empty()
                : Optional.of(LteResults.failure("AT+QSMTPPUT (an earlier attempt)", result));
    }

    @Override
    public void whileIdle(SmtpWrites writes) {
        // nothing to find out: the uploads end by their length
    }

    private void inEpoch(long epoch) {
        if (modemSide.epoch() != epoch) {
            modemSide = ModemSideState.unknown(epoch);
        }
    }
}
