/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import java.time.Duration;

/** Sends the mail the module holds, as the module's own SMTP client would, and reports the spec's result code. */
public interface SmtpRelay {

    /**
     * Delivers a mail. Blocks until the SMTP transaction ends or the timeout passes.
     *
     * @param mail the mail to send
     * @param timeout the {@code AT+QSMTPPUT} timeout, or null for the module's "no time restriction"
     * @return 0 when the server accepted the mail, else a negative code of the spec's chapter 3
     *     (-4 DNS, -5 network, -9 timeout, -535 authentication, -550 refused recipient, -5xx/-4xx the
     *     server's reply code)
     */
    int send(OutgoingMail mail, Duration timeout);
}
