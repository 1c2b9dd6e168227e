/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

/** The exit codes of every command, the same for all of them so that scripts can rely on them. */
public final class ExitCode {

    /**
     * Done: the mail was sent ({@code +QSMTPPUT: 0}, {@code +QSMTPPUT: 0,0} on LTE), the SMS acknowledged, the probe
     * answered, the session ended normally.
     */
    public static final int OK = 0;
    /** Failed, and trying again will not help without a change (wrong password, unknown port, bad recipient). */
    public static final int FAILURE = 1;
    /** The command line is wrong; the usage went to stderr. */
    public static final int USAGE = 2;
    /**
     * Failed for a reason that may pass (network down, modem busy or rebooting, SMTP server unavailable): try
     * again later. The value of sendmail's {@code EX_TEMPFAIL}.
     */
    public static final int TEMPORARY_FAILURE = 75;

    private ExitCode() {
    }
}
