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
import io.cellmail.service.spi.SenderIdentity;

/**
 * The GSM SMTP dialect of the manual V1.00 ({@link MailTransaction} for the sequence). Before a payload holding
 * {@code +++} goes to the module, its {@code +++} rule must be known: with {@code escapeMode} auto it is probed in
 * every epoch ({@link EscapeProbe}), in the background when the modem becomes ready; a mail that a lenient module
 * would cut is refused when it is offered, never uploaded.
 *
 * <p>Before a mail that relies on settings the module is believed to hold, {@link ServerMarker} checks that it
 * still holds them.
 */
final class GsmDialect implements MailDialect<PreparedMail> {

    private static final Logger LOG = LoggerFactory.getLogger(GsmDialect.class);

    private final MailerSetup setup;
    private final MailerTimings timings;
    private final PutLedger ledger;
    private final EscapeKnowledge escape;
    private final HeldState held = new HeldState();

    /**
     * @param setup the mailer's settings and link
     * @param timings how long to wait for a PUT's result
     * @param ledger the mailer's ledger of PUTs without result
     */
    GsmDialect(MailerSetup setup, MailerTimings timings, PutLedger ledger) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.timings = Objects.requireNonNull(timings, "timings");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.escape = new EscapeKnowledge(setup.settings().escapeMode());
    }

    @Override
    public PreparedMail prepare(MailMessage message) {
        PreparedMail mail = MessageRules.prepare(message);
        if (escape.knownLenient()) {
            MessageRules.refuseEscapes(mail);
        }
        return mail;
    }

    @Override
    public void checkSender(SenderIdentity sender) {
        MessageRules.checkSender(sender);
    }

    @Override
    public Optional<String> lostSettings(SmtpWrites writes, PreparedMail mail) {
        ensureEscapeRule(writes, mail);
        return held.lostSettings(ServerMarker.GSM, writes, setup.engineName());
    }

    @Override
    public void send(SmtpWrites writes, PreparedMail mail, SenderIdentity sender, String mailId) {
        ensureEscapeRule(writes, mail);
        MailAttempt attempt = new MailAttempt(writes, setup, timings, ledger, mailId);
        held.send(writes, state -> new MailTransaction(attempt, state), mail, sender);
    }

    @Override
    public Optional<MailException> settled(PutResult result) {
        return result.success() ? Optional.empty()
                : Optional.of(ResultCodes.failure("AT+QSMTPPUT (an earlier attempt)", Results.PUT, result.error()));
    }

    @Override
    public void whileIdle(SmtpWrites writes) {
        if (escape.needsProbe(writes.epoch())) {
            probeEscape(writes);
        }
    }

    /**
     * Before a payload holding {@code +++} goes to the module, its {@code +++} rule must be known: probed in this
     * epoch when the configuration leaves it to the driver. A mail that a lenient module would cut is refused for
     * good, never uploaded.
     */
    private void ensureEscapeRule(SmtpWrites writes, PreparedMail mail) {
        if (!MessageRules.holdsEscape(mail)) {
            return;
        }
        if (escape.needsProbe(writes.epoch())) {
            probeEscape(writes);
        }
        if (escape.knownLenient()) {
            MessageRules.refuseEscapes(mail);
        }
    }

    private void probeEscape(SmtpWrites writes) {
        int timeout = setup.uploadTimeoutSeconds(EscapeProbe.PAYLOAD.length);
        boolean lenient = EscapeProbe.lenient(writes, timeout);
        escape.probed(writes.epoch(), lenient);
        // the probe left its own body on the module
        held.set(held.in(writes.epoch()).without(ModemSideState.Item.BODY));
        LOG.debug("The modem on {} ends an upload {}", setup.engineName(),
                lenient ? "at any +++ (lenient): content holding +++ is refused" : "only at a +++ framed by silence");
    }
}
