/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtException;
import io.cellmail.at.Urc;
import io.cellmail.at.UrcListener;

/**
 * What the driver knows of an {@code AT+QSMTPPUT} whose {@code +QSMTPPUT:} result did not come while the host
 * waited (the module stayed silent past its own timeout and the driver's margin). Until that is settled the module
 * may still be sending that mail, so:
 * <ul>
 * <li>an {@code ERROR} to an SMTP write means "still sending" ({@link #mayBeSending});</li>
 * <li>a {@code +QSMTPPUT: <n>} (LTE: {@code <err>,<protocol_error>}) that arrives later in the same epoch is that
 *     mail's outcome: it is kept for the mail's next attempt ({@link #takeSettled}), which reports it without
 *     sending the mail again;</li>
 * <li>an {@code OK} to an SMTP write proves the module idle ({@link #moduleIdle}): a send that ended without a
 *     result line has an unknown outcome, and the mail is sent again (at least once);</li>
 * <li>a new epoch (a reboot, a reopened port) ends it the same way.</li>
 * </ul>
 * A result line at any other time (before the {@code OK} of another mail's PUT, say) belongs to no mail the driver
 * waits for and is dropped: it is never credited to another mail.
 *
 * <p>Thread-safe: the engine's notification thread delivers results, the work holding the modem asks.
 */
final class PutLedger implements UrcListener {

    /** Settled outcomes kept for mails whose next attempt has not come yet; the oldest beyond this are dropped. */
    static final int SETTLED_KEPT = 32;

    private static final Logger LOG = LoggerFactory.getLogger(PutLedger.class);

    /** A PUT without its result: the mail and the epoch it was started in. */
    private record Unanswered(String mailId, long epoch) {
    }

    private final LongSupplier currentEpoch;
    @GuardedBy("this")
    private Unanswered unanswered;
    @GuardedBy("this")
    private final Map<String, PutResult> settled = new LinkedHashMap<>();

    /** @param currentEpoch the AT engine's epoch now, to tell which epoch a result line arrived in */
    PutLedger(LongSupplier currentEpoch) {
        this.currentEpoch = Objects.requireNonNull(currentEpoch, "currentEpoch");
    }

    /**
     * The host stopped waiting for the result of a PUT: the module may still be sending the mail.
     *
     * @param mailId the mail
     * @param epoch the epoch the PUT was sent in
     */
    synchronized void unanswered(String mailId, long epoch) {
        if (unanswered != null) {
            LOG.debug("PUT of mail {} had no result and is replaced by one of {}: its outcome is unknown",
                    unanswered.mailId(), mailId);
        }
        unanswered = new Unanswered(Objects.requireNonNull(mailId, "mailId"), epoch);
    }

    /**
     * @param epoch the epoch of the work asking
     * @return true while a PUT of this epoch may still be running, so that an SMTP write's {@code ERROR} means busy
     */
    synchronized boolean mayBeSending(long epoch) {
        return unanswered != null && unanswered.epoch() == epoch;
    }

    /**
     * An SMTP write was answered {@code OK}: the module does not send. A PUT still without result ended without
     * one; its mail goes out again.
     *
     * @param epoch the epoch of the write
     */
    synchronized void moduleIdle(long epoch) {
        if (unanswered != null && unanswered.epoch() <= epoch) {
            LOG.debug("The module is idle and the PUT of mail {} never reported a result: outcome unknown, the mail "
                    + "is sent again", unanswered.mailId());
            unanswered = null;
        }
    }

    /**
     * @param mailId a mail about to be attempted
     * @return the result the module reported for it after the host had stopped waiting, once; empty if none
     */
    synchronized Optional<PutResult> takeSettled(String mailId) {
        return Optional.ofNullable(settled.remove(mailId));
    }

    @Override
    public void onUrc(Urc urc) {
        if (!urc.line().startsWith(Results.PUT)) {
            return;
        }
        PutResult result;
        try {
            result = PutResult.of(urc.info());
        } catch (AtException e) {
            LOG.debug("Unreadable PUT result dropped: {}", urc.line());
            return;
        }
        settle(result, currentEpoch.getAsLong());
    }

    private synchronized void settle(PutResult result, long epoch) {
        if (unanswered == null || unanswered.epoch() != epoch) {
            // nobody waits for it: the stale result of a PUT whose outcome was given up as unknown
            LOG.debug("PUT result {} belongs to no mail waiting for one; dropped", result);
            return;
        }
        LOG.debug("Late PUT result {} credited to mail {}", result, unanswered.mailId());
        settled.remove(unanswered.mailId());
        settled.put(unanswered.mailId(), result);
        unanswered = null;
        if (settled.size() > SETTLED_KEPT) {
            settled.remove(settled.keySet().iterator().next());
        }
    }
}
