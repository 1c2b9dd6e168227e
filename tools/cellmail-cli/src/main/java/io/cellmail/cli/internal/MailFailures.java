/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the driver's {@link MailException}s into what the command line reports: a failure with the spec's error
 * code and its meaning ({@code -535 Authentication failed}) and an exit code that tells a script whether to try
 * again; or, for a setting or message the modem cannot take, a usage error naming the option.
 */
public final class MailFailures {

    /** The options that set each field of {@code MailerSettings}, {@code MailMessage} and {@code SmsRequest}. */
    private static final Map<String, String> OPTION_OF_FIELD = Map.ofEntries(
            Map.entry("linkUri", "LINK"),
            Map.entry("smtpHost", "--smtp-host"),
            Map.entry("smtpPort", "--smtp-port"),
            Map.entry("smtpUser", "--smtp-user"),
            Map.entry("smtpPassword", "--smtp-password"),
            Map.entry("apn", "--apn"),
            Map.entry("apnUser", "--apn-user"),
            Map.entry("apnPassword", "--apn-password"),
            Map.entry("simPin", SimPin.OPTION),
            Map.entry("senderAddress", "--from"),
            Map.entry("senderName", "--from-name"),
            Map.entry("recipients", "--to/--cc/--bcc"),
            Map.entry("subject", "--subject"),
            Map.entry("body", "the body"),
            Map.entry("attachments", "--attach"),
            Map.entry("id", "the message id"),
            Map.entry("number", "--to"),
            Map.entry("text", "the text"),
            Map.entry("maxParts", "--max-parts"));

    private MailFailures() {
    }

    /**
     * @param e a failure of the driver
     * @return the usage error when a setting or the message is at fault (a value of the command line)
     */
    public static Optional<UsageException> asUsageError(MailException e) {
        if (e.code() != MailErrorCode.INVALID_MESSAGE && !(e.code() == MailErrorCode.INVALID_PARAMETER
                && e.field().isPresent())) {
            return Optional.empty();
        }
        String option = e.field().map(f -> OPTION_OF_FIELD.getOrDefault(f, f)).orElse("the mail");
        return Optional.of(new UsageException(option + ": the modem cannot take this (" + e.getMessage() + ")"));
    }

    /**
     * With {@code --dialect auto} the module's limits are known only once it is identified, during the send: a
     * message beyond them fails the send with {@link MailErrorCode#INVALID_MESSAGE} before any mail traffic, and a
     * setting beyond them with {@link MailErrorCode#SETTING_REJECTED} caused by the dialect's
     * {@link MailErrorCode#INVALID_PARAMETER}. Both are values of the command line.
     *
     * @param e a failure of a send
     * @return the usage error when a value of the command line is at fault
     */
    public static Optional<UsageException> asUsageErrorOfSend(MailException e) {
        if (e.code() == MailErrorCode.SETTING_REJECTED && e.getCause() instanceof MailException refused
                && refused.code() == MailErrorCode.INVALID_PARAMETER) {
            return asUsageError(refused);
        }
        return e.code() == MailErrorCode.INVALID_MESSAGE ? asUsageError(e) : Optional.empty();
    }

    /**
     * @param what what failed, e.g. {@code not sent}
     * @param e the driver's failure
     * @return the failure to report: code, meaning and the driver's detail; exit 75 when a retry may help
     */
    public static CommandFailure asFailure(String what, MailException e) {
        MailErrorCode code = e.code();
        String detail = e.getMessage() == null || e.getMessage().isBlank() ? "" : System.lineSeparator() + "  " + e.getMessage();
        int exit = code.isTransient() ? ExitCode.TEMPORARY_FAILURE : ExitCode.FAILURE;
        return new CommandFailure(exit, what + ": " + code.describe() + detail, e);
    }
}
