/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.Duration;

import io.cellmail.api.RecipientType;
import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;

/**
 * The AT commands of the dialect, the one place where values are put into command lines. Every quoted value is
 * checked once more here, so a value that escaped the checks before can still never reach the modem unquotable.
 */
final class Commands {

    /** How long a deferred {@code +QSMTPDST:}/{@code +QSMTPDATT:} result may take after {@code OK}. */
    static final Duration QUICK_RESULT = Duration.ofSeconds(10);
    /** Beyond the module's input timeout, how long to wait for an upload's result line. */
    static final Duration UPLOAD_RESULT_MARGIN = Duration.ofSeconds(5);
    /** How long the {@code +QSMTPSRV:} line may follow the {@code OK} of {@code AT+QSMTPSRV?}. */
    static final Duration SERVER_LINE_LINGER = Duration.ofMillis(500);
    /** A SIM checks a PIN in its own time: longer than an ordinary command. */
    static final Duration PIN_TIMEOUT = Duration.ofSeconds(20);

    private Commands() {
    }

    /** @return {@code AT+QIFGCNT=0}: the SMTP service uses the foreground context 0 */
    static AtCommand foregroundContext() {
        return AtCommand.of("AT+QIFGCNT=0");
    }

    /**
     * @return {@code AT+QICSGP=1,"<apn>"[,"<user>","<pwd>"]}, the password masked; the credentials are left out
     *     when both are empty
     */
    static AtCommand contextSettings(String apn, String user, String password) {
        if (user.isEmpty() && password.isEmpty()) {
            return AtCommand.of("AT+QICSGP=1," + quoted(apn));
        }
        // the password is masked by the one rule set, SecretText, in every transcript and message
        return AtCommand.of("AT+QICSGP=1," + quoted(apn) + "," + quoted(user) + "," + quoted(password));
    }

    /** @return {@code AT+QSMTPSRV="<host>",<port>} */
    static AtCommand server(String host, int port) {
        return AtCommand.of("AT+QSMTPSRV=" + quoted(host) + "," + port);
    }

    /** @return {@code AT+QSMTPCFG=1,<0|1>} */
    static AtCommand authentication(boolean on) {
        return AtCommand.of("AT+QSMTPCFG=1," + (on ? 1 : 0));
    }

    /** @return {@code AT+QSMTPUSER="<user>"} */
    static AtCommand user(String user) {
        return AtCommand.of("AT+QSMTPUSER=" + quoted(user));
    }

    /** @return {@code AT+QSMTPPWD="<pwd>"}, masked in every transcript and message (by {@code SecretText}) */
    static AtCommand password(String password) {
        return AtCommand.of("AT+QSMTPPWD=" + quoted(password));
    }

    /** @return {@code AT+QSMTPADDR="<addr>"} */
    static AtCommand senderAddress(String address) {
        return AtCommand.of("AT+QSMTPADDR=" + quoted(address));
    }

    /** @return {@code AT+QSMTPNAME="<name>"} */
    static AtCommand senderName(String name) {
        return AtCommand.of("AT+QSMTPNAME=" + quoted(name));
    }

    /** @return {@code AT+QSMTPDST=0}: delete every recipient, deferred result */
    static AtCommand deleteRecipients() {
        return AtCommand.of("AT+QSMTPDST=0").deferredResult(Results.RECIPIENT, QUICK_RESULT);
    }

    /** @return {@code AT+QSMTPDST=1,<type>,"<addr>"}, deferred result */
    static AtCommand addRecipient(RecipientType type, String address) {
        return AtCommand.of("AT+QSMTPDST=1," + typeCode(type) + "," + quoted(address))
                .deferredResult(Results.RECIPIENT, QUICK_RESULT);
    }

    /** @return {@code AT+QSMTPSUB=<charset>,"<title>"}; the LTE title may be UTF-8 text */
    static AtCommand subject(EncodedSubject subject) {
        return AtCommand.of("AT+QSMTPSUB=" + subject.charset() + "," + quotedText(subject.title()));
    }

    /** @return {@code AT+QSMTPBODY=<charset>,<timeout>}, an upload */
    static AtCommand body(int charset, int inputTimeoutSeconds) {
        return AtCommand.of("AT+QSMTPBODY=" + charset + "," + inputTimeoutSeconds);
    }

    /**
     * @param resultPrefix the upload's result line, e.g. {@code +QSMTPBODY:}
     * @param inputTimeoutSeconds the module's input timeout the command gave
     * @return options that wait for the result a little longer than the module waits for the payload, and check
     *     the length it acknowledges
     */
    static UploadOptions uploadOptions(String resultPrefix, int inputTimeoutSeconds) {
        return UploadOptions.expectResult(resultPrefix)
                .withResultTimeout(Duration.ofSeconds(inputTimeoutSeconds).plus(UPLOAD_RESULT_MARGIN));
    }

    /** @return {@code AT+QSMTPDATT}: delete every attachment, deferred result */
    static AtCommand deleteAttachments() {
        return AtCommand.of("AT+QSMTPDATT").deferredResult(Results.DELETE_ATTACHMENTS, QUICK_RESULT);
    }

    /** @return {@code AT+QSMTPATT="<name>",<size>,<timeout>}, an upload */
    static AtCommand attachment(String name, int size, int inputTimeoutSeconds) {
        return AtCommand.of("AT+QSMTPATT=" + quoted(name) + "," + size + "," + inputTimeoutSeconds);
    }

    /**
     * @param inputTimeoutSeconds the module's input timeout the command gave
     * @return the {@link #uploadOptions} of an attachment, whose command names its size: a module that leaves data
     *     mode by itself at that size answers in the silence before {@code +++}, and then no {@code +++} is sent
     *     (the body names no length and keeps the plain escape)
     */
    static UploadOptions attachmentUploadOptions(int inputTimeoutSeconds) {
        return uploadOptions(Results.ATTACHMENT, inputTimeoutSeconds)
                .endingWith(UploadOptions.Ending.ESCAPE_SEQUENCE_OR_LENGTH);
    }

    /**
     * @return {@code AT+QSMTPPUT=<timeout>}: its {@code OK} awaited up to {@link Timeouts#PUT_OK_TIMEOUT}, then its
     *     {@code +QSMTPPUT:} result up to {@code resultWait}
     */
    static AtCommand put(int timeoutSeconds, Duration resultWait) {
        return AtCommand.of("AT+QSMTPPUT=" + timeoutSeconds).timeout(Timeouts.PUT_OK_TIMEOUT)
                .deferredResult(Results.PUT, resultWait);
    }

    /**
     * @return {@code AT+QSMTPSRV?}: the server the module holds; the module may send its {@code +QSMTPSRV:} line
     *     after {@code OK}
     */
    static AtCommand serverQuery() {
        return AtCommand.of("AT+QSMTPSRV?").expecting(Results.SERVER).infoMayFollowOk(SERVER_LINE_LINGER);
    }

    /** @return {@code AT+CPIN="<pin>"}, the PIN masked in every transcript and message (by {@code SecretText}) */
    static AtCommand enterPin(String pin) {
        return AtCommand.of("AT+CPIN=" + quoted(pin)).timeout(PIN_TIMEOUT);
    }

    /** @return {@code AT+QTRPIN}: the tries the SIM has left for its PIN, PIN2 and PUKs */
    static AtCommand pinTriesLeft() {
        return AtCommand.of("AT+QTRPIN").expecting("+QTRPIN:");
    }

    /** @return {@code AT+CPIN?} */
    static AtCommand simStatus() {
        return AtCommand.of("AT+CPIN?").expecting("+CPIN:");
    }

    /** @return {@code AT+CREG?} */
    static AtCommand registration() {
        return AtCommand.of("AT+CREG?").expecting("+CREG:");
    }

    /** @return {@code AT+CGATT?} */
    static AtCommand gprsAttachment() {
        return AtCommand.of("AT+CGATT?").expecting("+CGATT:");
    }

    /** @return {@code AT+CSQ} */
    static AtCommand signal() {
        return AtCommand.of("AT+CSQ").expecting("+CSQ:");
    }

    /** @return {@code ATI}: manufacturer, model and revision lines */
    static AtCommand identity() {
        return AtCommand.of("ATI").expectingAnyInfo();
    }

    /** @return the {@code <type>} of {@code AT+QSMTPDST}: 1 receiver, 2 copy, 3 secret */
    static int typeCode(RecipientType type) {
        return switch (type) {
            case TO -> 1;
            case CC -> 2;
            case BCC -> 3;
        };
    }

    /**
     * @param value a value that passed the checks for a quoted parameter
     * @return it in quotes
     * @throws IllegalStateException when it cannot be quoted after all; it is never sent, never shown
     */
    static String quoted(String value) {
        if (!SafeText.isQuotable(value)) {
            // the checks before must have refused it; never send it, never show it
            throw new IllegalStateException("a value that cannot be quoted reached a command line");
        }
        return "\"" + value + "\"";
    }

    /** Like {@link #quoted}, for a parameter the module takes as UTF-8 text ({@link SafeText#isQuotableText}). */
    private static String quotedText(String value) {
        if (!SafeText.isQuotableText(value)) {
            throw new IllegalStateException("a value that cannot be quoted reached a command line");
        }
        return "\"" + value + "\"";
    }
}
