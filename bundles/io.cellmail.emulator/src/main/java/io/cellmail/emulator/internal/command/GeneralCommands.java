/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Map;
import java.util.function.Consumer;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.AtCommand.Form;
import io.cellmail.emulator.internal.at.FormatException;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.IpRates;
import io.cellmail.emulator.internal.state.ModuleMemory;

/**
 * V.250 and 27.007 basics: {@code AT}, {@code ATE0/1} (echo, on after every boot), {@code ATV0/1},
 * {@code ATI}, {@code AT&W}, {@code AT+CMEE}, {@code AT+IPR}, {@code AT+IFC}.
 *
 * <p>{@code ATV0} is honoured: final result codes become numeric ({@code 0\r} OK, {@code 1\r} CONNECT,
 * {@code 4\r} ERROR), information lines lose their leading CR LF. {@code AT+CMEE} starts at 0 after a boot.
 * {@code AT+IPR} and {@code AT+IFC} are remembered (and kept over a reboot by {@code AT&W}) but do not change the
 * emulator's line rate, which the settings fix.
 */
public final class GeneralCommands implements CommandFamily {

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "", (command, context) -> command.form() == Form.EXECUTE ? Outcome.ok() : Outcome.error(),
                "E", (command, context) -> flag(command, on -> context.state().echo(on)),
                "V", (command, context) -> flag(command, on -> context.state().verbose(on)),
                "I", GeneralCommands::identity,
                "&W", GeneralCommands::saveProfile,
                "+CMEE", GeneralCommands::errorMode,
                "+IPR", GeneralCommands::rate,
                "+IFC", GeneralCommands::flowControl);
    }

    private static Outcome flag(AtCommand command, Consumer<Boolean> set) {
        if (command.form() != Form.EXECUTE) {
            return Outcome.error();
        }
        switch (command.arguments()) {
            case "", "0" -> set.accept(false);
            case "1" -> set.accept(true);
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome identity(AtCommand command, CommandContext context) {
        if (command.form() != Form.EXECUTE || !(command.arguments().isEmpty() || command.arguments().equals("0"))) {
            return Outcome.error();
        }
        context.settings().identity().forEach(context.reply()::info);
        return Outcome.ok();
    }

    private static Outcome saveProfile(AtCommand command, CommandContext context) {
        if (command.form() != Form.EXECUTE || !(command.arguments().isEmpty() || command.arguments().equals("0"))) {
            return Outcome.error();
        }
        context.state().saveProfile();
        return Outcome.ok();
    }

    private static Outcome errorMode(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+CMEE: (0-2)");
            case READ -> context.reply().info("+CMEE: " + state.errorMode());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(0, 1);
                state.errorMode(params.present(0) ? params.number(0, 0, 2) : 0);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome rate(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+IPR: (),(" + IpRates.list() + ")");
            case READ -> context.reply().info("+IPR: " + state.rate());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                int rate = params.number(0, 0, 115_200);
                if (!IpRates.accepts(rate)) {
                    return Outcome.error();
                }
                state.rate(rate);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome flowControl(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+IFC: (0,2),(0,2)");
            case READ -> context.reply().info("+IFC: " + state.flowLocal() + "," + state.flowRemote());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 2);
                int local = flowMode(params, 0);
                int remote = params.present(1) ? flowMode(params, 1) : state.flowRemote();
                state.flowControl(local, remote);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static int flowMode(Params params, int index) {
        int mode = params.number(index, 0, 2);
        if (mode == 1) {
            throw new FormatException("flow control is 0 or 2");
        }
        return mode;
    }
}
