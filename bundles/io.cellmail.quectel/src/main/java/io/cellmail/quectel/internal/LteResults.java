/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static io.cellmail.api.MailErrorCode.*;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

/**
 * The LTE result {@code +QSMTPPUT: <err>,<protocol_error>} as a {@link MailErrorCode}. {@code 0,0} is success. A
 * {@code <protocol_error>} is the SMTP server's reply code and means what the GSM manual's chapter 3 says of the same
 * code ({@link ResultCodes}: 421, 450, 451, 452 transient, 5xx permanent, 535 authentication). Otherwise the
 * {@code <err>} decides, by {@link #ERRORS}.
 *
 * <p>Quectel's table of {@code <err>} values is not public. Secondary sources say it starts at 651; the table below
 * follows the GSM manual's order ({@code 650 + n} for the GSM {@code -n}) with the TLS failure after it, which is
 * inference, kept as data so that the real numbers, once read off a module, change one line each. A value not in
 * it is logged with both numbers and reported as {@link MailErrorCode#UNKNOWN_MODEM_RESULT}: transient, a few tries.
 */
final class LteResults {

    /** The {@code <err>} values known (by analogy with the GSM manual, see the class comment). */
    static final Map<Integer, MailErrorCode> ERRORS = Map.ofEntries(
            Map.entry(651, UNKNOWN),
            Map.entry(653, SMTP_BUSY),
            Map.entry(654, DNS_FAILURE),
            Map.entry(655, NETWORK_ERROR),
            Map.entry(656, UNSUPPORTED_AUTHENTICATION),
            Map.entry(657, CLOSED_BY_PEER),
            Map.entry(658, CONTEXT_DEACTIVATED),
            Map.entry(659, TIMEOUT),
            Map.entry(660, NO_RECIPIENT),
            Map.entry(661, SEND_FAILED),
            Map.entry(662, ATTACHMENT_OPEN_FAILED),
            Map.entry(663, ATTACHMENT_NO_MEMORY),
            Map.entry(664, ATTACHMENT_SAVE_FAILED),
            Map.entry(665, INVALID_PARAMETER),
            Map.entry(666, TLS_FAILURE));

    private static final Logger LOG = LoggerFactory.getLogger(LteResults.class);

    private LteResults() {
    }

    /**
     * @param result a {@code +QSMTPPUT:} result
     * @return its code; {@link MailErrorCode#UNKNOWN_MODEM_RESULT} for an {@code <err>} the table does not hold
     *     and no known SMTP reply
     */
    static MailErrorCode codeOf(PutResult result) {
        if (result.protocolError() != 0) {
            MailErrorCode reply = ResultCodes.codeOf(Results.PUT, -result.protocolError());
            if (reply != UNKNOWN) {
                return reply;
            }
        }
        MailErrorCode code = ERRORS.get(result.error());
        return code != null ? code : UNKNOWN_MODEM_RESULT;
    }

    /**
     * @param command the masked command that got the result
     * @param result a failed result
     * @return the failure to report
     */
    static MailException failure(String command, PutResult result) {
        MailErrorCode code = codeOf(result);
        if (code == UNKNOWN_MODEM_RESULT) {
            LOG.warn("{}: the module reported <err> {} with <protocol_error> {}, which cellmail does not know; "
                    + "treated as transient", command, result.error(), result.protocolError());
        }
        return new MailException(code, null, command + ": +QSMTPPUT: " + result.error() + "," + result.protocolError()
                + " (" + code.meaning() + ")", null);
    }
}
