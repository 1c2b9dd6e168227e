/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.modem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.Personality;
import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.CommandLine;
import io.cellmail.emulator.internal.at.FormatException;
import io.cellmail.emulator.internal.command.CommandContext;
import io.cellmail.emulator.internal.command.CommandFamily;
import io.cellmail.emulator.internal.command.CommandHandler;
import io.cellmail.emulator.internal.command.ContentCommands;
import io.cellmail.emulator.internal.command.FileCommands;
import io.cellmail.emulator.internal.command.GeneralCommands;
import io.cellmail.emulator.internal.command.LteContextCommands;
import io.cellmail.emulator.internal.command.LteErrors;
import io.cellmail.emulator.internal.command.LteMailCommands;
import io.cellmail.emulator.internal.command.LteSendCommand;
import io.cellmail.emulator.internal.command.LteSmtpConfigCommands;
import io.cellmail.emulator.internal.command.LteIdentityCommands;
import io.cellmail.emulator.internal.command.MailStarter;
import io.cellmail.emulator.internal.command.NetworkCommands;
import io.cellmail.emulator.internal.command.Outcome;
import io.cellmail.emulator.internal.command.RecipientCommands;
import io.cellmail.emulator.internal.command.Reply;
import io.cellmail.emulator.internal.command.ResultFormat;
import io.cellmail.emulator.internal.command.SendCommand;
import io.cellmail.emulator.internal.command.SmsCommands;
import io.cellmail.emulator.internal.command.SmsNetwork;
import io.cellmail.emulator.internal.command.SmtpSettingsCommands;
import io.cellmail.emulator.internal.command.SslConfigCommands;
import io.cellmail.emulator.internal.line.FinalCode;
import io.cellmail.emulator.internal.line.ResponseWriter;
import io.cellmail.emulator.internal.state.ModuleMemory;

/**
 * Runs a command line: its commands in order until one fails (V.250: the rest is not executed), then the answer —
 * information lines, any URCs a fault puts inside the reply, the final result code, the deferred lines. An
 * unknown command or a malformed line answers {@code ERROR}; a line without an {@code AT} prefix gets no answer.
 */
public final class CommandInterpreter {

    private final ResultFormat format;
    private final Map<String, CommandHandler> handlers = new HashMap<>();

    public CommandInterpreter(ResultFormat format, List<CommandFamily> families) {
        this.format = format;
        families.forEach(family -> handlers.putAll(family.handlers()));
    }

    /**
     * @param settings the module emulated ({@link EmulatorSettings#personality()}) and how it numbers errors
     * @return an interpreter for every command that module knows; any other command answers {@code ERROR}
     */
    public static CommandInterpreter standard(ResultFormat format, EmulatorSettings settings) {
        Personality personality = settings.personality();
        if (!personality.lte()) {
            return new CommandInterpreter(format, List.of(new GeneralCommands(), new NetworkCommands(),
                    new SmtpSettingsCommands(), new RecipientCommands(), new ContentCommands(), new SendCommand(),
                    new SmsCommands(false)));
        }
        List<CommandFamily> families = new ArrayList<>(List.of(new GeneralCommands(), new LteIdentityCommands(),
                new NetworkCommands().without("+QIFGCNT", "+QICSGP", "+QIDEACT"), new LteContextCommands(),
                new FileCommands(), new SslConfigCommands(), new SmsCommands(true)));
        if (personality.lteSmtp()) {
            LteErrors errors = new LteErrors(settings.lteErrorBase());
            families.add(new LteSmtpConfigCommands());
            families.add(new LteMailCommands(errors));
            families.add(new LteSendCommand(errors));
        }
        return new CommandInterpreter(format, families);
    }

    /**
     * @param line the received line, without its terminator
     * @param state the modem's state
     * @param mail starts an SMTP transaction
     * @param sms sends a short message
     * @param out where the answer goes
     * @param urcsInReply URC lines to slip in before the final result code
     * @return how the line ended: {@link Outcome.Kind#DATA_MODE} with the payload to receive,
     *     {@link Outcome.Kind#PROMPT} with the message text to take (its prompt written), or another ending
     */
    public Outcome execute(String line, ModuleMemory state, MailStarter mail, SmsNetwork sms, ResponseWriter out,
            List<String> urcsInReply) {
        Optional<List<AtCommand>> commands;
        try {
            commands = CommandLine.parse(line);
        } catch (FormatException e) {
            out.finalCode(FinalCode.ERROR);
            return Outcome.error();
        }
        if (commands.isEmpty()) {
            return Outcome.ok();
        }
        Reply reply = new Reply(format);
        CommandContext context = new CommandContext(state, reply, mail, sms);
        Outcome outcome = Outcome.ok();
        for (AtCommand command : commands.get()) {
            outcome = run(command, context);
            if (outcome.kind() != Outcome.Kind.OK) {
                break;
            }
        }
        reply.infoLines().forEach(out::line);
        urcsInReply.forEach(out::line);
        switch (outcome.kind()) {
            case OK -> out.finalCode(FinalCode.OK);
            case ERROR -> out.finalCode(FinalCode.ERROR);
            case FINAL_LINE -> out.line(outcome.line());
            case DATA_MODE -> {
                if (outcome.upload().okBeforeConnect()) {
                    out.finalCode(FinalCode.OK);
                }
                out.finalCode(FinalCode.CONNECT);
            }
            case PROMPT -> out.prompt(state.settings().smsPrompt().bytes());
        }
        reply.deferredLines().forEach(out::line);
        return outcome;
    }

    private Outcome run(AtCommand command, CommandContext context) {
        CommandHandler handler = handlers.get(command.name());
        if (handler == null) {
            return Outcome.error();
        }
        try {
            return handler.execute(command, context);
        } catch (FormatException e) {
            return Outcome.error();
        }
    }
}
