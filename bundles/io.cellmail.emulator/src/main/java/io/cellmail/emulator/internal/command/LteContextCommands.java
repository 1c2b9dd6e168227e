/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Map;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.state.ModuleMemory;
import io.cellmail.emulator.internal.state.PdpContexts;
import io.cellmail.emulator.internal.state.PdpContexts.Definition;

/**
 * The LTE modules' PDP context commands (Quectel TCP/IP manual of the EC2x family):
 * <ul>
 * <li>{@code AT+QICSGP=<cid>[,<type>,"<apn>"[,"<user>","<pwd>"[,<auth>]]]}: cid 1-16, type 1 IPv4, 2 IPv6,
 * 3 IPv4v6, auth 0-3; the form with the cid alone is the query, {@code +QICSGP: <type>,"<apn>","<user>","<pwd>",<auth>}
 * (an undefined context reports {@code 1,"","","",0}); {@code AT+QICSGP?} is not a form of the command.</li>
 * <li>{@code AT+QIACT=<cid>}: activates; {@code AT+QIACT?} lists {@code +QIACT: <cid>,1,<type>,"<ip>"} for each
 * active context.</li>
 * <li>{@code AT+QIDEACT=<cid>}: deactivates; {@code OK} also for a context that is not active.</li>
 * </ul>
 * Out-of-range values and missing parameters answer {@code ERROR}. Chosen where no source says (the README lists
 * them): activation without a usable SIM answers the SIM's {@code +CME ERROR} (10, 11 or 12) as {@code AT+CGATT=1}
 * does; not registered or not attached, or the context already active, answers {@code ERROR}, the failure the
 * manual gives for {@code AT+QIACT}.
 */
public final class LteContextCommands implements CommandFamily {

    private static final String RANGE = "(" + PdpContexts.FIRST + "-" + PdpContexts.LAST + ")";

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(
                "+QICSGP", LteContextCommands::define,
                "+QIACT", LteContextCommands::activate,
                "+QIDEACT", LteContextCommands::deactivate);
    }

    private static Outcome define(AtCommand command, CommandContext context) {
        PdpContexts contexts = context.state().pdpContexts();
        switch (command.form()) {
            case TEST -> context.reply().info("+QICSGP: " + RANGE + ",(1-3),<APN>,<username>,<password>,(0-3)");
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 6);
                if (params.size() == 2 || params.size() == 4) {
                    return Outcome.error();
                }
                int id = contextId(params);
                if (params.size() == 1) {
                    Definition d = contexts.definition(id);
                    context.reply().info("+QICSGP: " + d.type() + ",\"" + d.apn() + "\",\"" + d.user() + "\",\""
                            + d.password() + "\"," + d.authentication());
                    return Outcome.ok();
                }
                int type = params.number(1, 1, 3);
                String apn = params.string(2);
                String user = params.size() > 3 ? params.string(3) : "";
                String password = params.size() > 4 ? params.string(4) : "";
                int authentication = params.size() > 5 ? params.number(5, 0, 3) : 0;
                contexts.define(id, new Definition(type, apn, user, password, authentication));
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome activate(AtCommand command, CommandContext context) {
        ModuleMemory state = context.state();
        PdpContexts contexts = state.pdpContexts();
        switch (command.form()) {
            case TEST -> context.reply().info("+QIACT: " + RANGE);
            case READ -> contexts.activeIds().forEach(id -> context.reply().info("+QIACT: " + id + ",1,"
                    + contexts.definition(id).type() + ",\"" + contexts.address(id) + "\""));
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                int id = contextId(params);
                if (!state.sim().ready()) {
                    return NetworkCommands.simNotUsable(context);
                }
                if (!state.networkReady() || contexts.active(id)) {
                    return Outcome.error();
                }
                contexts.activate(id);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome deactivate(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> context.reply().info("+QIDEACT: " + RANGE);
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                context.state().pdpContexts().deactivate(contextId(params));
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static int contextId(Params params) {
        return params.number(0, PdpContexts.FIRST, PdpContexts.LAST);
    }
}
