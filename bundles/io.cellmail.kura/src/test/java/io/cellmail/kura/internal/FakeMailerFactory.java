/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.SenderIdentity;

/**
 * A dialect without a modem: each mailer records what it sent. A mailer created while the factory is "offline"
 * fails every attempt transiently, like a modem without network, so mail waits in the outbox.
 */
final class FakeMailerFactory implements ModemMailerFactory {

    /** One mailer the factory made. */
    static final class FakeMailer implements ModemMailer {

        final MailerSettings settings;
        final List<MailMessage> sent = new CopyOnWriteArrayList<>();
        private final boolean offline;
        volatile boolean closed;

        FakeMailer(MailerSettings settings, boolean offline) {
            this.settings = settings;
            this.offline = offline;
        }

        @Override
        public void send(MailMessage message, SenderIdentity sender, Duration deadline) {
            if (offline || closed) {
                throw new MailException(MailErrorCode.NOT_REGISTERED, "no network");
            }
            sent.add(message);
        }

        @Override
        public ModemHealth health() {
            return new ModemHealth(offline ? ModemState.UNAVAILABLE : ModemState.READY, Registration.HOME,
                    OptionalInt.of(20));
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<FakeMailer> mailers = new CopyOnWriteArrayList<>();
    private volatile boolean offline;

    /** Mailers created from now on cannot send. */
    void offline(boolean value) {
        offline = value;
    }

    @Override
    public ModemMailer create(MailerSettings settings) {
        FakeMailer mailer = new FakeMailer(settings, offline);
        mailers.add(mailer);
        return mailer;
    }

    FakeMailer last() {
        return mailers.get(mailers.size() - 1);
    }
}
