/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtException;

/**
 * Turns a failed AT command into the {@link MailErrorCode} the service acts on. The message of an
 * {@link AtException} names the command only masked, so the result carries no secret.
 *
 * <p>An error final ({@code ERROR}, {@code +CME ERROR}) means different things by command: {@code AT+CPIN?}
 * answers it without a SIM; the registration queries when the modem has no network; the context commands when the
 * network refuses. An SMTP command answers it while the module is sending a mail or when it refuses the value: only
 * the mail transaction can tell which ({@link Refusal}, {@link PutLedger}), so here it stays
 * {@link MailErrorCode#UNKNOWN}. An upload whose acknowledged length differs from what was sent is
 * {@link MailErrorCode#UPLOAD_MISMATCH}: the rest of its payload reached the module's command line.
 */
final class AtFailures {

    /** What an error final means, by command prefix; the first match counts. */
    private static final List<Map.Entry<String, MailErrorCode>> ERROR_FINALS = List.of(
            Map.entry("AT+QIFGCNT", MailErrorCode.NETWORK_ERROR),
            Map.entry("AT+QICSGP", MailErrorCode.NETWORK_ERROR),
            Map.entry("AT+CPIN", MailErrorCode.NO_SIM),
            Map.entry("AT+CREG", MailErrorCode.NOT_REGISTERED),
            Map.entry("AT+CGATT", MailErrorCode.NOT_REGISTERED));

    private AtFailures() {
    }

    /**
     * @param failure what the AT engine reported
     * @param command the masked command text
     * @param resultPrefix the prefix of the command's result line ({@code +QSMTPBODY:}), or null
     * @return the failure to report
     */
    static MailException toMailException(AtException failure, String command, String resultPrefix) {
        if (failure.kind() == AtException.Kind.RESULT_ERROR && resultPrefix != null && failure.code().isPresent()) {
            MailErrorCode code = ResultCodes.codeOf(resultPrefix, failure.code().getAsInt());
            return new MailException(code, ResultCodes.fieldOf(resultPrefix, code).orElse(null), failure.getMessage(),
                    failure);
        }
        MailErrorCode code = switch (failure.kind()) {
            case RESULT_ERROR -> MailErrorCode.UNKNOWN;
            case ERROR, CME_ERROR -> errorFinal(command);
            case TIMEOUT -> MailErrorCode.MODEM_TIMEOUT;
            case MODEM_REBOOTED -> MailErrorCode.MODEM_REBOOTED;
            case LINK_LOST, CLOSED, CANCELLED -> MailErrorCode.MODEM_UNAVAILABLE;
            case UPLOAD_MISMATCH -> MailErrorCode.UPLOAD_MISMATCH;
            case CMS_ERROR, PROTOCOL -> MailErrorCode.UNKNOWN;
        };
        return new MailException(code, null, failure.getMessage(), failure);
    }

    /**
     * @param command the masked command text
     * @return what {@code ERROR} or {@code +CME ERROR} means for it
     */
    static MailErrorCode errorFinal(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        for (Map.Entry<String, MailErrorCode> entry : ERROR_FINALS) {
            if (upper.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return MailErrorCode.UNKNOWN;
    }
}
