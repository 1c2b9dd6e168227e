/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.Objects;

import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;

/**
 * The mailer a service sends through now, with the settings it was made from. The two are replaced together when
 * the operator changes the modem's or the SMTP server's settings, so an attempt never mixes old and new.
 *
 * @param mailer the dialect's mailer
 * @param settings what it was created with; also the source of the default sender and the send deadline
 */
record ActiveMailer(ModemMailer mailer, MailerSettings settings) {

    ActiveMailer {
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(settings, "settings");
    }
}
