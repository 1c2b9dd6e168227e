/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.Map;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.FormatException;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Recipient;
import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;
import io.cellmail.emulator.internal.state.SmtpMailbox;

/**
 * {@code AT+QSMTPDST}: test, read ({@code +QSMTPDST: <type>,"<e-addr>"} lines then {@code OK}) and write
 * {@code =<mode>[,<type>[,"<e-addr>"]]}, answered {@code OK} then the deferred {@code +QSMTPDST:<result>}.
 *
 * <p>Format ({@code ERROR}): mode 0/1, type 1-3, the address quoted and not empty; adding needs type and address;
 * an address without a type is malformed. Results, decided where the spec is silent:
 * <ul>
 * <li>0: added; deleted by address; all recipients of a type or all recipients deleted (even if there were
 * none).</li>
 * <li>-15 ("input parameter is wrong"): adding a 21st recipient; deleting an address that is not in the list
 * with that type (addresses compare ignoring case).</li>
 * <li>-3 ("busy"): any well-formed write while a mail is being sent; nothing changes.</li>
 * </ul>
 * Adding an address twice keeps both entries, as a simple list does.
 */
public final class RecipientCommands implements CommandFamily {

    private static final String NAME = "+QSMTPDST";

    @Override
    public Map<String, CommandHandler> handlers() {
        return Map.of(NAME, RecipientCommands::recipients);
    }

    private static Outcome recipients(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> context.reply().info(NAME + ": (0,1),(1-3),\"ADDRESS\"");
            case READ -> {
                for (Recipient recipient : context.mailbox().recipients()) {
                    context.reply().info(NAME + ": " + recipient.type().code() + ",\"" + recipient.address() + "\"");
                }
            }
            case WRITE -> context.reply().deferredResult(NAME, write(command.params(), context));
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    /** Validates the parameters (throwing on bad format) and then applies them. */
    private static int write(Params params, CommandContext context) {
        params.requireCount(1, 3);
        boolean add = params.number(0, 0, 1) == 1;
        RecipientType type = params.present(1) ? RecipientType.of(params.number(1, 1, 3)) : null;
        String address = params.present(2) ? params.string(2) : null;
        if ((add && (type == null || address == null)) || (type == null && address != null)) {
            throw new FormatException("add needs type and address");
        }
        if (address != null && address.isEmpty()) {
            throw new FormatException("empty address");
        }
        if (context.state().sending()) {
            return SmtpResultCodes.BUSY;
        }
        SmtpMailbox mailbox = context.mailbox();
        if (add) {
            return mailbox.addRecipient(type, address) ? SmtpResultCodes.OK : SmtpResultCodes.WRONG_PARAMETER;
        }
        if (address != null) {
            return mailbox.removeRecipient(type, address) ? SmtpResultCodes.OK : SmtpResultCodes.WRONG_PARAMETER;
        }
        if (type != null) {
            mailbox.removeRecipients(type);
        } else {
            mailbox.removeAllRecipients();
        }
        return SmtpResultCodes.OK;
    }
}
