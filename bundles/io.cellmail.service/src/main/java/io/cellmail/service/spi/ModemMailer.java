/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.spi;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;

/**
 * Sends mail (and, where the dialect can, SMS) through one modem, one at a time. Implemented by a dialect bundle (e.g. the Quectel GSM SMTP
 * dialect); the mail service owns an instance, calls it from its single dispatcher thread and closes it when the
 * service stops.
 *
 * <p>The service retries on its own: a mailer makes exactly one attempt per {@link #send} call and reports the
 * outcome with a {@link MailErrorCode}, whose {@link MailErrorCode#isTransient()} decides whether the service
 * tries again later.
 */
@ConsumerType
public interface ModemMailer extends AutoCloseable {

    /**
     * Checks a message against the limits of the modem (sizes, counts, characters) before the service accepts it.
     * Called on the caller's thread of {@code send}: must not touch the modem. The default accepts everything.
     *
     * @param message the mail
     * @throws MailException with {@link MailErrorCode#INVALID_MESSAGE} naming the field at fault
     */
    default void validate(MailMessage message) throws MailException {
        // Dialects without limits of their own accept what MailMessage.build() accepted.
    }

    /**
     * Makes one attempt to send a mail. Blocks until the modem reports the outcome.
     *
     * <p>The deadline bounds everything before the modem starts sending (setting it up, uploading the content).
     * Once the modem has started sending, the mailer waits for its outcome as long as the modem itself may take
     * (the dialect's own bound, e.g. the module's send timeout plus a margin), even past the deadline: giving up
     * earlier would leave a mail the modem may still deliver, and the retry would deliver it twice. A mailer never
     * starts sending when the deadline has passed. If the modem stays silent even past its own bound, the attempt
     * ends with a transient code and the mailer credits an outcome the modem reports later to this mail: the next
     * attempt of the same {@link MailMessage#id() id} then reports that outcome without sending again.
     *
     * <p>When the calling thread is interrupted or the mailer is closed during the call, the mailer ends the
     * attempt promptly with a transient code (e.g. {@link MailErrorCode#MODEM_UNAVAILABLE}) and keeps the
     * thread's interrupt status.
     *
     * @param message the mail
     * @param sender the sender address and name to use: the message's own, else the configured ones
     * @param deadline how long the attempt may take until the modem starts sending
     * @throws MailException when the mail was not accepted by the SMTP server; its {@link MailException#code()}
     *     tells whether a retry may succeed
     */
    void send(MailMessage message, SenderIdentity sender, Duration deadline) throws MailException;

    /**
     * Makes one attempt to send an SMS. Blocks until the network acknowledged every part or the attempt failed.
     *
     * <p>The deadline bounds everything before the modem starts sending (waiting for the modem, setting up the SMS
     * mode, waiting for its prompt). Once the text of the first part has been handed over and ended, the mailer waits
     * for each part's acknowledgement ({@code +CMGS: <mr>}) as long as the network may take, 120 s a part, and sends
     * the remaining parts of a longer text even past the deadline, so that no half message is left for a retry
     * to repeat. A mailer never starts sending when the deadline has passed; a prompt it gives up on is abandoned
     * with ESC, which sends nothing. A text is never sent in part: characters are never replaced or dropped, and
     * nothing in the text can end or abort the message early.
     *
     * <p>When the calling thread is interrupted or the mailer is closed during the call, the mailer ends the
     * attempt promptly with a transient code and keeps the thread's interrupt status. The default refuses: the
     * dialect cannot send SMS.
     *
     * @param request the number and text, already checked
     * @param deadline how long the attempt may take until the modem starts sending
     * @return the parts and their message references
     * @throws MailException {@link MailErrorCode#SMS_NOT_SUPPORTED} from a dialect without SMS (the default);
     *     {@link MailErrorCode#SMS_REFUSED} or {@link MailErrorCode#SMS_FAILED} when the network or the module
     *     refused it; otherwise the codes of {@link #send}, whose {@link MailErrorCode#isTransient()} tells whether
     *     a retry may succeed
     */
    default SmsReceipt sendSms(SmsRequest request, Duration deadline) throws MailException {
        throw new MailException(MailErrorCode.SMS_NOT_SUPPORTED, "SMS not supported by this dialect");
    }

    /**
     * @return the last known state of the modem; never blocks and never talks to the modem
     */
    ModemHealth health();

    /**
     * Asks the modem now what it is and how it is connected, for diagnostics. Runs on the modem like any
     * command; waits only a bounded time for a send that holds the modem.
     *
     * @return the modem's answers
     * @throws MailException {@link MailErrorCode#MODEM_UNAVAILABLE} when the modem is busy, unreachable or the
     *     dialect cannot probe (the default), {@link MailErrorCode#MODEM_TIMEOUT} when it does not answer in time
     */
    default ModemProbe probe() throws MailException {
        throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "probe not supported by this dialect");
    }

    /**
     * The most recent conversation with the modem, for diagnostics, one entry a line, oldest first, e.g.
     * {@code 2026-11-26T16:00:00.123Z >> AT+QSMTPPWD="****"}. Secrets are masked. Never blocks on the modem.
     *
     * @param lastLines how many lines at most, from the end
     * @return the lines; empty when the dialect keeps no transcript (the default)
     */
    default List<String> transcript(int lastLines) {
        return List.of();
    }

    /** Releases the modem's port and stops the mailer's threads. Ends a running {@link #send} promptly. */
    @Override
    void close();
}
