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
 * <p>An error final ({@code ERROR}, {@code +CME ERROR}) means different things by command: the SMTP commands
 * answer it while the module is sending a mail ("if ... it is not sending email, response OK; otherwise ERROR"),
 * since the driver sends only parameters it has checked; {@code AT+CPIN?} answers it without a SIM; the
 * registration queries when the modem has no network.
 */
final class AtFailures {

    /** What an error final means, by command prefix; the first match counts. */
    private static final List<Map.Entry<String, MailErrorCode>> ERROR_FINALS = List.of(
            Map.entry("AT+QSMTP", MailErrorCode.SMTP_BUSY),
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
        MailErrorCode code = switch (failure.kind()) {
            case RESULT_ERROR -> failure.code().isPresent() && resultPrefix != null
                    ? ResultCodes.codeOf(resultPrefix, failure.code().getAsInt()) : MailErrorCode.UNKNOWN;
            case ERROR, CME_ERROR -> errorFinal(command);
            case TIMEOUT -> MailErrorCode.MODEM_TIMEOUT;
            case MODEM_REBOOTED -> MailErrorCode.MODEM_REBOOTED;
            case LINK_LOST, CLOSED, CANCELLED -> MailErrorCode.MODEM_UNAVAILABLE;
            case CMS_ERROR, UPLOAD_MISMATCH, PROTOCOL -> MailErrorCode.UNKNOWN;
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
