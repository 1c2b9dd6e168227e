/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.api;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a mail was not accepted or not delivered: every result code of chapter 3 of the Quectel GSM SMTP manual
 * (negative numbers, as the modem reports them) plus cellmail's own codes (positive numbers from 1000; those of
 * SMS from 1100).
 *
 * <p>{@link #isTransient()} says whether a retry may succeed: the outbox retries transient failures with
 * backoff until the mail expires (or, for a code with an {@link #attemptLimit()}, until it ended that many attempts
 * in a row) and ends permanent ones at once. Unknown and generic send failures (-1, -11) count as transient,
 * because a retry is cheap and the expiry bounds it.
 */
public enum MailErrorCode {
    UNKNOWN(-1, "Unknown error", true),
    SMTP_BUSY(-3, "The SMTP service is busy (downloading body or attachment, or sending)", true),
    DNS_FAILURE(-4, "Failed to get IP address according to domain name", true),
    NETWORK_ERROR(-5, "Network error (context activation, TCP connection or transfer to the SMTP server failed)", true),
    UNSUPPORTED_AUTHENTICATION(-6, "Unsupported authentication type", false),
    CLOSED_BY_PEER(-7, "The connection for the SMTP service is closed by peer", true),
    CONTEXT_DEACTIVATED(-8, "GPRS/CSD context is deactivated", true),
    TIMEOUT(-9, "Timeout", true),
    NO_RECIPIENT(-10, "No recipient for the SMTP service", false),
    SEND_FAILED(-11, "Failed to send email", true),
    ATTACHMENT_OPEN_FAILED(-12, "Failed to open file for attachment", true),
    ATTACHMENT_NO_MEMORY(-13, "No enough memory for the attachment", true),
    ATTACHMENT_SAVE_FAILED(-14, "Failed to save the attachment", true),
    INVALID_PARAMETER(-15, "The input parameter is wrong", false),
    SMTP_421(-421, "Service not available, closing transmission channel", true),
    SMTP_450(-450, "Requested mail action not taken: mailbox unavailable", true),
    SMTP_451(-451, "Requested action aborted: local error in processing", true),
    SMTP_452(-452, "Requested action not taken: insufficient system storage", true),
    SMTP_500(-500, "Syntax error, command unrecognized", false),
    SMTP_501(-501, "Syntax error in parameters or arguments", false),
    SMTP_502(-502, "Command not implemented", false),
    SMTP_503(-503, "Bad sequence of commands", false),
    SMTP_504(-504, "Command parameter not implemented", false),
    SMTP_521(-521, "Domain does not accept mail", false),
    SMTP_530(-530, "Access denied", false),
    AUTHENTICATION_FAILED(-535, "Authentication failed", false),
    SMTP_550(-550, "Requested action not taken: mailbox unavailable", false),
    SMTP_551(-551, "User not local; please try <forward-path>", false),
    SMTP_552(-552, "Requested mail action aborted: exceeded storage allocation", false),
    SMTP_553(-553, "Requested action not taken: mailbox name not allowed", false),
    SMTP_554(-554, "Transaction failed", false),

    /** The message breaks a limit of the modem; {@link MailException#field()} names the field. */
    INVALID_MESSAGE(1000, "The message breaks a limit of the modem", false),
    /** The outbox holds as many messages or bytes as it may. */
    QUEUE_FULL(1001, "The outbox is full", false),
    /** The message was not delivered before it expired. */
    EXPIRED(1002, "The message expired before it could be delivered", false),
    /** The message was cancelled by a caller or an operator. */
    CANCELLED(1003, "The message was cancelled", false),
    /** The modem cannot be reached (port missing, busy or lost, no answer). */
    MODEM_UNAVAILABLE(1004, "The modem is unavailable", true),
    /** The modem rebooted while the message was being sent. */
    MODEM_REBOOTED(1005, "The modem rebooted during the send", true),
    /** The modem has no usable SIM card: none inserted, or the SIM failed. */
    NO_SIM(1006, "No SIM card, or the SIM failed", true),
    /** The modem is not registered on a network or not attached to GPRS. */
    NOT_REGISTERED(1007, "Not registered on the network", true),
    /** The modem gave no answer in time. */
    MODEM_TIMEOUT(1008, "The modem did not answer in time", true),
    /** The service is stopped or being reconfigured and accepts no mail. */
    SERVICE_STOPPED(1009, "The mail service is stopped", false),
    /**
     * The modem acknowledged a different number of bytes than were uploaded: it left data mode elsewhere than
     * the end of the payload (a cut line, or a module that ends data mode at any {@code +++}), so the rest of the
     * payload reached its command line. Retried a few times only ({@link #attemptLimit()}): a payload that cuts
     * the upload every time must not be sent to the module again and again.
     */
    UPLOAD_MISMATCH(1010, "The modem took a different number of bytes than were uploaded", true, 3),
    /**
     * The SIM waits for its PIN and none is configured. Transient: the mail waits in the outbox until an operator
     * configures the PIN (or the mail expires); a retry costs one {@code AT+CPIN?} and never risks the SIM.
     */
    SIM_PIN_REQUIRED(1011, "The SIM needs its PIN and none is configured", true),
    /**
     * The SIM refused the configured PIN. The dialect never enters a refused PIN again until the configured PIN
     * changes (three wrong tries would block the SIM). Transient: the mail waits for the operator to correct it.
     */
    SIM_PIN_REJECTED(1012, "The SIM refused the configured PIN", true),
    /**
     * The SIM is blocked: it wants its PUK (after three wrong PINs) or refuses to work. cellmail never enters a
     * PUK; an operator does, by hand. Transient: the mail waits for that, or expires.
     */
    SIM_BLOCKED(1013, "The SIM is blocked (needs its PUK)", true),
    /**
     * The modem refused a configured setting (SMTP server, account, sender, APN); {@link MailException#field()}
     * names it. Transient: an alarm must not be lost to a setting an operator can correct, so the mail stays
     * queued and is retried with backoff (never more often than the retry cap allows) until the configuration is
     * corrected or the mail expires.
     */
    SETTING_REJECTED(1014, "The modem refused a configured setting", true),
    /**
     * The mail's outbox file is damaged on disk (its header or content no longer matches its checksum), so the mail
     * cannot be read back to be sent. The file is moved to the outbox's {@code corrupt/} directory.
     */
    OUTBOX_DAMAGED(1015, "The mail's outbox file is damaged; the mail cannot be read back", false),
    /**
     * {@code send} could not store the mail: the disk holding the outbox is full or failing. Nothing was accepted;
     * the caller may send it again later (transient), e.g. once the disk has room.
     */
    OUTBOX_WRITE_FAILED(1016, "The outbox cannot store the mail now (disk full or failing); nothing was accepted",
            true),
    /**
     * The module's TLS connection to the SMTP server failed: the server's certificate is not signed by the
     * configured CA certificate, none is on the module, the server offers no STARTTLS when STARTTLS is configured
     * (the mail is never sent in the clear), or the handshake failed otherwise. Transient: the mail waits
     * for an operator to correct the CA certificate or the server (or for the mail's expiry), as for
     * {@link #SETTING_REJECTED}.
     */
    TLS_FAILURE(1017, "The TLS connection to the SMTP server failed (certificate not signed by the configured CA, "
            + "no STARTTLS offered, or the handshake failed)", true),
    /**
     * The modem reported a result code cellmail does not know (the LTE modules' {@code <err>} table is not public).
     * Transient, since it may well be a passing failure, but retried a few times only ({@link #attemptLimit()}):
     * a result that comes back every time will not go away by itself.
     */
    UNKNOWN_MODEM_RESULT(1018, "The modem reported a result code cellmail does not know", true, 3),
    /**
     * The module on the port has no SMTP client (e.g. a Quectel BG95, which answers {@code ERROR} to every
     * {@code AT+QSMTP...} command), as the {@code auto} dialect found out: no attempt can deliver mail through it,
     * so the mail fails at once instead of waiting for its expiry. Fitting another module, or configuring another
     * port, replaces the mailer.
     *
     * @since 1.2
     */
    NO_SMTP_CLIENT(1019, "The module has no SMTP client; no mail can be sent through it", false),

    /** The modem's dialect cannot send SMS. */
    SMS_NOT_SUPPORTED(1100, "SMS not supported by this dialect", false),
    /**
     * The network or the module refused the SMS for good ({@code +CMS ERROR} of a kind a retry does not change: an
     * unassigned or barred number, SMS not subscribed, a parameter the module refuses, no service-centre number).
     * The exception's message names the {@code +CMS ERROR} code and its meaning.
     */
    SMS_REFUSED(1101, "The network or the module refused the SMS", false),
    /**
     * The SMS could not be sent now ({@code +CMS ERROR} of a passing kind: network out of order, congestion, a
     * temporary failure or timeout of the network or service centre, the SIM or the module busy). The exception's
     * message names the {@code +CMS ERROR} code and its meaning.
     */
    SMS_FAILED(1102, "The SMS could not be sent now (network, service centre or module)", true);

    private final int code;
    private final String meaning;
    private final boolean transientFailure;
    private final int attemptLimit;

    MailErrorCode(int code, String meaning, boolean transientFailure) {
        this(code, meaning, transientFailure, 0);
    }

    MailErrorCode(int code, String meaning, boolean transientFailure, int attemptLimit) {
        this.code = code;
        this.meaning = meaning;
        this.transientFailure = transientFailure;
        this.attemptLimit = attemptLimit;
    }

    /** @return the number: the modem's negative result code, or cellmail's own code from 1000 */
    public int code() {
        return code;
    }

    /** @return what the code means, in the words of the manual where it has them */
    public String meaning() {
        return meaning;
    }

    /** @return true when a retry may succeed */
    public boolean isTransient() {
        return transientFailure;
    }

    /**
     * For a transient code whose retries are bounded: how many attempts of one mail in a row may end with this
     * code before the mail fails for good with it. Empty when only the mail's expiry bounds the retries.
     *
     * @return the limit, at least 1, or empty
     */
    public OptionalInt attemptLimit() {
        return attemptLimit > 0 ? OptionalInt.of(attemptLimit) : OptionalInt.empty();
    }

    /** @return true for the codes the modem itself reports (chapter 3 of the manual) */
    public boolean isModemCode() {
        return code < 0;
    }

    /**
     * @param code a number reported by the modem or by cellmail
     * @return the matching code, if the number is known
     */
    public static Optional<MailErrorCode> of(int code) {
        for (MailErrorCode value : values()) {
            if (value.code == code) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** @return e.g. {@code -535 Authentication failed} */
    public String describe() {
        return code + " " + meaning;
    }
}
