package io.cellmail.emulator.internal.command;

import java.util.Map;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.AtCommand.Form;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.ModemState;

/**
 * Radio and data-context commands the SMTP service relies on: {@code AT+CPIN?}, {@code AT+CREG},
 * {@code AT+CGATT}, {@code AT+CSQ}, {@code AT+QIFGCNT}, {@code AT+QICSGP} and {@code AT+QIDEACT}.
 *
 * <p>Without a SIM {@code AT+CPIN?} answers {@code +CME ERROR: 10} ({@code SIM not inserted} with
 * {@code AT+CMEE=2}, plain {@code ERROR} with {@code AT+CMEE=0}). The SIM, the registration and the signal come
 * from the settings; {@code AT+CGATT=<0|1>} detaches and attaches. The module brings its context up by itself on
 * {@code AT+QSMTPPUT}; {@code AT+QIDEACT} answers {@code DEACT OK}. The password of {@code AT+QICSGP} is accepted
 * and never kept (the transcript masks it).
 */
public final class NetworkCommands implements CommandFamily {

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+CPIN", NetworkCommands::pin,
                "+CREG", NetworkCommands::registration,
                "+CGATT", NetworkCommands::attach,
                "+CSQ", NetworkCommands::signal,
                "+QIFGCNT", NetworkCommands::foregroundContext,
                "+QICSGP", NetworkCommands::contextSettings,
                "+QIDEACT", NetworkCommands::deactivate);
    }

    private static Outcome pin(AtCommand command, CommandContext context) {
        boolean simReady = context.settings().simReady();
        switch (command.form()) {
            case TEST -> {
                return Outcome.ok();
            }
            case READ -> {
                if (!simReady) {
                    return context.cmeError(10, "SIM not inserted");
                }
                context.reply().info("+CPIN: READY");
                return Outcome.ok();
            }
            case WRITE -> {
                // No PIN is ever asked for: entering one is not allowed.
                return simReady ? context.cmeError(3, "operation not allowed")
                        : context.cmeError(10, "SIM not inserted");
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    private static Outcome registration(AtCommand command, CommandContext context) {
        ModemState state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+CREG: (0-2)");
            case READ -> context.reply()
                    .info("+CREG: " + state.registrationUrcMode() + "," + context.settings().registration());
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
        ModemState state = context.state();
        switch (command.form()) {
            case TEST -> context.reply().info("+CGATT: (0,1)");
            case READ -> context.reply().info("+CGATT: " + state.attached());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                int attach = params.number(0, 0, 1);
                EmulatorSettings settings = context.settings();
                boolean registered = settings.registration() == 1 || settings.registration() == 5;
                if (attach == 1 && (!settings.simReady() || !registered)) {
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
        ModemState state = context.state();
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
        ModemState state = context.state();
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
