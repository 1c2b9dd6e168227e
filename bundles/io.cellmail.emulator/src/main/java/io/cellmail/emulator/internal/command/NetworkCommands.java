/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Map;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.FormatException;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.ModuleMemory;
import io.cellmail.emulator.internal.state.SimCard;

/**
 * Radio and data-context commands the SMTP service relies on: {@code AT+CPIN?}, {@code AT+CREG},
 * {@code AT+CGATT}, {@code AT+CSQ}, {@code AT+QIFGCNT}, {@code AT+QICSGP} and {@code AT+QIDEACT}.
 *
 * <p>Without a SIM {@code AT+CPIN?} answers {@code +CME ERROR: 10} ({@code SIM not inserted} with
 * {@code AT+CMEE=2}, plain {@code ERROR} with {@code AT+CMEE=0}). A SIM with a PIN ({@link SimCard}) answers
 * {@code +CPIN: SIM PIN} until {@code AT+CPIN="<pin>"} (27.007): {@code OK} then {@code +CPIN: READY} and
 * {@code Call Ready}; a wrong PIN {@code +CME ERROR: 16} (incorrect password), the third in a row blocks the SIM
 * ({@code +CPIN: SIM PUK}, {@code +CME ERROR: 12} for a PIN; {@code AT+CPIN="<puk>","<new pin>"} unblocks it);
 * entering a PIN the SIM does not ask for is {@code +CME ERROR: 3}; {@code AT+QTRPIN} tells the PIN tries left. Until the SIM is usable the module is not
 * registered ({@code +CREG: <n>,0}), not attached ({@code +CGATT: 0}), and {@code AT+CGATT=1} answers
 * {@code +CME ERROR: 11} (SIM PIN required), 12 or 10. The registration and the signal come from the settings;
 * {@code AT+CGATT=<0|1>} detaches and attaches. The module brings its context up by itself on
 * {@code AT+QSMTPPUT}; {@code AT+QIDEACT} answers {@code DEACT OK}. The password of {@code AT+QICSGP} is accepted
 * and never kept (the transcript masks it).
 */
public final class NetworkCommands implements CommandFamily {

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+CPIN", NetworkCommands::pin,
                "+QTRPIN", NetworkCommands::triesLeft,
                "+CREG", NetworkCommands::registration,
                "+CGATT", NetworkCommands::attach,
                "+CSQ", NetworkCommands::signal,
                "+QIFGCNT", NetworkCommands::foregroundContext,
                "+QICSGP", NetworkCommands::contextSettings,
                "+QIDEACT", NetworkCommands::deactivate);
    }

    private static Outcome pin(AtCommand command, CommandContext context) {
        SimCard sim = context.state().sim();
        switch (command.form()) {
            case TEST -> {
                return Outcome.ok();
            }
            case READ -> {
                if (sim.status() == SimCard.Status.NOT_INSERTED) {
                    return context.cmeError(10, "SIM not inserted");
                }
                context.reply().info("+CPIN: " + sim.status().text());
                return Outcome.ok();
            }
            case WRITE -> {
                if (sim.status() == SimCard.Status.NOT_INSERTED) {
                    return context.cmeError(10, "SIM not inserted");
                }
                Params params = command.params();
                params.requireCount(1, 2);
                SimCard.Entry entry = params.present(1) ? sim.enterPuk(params.string(0), newPin(params))
                        : sim.enterPin(params.string(0));
                return switch (entry) {
                    case ACCEPTED -> {
                        // the SIM is ready now, and the module tells so as it does at a boot with a ready SIM
                        context.reply().afterFinal("+CPIN: READY");
                        if (context.settings().bootUrcs()) {
                            context.reply().afterFinal("Call Ready");
                        }
                        yield Outcome.ok();
                    }
                    case WRONG -> context.cmeError(16, "incorrect password");
                    case PUK_REQUIRED -> context.cmeError(12, "SIM PUK required");
                    case NOT_ALLOWED -> context.cmeError(3, "operation not allowed");
                };
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    /**
     * {@code AT+QTRPIN}: {@code +QTRPIN: <chv1>,<chv2>,<puk1>,<puk2>}, the tries left for PIN, PIN2, PUK and PUK2
     * (Quectel M95 AT manual). Only the PIN is counted here; PIN2 and the PUKs show their full counts.
     */
    private static Outcome triesLeft(AtCommand command, CommandContext context) {
        SimCard sim = context.state().sim();
        return switch (command.form()) {
            case TEST -> Outcome.ok();
            case EXECUTE -> {
                if (sim.status() == SimCard.Status.NOT_INSERTED) {
                    yield context.cmeError(10, "SIM not inserted");
                }
                context.reply().info("+QTRPIN: " + sim.pinTriesLeft() + ",3,10,10");
                yield Outcome.ok();
            }
            default -> Outcome.error();
        };
    }

    private static String newPin(Params params) {
        String pin = params.string(1);
        if (pin.length() < 4 || pin.length() > 8 || !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FormatException("a PIN is 4 to 8 digits");
        }
        return pin;
    }

    /** @return the CME error of a command that needs the network while the SIM is not usable */
    static Outcome simNotUsable(CommandContext context) {
        return switch (context.state().sim().status()) {
            case NOT_INSERTED -> context.cmeError(10, "SIM not inserted");
            case PIN -> context.cmeError(11, "SIM PIN required");
            case PUK -> context.cmeError(12, "SIM PUK required");
            case READY -> throw new IllegalStateException("the SIM is usable");
        };
    }

    private static Outcome registration(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+CREG: (0-2)");
            case READ -> context.reply().info("+CREG: " + state.registrationUrcMode() + "," + state.registration());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                state.registrationUrcMode(params.number(0, 0, 2));
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome attach(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+CGATT: (0,1)");
            case READ -> context.reply().info("+CGATT: " + state.attached());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                int attach = params.number(0, 0, 1);
                if (attach == 1 && !state.sim().ready()) {
                    return simNotUsable(context);
                }
                boolean registered = state.registration() == 1 || state.registration() == 5;
                if (attach == 1 && !registered) {
                    return context.cmeError(30, "no network service");
                }
                state.attached(attach);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome signal(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> context.reply().info("+CSQ: (0-31,99),(0-7,99)");
            case EXECUTE -> context.reply().info("+CSQ: " + context.settings().signal() + ",0");
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome foregroundContext(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+QIFGCNT: (0-1)");
            case READ -> context.reply().info("+QIFGCNT: " + state.foregroundContext() + "," + state.contextMode());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                state.foregroundContext(params.number(0, 0, 1));
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome contextSettings(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+QICSGP: (0,1),\"APN/DIALNUMBER\",\"USER\",\"PWD\"");
            case READ -> context.reply().info("+QICSGP: " + state.contextMode() + ",\"" + state.apn() + "\"");
            case WRITE -> {
                Params params = command.params();
                params.requireCount(2, 4);
                int mode = params.number(0, 0, 1);
                String apn = params.string(1);
                if (params.present(2)) {
                    params.string(2);
                }
                if (params.present(3)) {
                    params.string(3);
                }
                state.context(mode, apn);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome deactivate(AtCommand command, CommandContext context) {
        return switch (command.form()) {
            case TEST -> Outcome.ok();
            case EXECUTE -> Outcome.finalLine("DEACT OK");
            default -> Outcome.error();
        };
    }
}
