/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal;

import io.cellmail.api.MailException;
import io.cellmail.serial.LinkUri;
import io.cellmail.serial.SerialLink;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import java.util.concurrent.CompletionStage;

/**
 * Makes the {@link ModemMailer} of a dialect ({@link Dialects}) for one command, over a link opened beforehand (so
 * that a wrong port fails at once, not after the driver's own retries), and closes it when the command is stopped.
 */
public final class Mailers {

    /**
     * The driver wants a complete mail configuration even for a command that sends no mail ({@code probe},
     * {@code sms}); these placeholders are never used for anything ({@code .invalid} can never resolve, RFC 2606).
     */
    private static final String PLACEHOLDER_HOST = "probe.invalid";
    private static final String PLACEHOLDER_SENDER = "probe@probe.invalid";

    private Mailers() {
    }

    /**
     * @param link the modem's link
     * @return settings for a command that sends no mail: the link, and placeholders for the mail settings
     */
    public static MailerSettings.Builder settingsWithoutMail(LinkUri link) {
        return MailerSettings.builder(link.uri().toString(), PLACEHOLDER_HOST, PLACEHOLDER_SENDER);
    }

    /**
     * @param links the command's links
     * @param target the modem's link and dialect
     * @param settings everything else the driver needs; its link URI must be the target's
     * @param stop closes the mailer (ending a running send) when complete
     * @return the mailer, its engine starting in the background; the caller closes it
     * @throws CommandFailure if the link cannot be opened
     * @throws UsageException if the driver refuses a setting (too long, characters the modem cannot take)
     */
    public static ModemMailer open(ModemLinks links, ModemTarget target, MailerSettings settings,
            CompletionStage<Void> stop) throws CommandFailure, UsageException {
        return open(links, target, settings, new DialectInUse(), stop);
    }

    /**
     * @param links the command's links
     * @param target the modem's link and dialect
     * @param settings everything else the driver needs; its link URI must be the target's
     * @param inUse learns the dialect the mailer speaks (for {@code auto}, once it found the module's)
     * @param stop closes the mailer (ending a running send) when complete
     * @return the mailer, its engine starting in the background; the caller closes it
     * @throws CommandFailure if the link cannot be opened
     * @throws UsageException if the driver refuses a setting (too long, characters the modem cannot take)
     */
    public static ModemMailer open(ModemLinks links, ModemTarget target, MailerSettings settings,
            DialectInUse inUse, CompletionStage<Void> stop) throws CommandFailure, UsageException {
        SerialLink first = links.open(target.link());
        ModemMailer mailer;
        try {
            mailer = Dialects.factory(target.dialect(), links.handingOver(first), inUse).create(settings);
        } catch (MailException e) {
            first.close();
            throw MailFailures.asUsageError(e).orElseThrow(() -> MailFailures.asFailure("cannot start the driver", e));
        }
        stop.thenRun(mailer::close);
        return mailer;
    }
}
