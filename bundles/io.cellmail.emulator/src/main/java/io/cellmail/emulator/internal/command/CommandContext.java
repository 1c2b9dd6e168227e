/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Objects;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.internal.state.ModuleMemory;
import io.cellmail.emulator.internal.state.SmtpMailbox;

/**
 * What a command may use while it runs.
 *
 * @param state the modem's state
 * @param reply where the command's lines go
 * @param mail starts an SMTP transaction
 * @param sms sends a short message
 */
public record CommandContext(ModuleMemory state, Reply reply, MailStarter mail, SmsNetwork sms) {

    public CommandContext {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(sms, "sms");
    }

    public SmtpMailbox mailbox() {
        return state.mailbox();
    }

    public EmulatorSettings settings() {
        return state.settings();
    }

    /**
     * A {@code +CME ERROR} final as {@code AT+CMEE} asks: plain {@code ERROR}, numeric or verbose.
     *
     * @param code the 27.007 error number
     * @param text its verbose text
     */
    public Outcome cmeError(int code, String text) {
        return switch (state.errorMode()) {
            case 1 -> Outcome.finalLine("+CME ERROR: " + code);
            case 2 -> Outcome.finalLine("+CME ERROR: " + text);
            default -> Outcome.error();
        };
    }

    /**
     * A {@code +CMS ERROR} final as {@code AT+CMEE} asks: plain {@code ERROR}, numeric or verbose.
     *
     * @param code the 27.005 error number or network cause
     */
    public Outcome cmsError(int code) {
        return switch (state.errorMode()) {
            case 1 -> Outcome.finalLine("+CMS ERROR: " + code);
            case 2 -> Outcome.finalLine("+CMS ERROR: " + CmsErrors.text(code));
            default -> Outcome.error();
        };
    }
}
