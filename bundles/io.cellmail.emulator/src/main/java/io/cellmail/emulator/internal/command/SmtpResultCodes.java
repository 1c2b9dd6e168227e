/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

/** The chapter 3 codes the emulator produces from its own logic (the SMTP relay produces the others). */
public final class SmtpResultCodes {

    /** Success. */
    public static final int OK = 0;
    /** "Unknown error": the relay failed unexpectedly. */
    public static final int UNKNOWN = -1;
    /** "The SMTP service is busy": a deferred-result command while a mail is being sent. */
    public static final int BUSY = -3;
    /** "Failed to get IP address according to domain name". */
    public static final int DNS = -4;
    /** "Network error": no SIM, not registered or not attached; SMTP server down. */
    public static final int NETWORK = -5;
    /** "GPRS/CSD context is deactivated". */
    public static final int CONTEXT_DEACTIVATED = -8;
    /** "Timeout": data-mode input timeout, PUT timeout. */
    public static final int TIMEOUT = -9;
    /** "No recipient for the SMTP service". */
    public static final int NO_RECIPIENT = -10;
    /** "Failed to send email": the LTE client's {@code <err>} for a failure the server replied to. */
    public static final int SEND_FAILED = -11;
    /** "Failed to open file": the LTE client's attached file is gone at send time. */
    public static final int OPEN_FILE = -12;
    /** "No enough memory for the attachment": too many or too large attachments, a body beyond 10 KB. */
    public static final int NO_MEMORY = -13;
    /** "The input parameter is wrong": absent recipient or attachment, full recipient list, no server. */
    public static final int WRONG_PARAMETER = -15;
    /** "Authentication failed". */
    public static final int AUTHENTICATION = -535;

    private SmtpResultCodes() {
    }
}
