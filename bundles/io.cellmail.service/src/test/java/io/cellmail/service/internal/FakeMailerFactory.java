/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;

/** Makes scripted mailers and remembers what it made them from. */
final class FakeMailerFactory implements ModemMailerFactory {

    private final List<MailerSettings> created = new CopyOnWriteArrayList<>();
    private final List<ScriptedMailer> mailers = new CopyOnWriteArrayList<>();
    private volatile Function<MailerSettings, RuntimeException> refusal;
    private volatile boolean holdFirst;

    void holdFirstMailer() {
        holdFirst = true;
    }

    void refuseWith(Function<MailerSettings, RuntimeException> value) {
        refusal = value;
    }

    List<MailerSettings> created() {
        return List.copyOf(created);
    }

    List<ScriptedMailer> mailers() {
        return List.copyOf(mailers);
    }

    @Override
    public ModemMailer create(MailerSettings settings) {
        if (refusal != null) {
            throw refusal.apply(settings);
        }
        ScriptedMailer mailer = new ScriptedMailer();
        if (holdFirst && mailers.isEmpty()) {
            mailer.hold();
        }
        created.add(settings);
        mailers.add(mailer);
        return mailer;
    }
}
