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
import io.cellmail.emulator.internal.state.FileSystem.Path;
import io.cellmail.emulator.internal.state.ModuleMemory;

/**
 * {@code AT+QSMTPPUT=<timeout>} of the LTE dialect: {@code OK} at once, then the URC
 * {@code +QSMTPPUT: <err>,<protocol_error>} when the SMTP transaction ends; {@code 0,0} is success, a server's
 * refusal is "send failed" with its reply code, every other failure has {@code <protocol_error>} 0 (see
 * {@link LteErrors} for the numbering). Chosen: the timeout is 1-65535 s and required; the execute and read forms
 * answer {@code ERROR}.
 *
 * <p>Refused before any SMTP, with the URC after the {@code OK}: busy while a mail is being sent; no recipient; no
 * SMTP server; the SIM not usable, not registered or not attached (network error); the {@code "contextid"}
 * context not activated with {@code AT+QIACT} (context deactivated); an attached file deleted since (open file).
 */
public final class LteSendCommand implements CommandFamily {

    private static final String NAME = "+QSMTPPUT";

    private final LteErrors errors;

    public LteSendCommand(LteErrors errors) {
        this.errors = errors;
    }

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(NAME, this::send);
    }

    private Outcome send(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                context.reply().info(NAME + ": (1-65535)");
                return Outcome.ok();
            }
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                Duration timeout = Duration.ofSeconds(params.number(0, 1, 65_535));
                int refusal = refusal(context.state());
                if (refusal != 0) {
                    context.reply().afterFinal(NAME + ": " + errors.putResult(refusal));
                } else {
                    context.state().sending(true);
                    context.mail().start(Optional.of(timeout));
                }
                return Outcome.ok();
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    /** @return the V1.00 code of the reason not to send, 0 to send */
    private static int refusal(ModuleMemory state) {
        if (state.sending()) {
            return SmtpResultCodes.BUSY;
        }
        if (state.mailbox().recipients().isEmpty()) {
            return SmtpResultCodes.NO_RECIPIENT;
        }
        if (state.mailbox().server().isEmpty()) {
            return SmtpResultCodes.WRONG_PARAMETER;
        }
        if (!state.networkReady()) {
            return SmtpResultCodes.NETWORK;
        }
        if (!state.pdpContexts().active(state.lteSmtp().contextId())) {
            return SmtpResultCodes.CONTEXT_DEACTIVATED;
        }
        boolean filesThere = state.lteSmtp().attachmentFiles().values().stream()
                .allMatch(name -> Path.parse(name).map(path -> state.files().exists(path)).orElse(false));
        return filesThere ? 0 : SmtpResultCodes.OPEN_FILE;
    }
}
