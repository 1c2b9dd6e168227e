/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.outbox;

import java.time.Duration;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * A mailer that accepts every mail and never sends one: the outbox benchmarks never start the dispatcher, so
 * nothing but the outbox is measured.
 */
public final class IdleMailer implements ModemMailer {

    @Override
    public void send(MailMessage message, SenderIdentity sender, Duration deadline) throws MailException {
        throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "the outbox benchmark sends nothing");
    }

    @Override
    public ModemHealth health() {
        return ModemHealth.UNKNOWN;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
