/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.ModuleMemory;
import io.cellmail.emulator.internal.state.SmtpMailbox;

/**
 * {@code AT+QSMTPPUT[=<timeout>]}: answers {@code OK} at once and {@code +QSMTPPUT:<result>} when the SMTP
 * transaction ends; other commands are answered meanwhile. The timeout is 100-48000 s ({@code ERROR} otherwise);
 * {@code AT+QSMTPPUT?} is undocumented: {@code ERROR}.
 *
 * <p>Results decided before any SMTP, delivered after the {@code OK} like every result: -3 while a mail is
 * already being sent; -10 without recipients; -15 without an SMTP server; -5 without SIM, registration or
 * GPRS attachment (the context cannot come up). After that the transaction runs on a worker thread and its
 * result is the relay's, unless a fault forces one (see {@code Faults}).
 */
public final class SendCommand implements CommandFamily {

    private static final String NAME = "+QSMTPPUT";

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(NAME, SendCommand::send);
    }

    private static Outcome send(AtCommand command, CommandContext context) {
        Optional<Duration> timeout;
        switch (command.form()) {
            case TEST -> {
                context.reply().info(NAME + ": (100-48000)");
                return Outcome.ok();
            }
            case EXECUTE -> timeout = Optional.empty();
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                timeout = Optional.of(Duration.ofSeconds(params.number(0, 100, 48_000)));
            }
            default -> {
                return Outcome.error();
            }
        }
        int refusal = refusal(context.state());
        if (refusal != 0) {
            context.reply().deferredResult(NAME, refusal);
        } else {
            context.state().sending(true);
            context.mail().start(timeout);
        }
        return Outcome.ok();
    }

    private static int refusal(ModuleMemory state) {
        SmtpMailbox mailbox = state.mailbox();
        if (state.sending()) {
            return SmtpResultCodes.BUSY;
        }
        if (mailbox.recipients().isEmpty()) {
            return SmtpResultCodes.NO_RECIPIENT;
        }
        if (mailbox.server().isEmpty()) {
            return SmtpResultCodes.WRONG_PARAMETER;
        }
        if (!state.networkReady()) {
            return SmtpResultCodes.NETWORK;
        }
        return 0;
    }
}
