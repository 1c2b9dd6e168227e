/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.SenderIdentity;

/**
 * The LTE SMTP(S) dialect of Quectel's EC2x/EG9x/EG2x-G/EM05 modules ({@link LteTransaction} for the sequence,
 * {@link LteTls} for TLS, {@link LteResults} for what a result means). Its uploads end by their length, so no
 * {@code +++} rule needs probing and a payload may hold any byte. Before a mail that relies on settings the module
 * is believed to hold, {@code AT+QSMTPCFG="smtpserver"} shows whether it still holds them ({@link ServerMarker}).
 */
final class LteDialect implements MailDialect<PreparedMail> {

    private static final Logger LOG = LoggerFactory.getLogger(LteDialect.class);

    private final MailerSetup setup;
    private final MailerTimings timings;
    private final PutLedger ledger;
    private final HeldState held = new HeldState();

    /**
     * @param setup the mailer's settings and link
     * @param timings how long to wait for a PUT's result
     * @param ledger the mailer's ledger of PUTs without result
     */
    LteDialect(MailerSetup setup, MailerTimings timings, PutLedger ledger) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        MailerSettings.Tls tls = setup.settings().tls();
        if (tls.encrypted() && !tls.verifyServer()) {
            LOG.warn("The SMTP server's certificate is not verified on {} (seclevel 0, configured): anybody between "
                    + "the module and the server can read the mail and the account's password", setup.engineName());
        }
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
        return held.lostSettings(ServerMarker.LTE, writes, setup.engineName());
    }

    @Override
    public void send(SmtpWrites writes, PreparedMail mail, SenderIdentity sender, String mailId) {
        MailAttempt attempt = new MailAttempt(writes, setup, timings, ledger, mailId);
        held.send(writes, state -> new LteTransaction(attempt, state), mail, sender);
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
}
