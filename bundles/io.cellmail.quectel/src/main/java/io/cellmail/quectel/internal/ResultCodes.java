/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static io.cellmail.api.MailErrorCode.*;

import java.util.Map;
import java.util.Optional;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;

/**
 * The {@code <result>} of {@code +QSMTPPUT}, {@code +QSMTPBODY}, {@code +QSMTPATT}, {@code +QSMTPDST} and
 * {@code +QSMTPDATT} as a {@link MailErrorCode}: chapter 3 of the manual, with the few results that mean something
 * more specific for one command.
 */
final class ResultCodes {

    /** Chapter 3 of the manual: every {@code <err>} the module reports. */
    private static final Map<Integer, MailErrorCode> CHAPTER_3 = Map.ofEntries(
            Map.entry(-1, UNKNOWN),
            Map.entry(-3, SMTP_BUSY),
            Map.entry(-4, DNS_FAILURE),
            Map.entry(-5, NETWORK_ERROR),
            Map.entry(-6, UNSUPPORTED_AUTHENTICATION),
            Map.entry(-7, CLOSED_BY_PEER),
            Map.entry(-8, CONTEXT_DEACTIVATED),
            Map.entry(-9, TIMEOUT),
            Map.entry(-10, NO_RECIPIENT),
            Map.entry(-11, SEND_FAILED),
            Map.entry(-12, ATTACHMENT_OPEN_FAILED),
            Map.entry(-13, ATTACHMENT_NO_MEMORY),
            Map.entry(-14, ATTACHMENT_SAVE_FAILED),
            Map.entry(-15, INVALID_PARAMETER),
            Map.entry(-421, SMTP_421),
            Map.entry(-450, SMTP_450),
            Map.entry(-451, SMTP_451),
            Map.entry(-452, SMTP_452),
            Map.entry(-500, SMTP_500),
            Map.entry(-501, SMTP_501),
            Map.entry(-502, SMTP_502),
            Map.entry(-503, SMTP_503),
            Map.entry(-504, SMTP_504),
            Map.entry(-521, SMTP_521),
            Map.entry(-530, SMTP_530),
            Map.entry(-535, AUTHENTICATION_FAILED),
            Map.entry(-550, SMTP_550),
            Map.entry(-551, SMTP_551),
            Map.entry(-552, SMTP_552),
            Map.entry(-553, SMTP_553),
            Map.entry(-554, SMTP_554));

    /**
     * Results whose meaning for one command is narrower than chapter 3 says: a body beyond what the module
     * takes (-13 on {@code +QSMTPBODY}) and a recipient it refuses (-15 on {@code +QSMTPDST}) are the message's
     * fault and a retry cannot help.
     */
    private static final Map<String, Map<Integer, MailErrorCode>> PER_COMMAND = Map.of(
            Results.BODY, Map.of(-13, INVALID_MESSAGE),
            Results.RECIPIENT, Map.of(-15, INVALID_MESSAGE));

    /** The message field a command's result is about, for a result that says the message is at fault. */
    private static final Map<String, String> FIELDS = Map.of(Results.BODY, "body", Results.ATTACHMENT, "attachments",
            Results.RECIPIENT, "recipients");

    private ResultCodes() {
    }

    /**
     * @param resultPrefix the result line's prefix, e.g. {@code +QSMTPPUT:}
     * @param result a negative result
     * @return its code; {@link MailErrorCode#UNKNOWN} for a number chapter 3 does not list
     */
    static MailErrorCode codeOf(String resultPrefix, int result) {
        MailErrorCode specific = PER_COMMAND.getOrDefault(resultPrefix, Map.of()).get(result);
        return specific != null ? specific : CHAPTER_3.getOrDefault(result, UNKNOWN);
    }

    /**
     * @param command the masked command that got the result
     * @param resultPrefix the result line's prefix
     * @param result a negative result
     * @return the failure to report
     */
    static MailException failure(String command, String resultPrefix, int result) {
        MailErrorCode code = codeOf(resultPrefix, result);
        String meaning = MailErrorCode.of(result).map(MailErrorCode::meaning).orElse("not a code of the manual");
        return new MailException(code, fieldOf(resultPrefix, code).orElse(null), command + ": " + resultPrefix + " "
                + result + " (" + meaning + ")", null);
    }

    /**
     * @param resultPrefix a result line's prefix
     * @param code what its result means
     * @return the message field at fault, when the code says the message breaks a limit
     */
    static Optional<String> fieldOf(String resultPrefix, MailErrorCode code) {
        return code == INVALID_MESSAGE ? Optional.ofNullable(FIELDS.get(resultPrefix)) : Optional.empty();
    }
}
