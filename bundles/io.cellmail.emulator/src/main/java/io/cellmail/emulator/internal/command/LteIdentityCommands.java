/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Map;
import java.util.function.Function;

import io.cellmail.emulator.Personality;
import io.cellmail.emulator.internal.at.AtCommand.Form;

/**
 * 27.007 identification of the LTE modules: {@code AT+CGMM} (model) and {@code AT+GMR} (firmware revision). Both
 * answer their one line in the execute form and {@code OK} to the test form; any other form is {@code ERROR}.
 * {@code ATI} is {@link GeneralCommands}'s, as on the M95.
 */
public final class LteIdentityCommands implements CommandFamily {

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+CGMM", line(Personality::model),
                "+GMR", line(Personality::revision));
    }

    private static CommandHandler line(Function<Personality, String> text) {
        return (command, context) -> {
            if (command.form() == Form.TEST) {
                return Outcome.ok();
            }
            if (command.form() != Form.EXECUTE) {
                return Outcome.error();
            }
            context.reply().info(text.apply(context.settings().personality()));
            return Outcome.ok();
        };
    }
}
