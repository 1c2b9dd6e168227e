/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.command;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.cellmail.emulator.internal.at.AtCommand;
import io.cellmail.emulator.internal.at.FormatException;
import io.cellmail.emulator.internal.at.Params;
import io.cellmail.emulator.internal.sms.Alphabet;
import io.cellmail.emulator.internal.sms.Concatenation;
import io.cellmail.emulator.internal.sms.EnteredText;
import io.cellmail.emulator.internal.sms.SmsFormatException;
import io.cellmail.emulator.internal.sms.Submission;
import io.cellmail.emulator.internal.sms.SubmitPdu;
import io.cellmail.emulator.internal.state.SimCard;
import io.cellmail.emulator.internal.state.SmsSettings;

/**
 * Sending short messages (3GPP TS 27.005, Quectel): {@code AT+CMGF}, {@code AT+CSCS}, {@code AT+CSMP},
 * {@code AT+CSCA}, {@code AT+CMGS} in text and PDU mode and, where the module has it, {@code AT+QCMGS}.
 *
 * <p>Malformed settings answer {@code ERROR}. {@code AT+CMGS}/{@code AT+QCMGS} check their parameters and the SIM
 * before the prompt ({@code +CMS ERROR}: 305 a bad text-mode parameter, 304 a bad PDU-mode one, 303 {@code AT+QCMGS}
 * in PDU mode or a text-mode header, 310/311/316 the SIM), and the text after Ctrl-Z: malformed hex or a text longer
 * than the message holds answers 305 (text mode) or 304 (PDU mode); then the network's answer, {@code +CMGS: <mr>}
 * (or {@code +QCMGS: <mr>}) and {@code OK}, or {@code +CMS ERROR: <n>}.
 */
public final class SmsCommands implements CommandFamily {

    private static final List<String> CHARSETS = List.of("GSM", "IRA", "UCS2");
    private static final int MAX_DIGITS = 20;
    private static final int MAX_PARTS = 7;

    private final boolean concatenatedText;

    /** @param concatenatedText the module has Quectel's {@code AT+QCMGS} */
    public SmsCommands(boolean concatenatedText) {
        this.concatenatedText = concatenatedText;
    }

    @Override
    public Map<String, CommandHandler> handlers() {
        Map<String, CommandHandler> handlers = new HashMap<>(Map.of(
                "+CMGF", SmsCommands::format,
                "+CSCS", SmsCommands::charset,
                "+CSMP", SmsCommands::textParameters,
                "+CSCA", SmsCommands::serviceCentre,
                "+CMGS", SmsCommands::send));
        if (concatenatedText) {
            handlers.put("+QCMGS", SmsCommands::sendPart);
        }
        return Map.copyOf(handlers);
    }

    private static Outcome format(AtCommand command, CommandContext context) {
        SmsSettings sms = context.state().sms();
        switch (command.form()) {
            case TEST -> context.reply().info("+CMGF: (0,1)");
            case READ -> context.reply().info("+CMGF: " + (sms.textMode() ? 1 : 0));
            case EXECUTE -> sms.textMode(false);
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                sms.textMode(params.number(0, 0, 1) == 1);
            }
        }
        return Outcome.ok();
    }

    private static Outcome charset(AtCommand command, CommandContext context) {
        SmsSettings sms = context.state().sms();
        switch (command.form()) {
            case TEST -> context.reply().info("+CSCS: (\"GSM\",\"IRA\",\"UCS2\")");
            case READ -> context.reply().info("+CSCS: \"" + sms.charset() + "\"");
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 1);
                String name = params.string(0);
                if (!CHARSETS.contains(name)) {
                    return Outcome.error();
                }
                sms.charset(name);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome textParameters(AtCommand command, CommandContext context) {
        SmsSettings sms = context.state().sms();
        switch (command.form()) {
            case TEST -> { }
            case READ -> context.reply().info("+CSMP: " + sms.firstOctet() + "," + sms.validity() + ","
                    + sms.protocolId() + "," + sms.dataCoding());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 4);
                // 27.005: a parameter left out keeps its value
                int fo = params.present(0) ? params.number(0, 0, 255) : sms.firstOctet();
                int vp = params.present(1) ? params.number(1, 0, 255) : sms.validity();
                int pid = params.present(2) ? params.number(2, 0, 255) : sms.protocolId();
                int dcs = params.present(3) ? params.number(3, 0, 255) : sms.dataCoding();
                if ((fo & 0x03) != 0x01) {
                    return Outcome.error();
                }
                try {
                    Alphabet.ofDcs(dcs);
                } catch (SmsFormatException e) {
                    return Outcome.error();
                }
                sms.textParameters(fo, vp, pid, dcs);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome serviceCentre(AtCommand command, CommandContext context) {
        SmsSettings sms = context.state().sms();
        switch (command.form()) {
            case TEST -> { }
            case READ -> context.reply().info("+CSCA: \"" + sms.serviceCentre() + "\"," + sms.serviceCentreType());
            case WRITE -> {
                Params params = command.params();
                params.requireCount(1, 2);
                String address = params.string(0);
                int type = params.present(1) ? params.number(1, 128, 255) : address.startsWith("+") ? 145 : 129;
                if (!address.isEmpty() && !validNumber(address)) {
                    return Outcome.error();
                }
                sms.serviceCentre(address, type);
            }
            default -> {
                return Outcome.error();
            }
        }
        return Outcome.ok();
    }

    private static Outcome send(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                return Outcome.ok();
            }
            case WRITE -> {
                return context.state().sms().textMode() ? sendText(command.params(), context, false)
                        : sendPdu(command.params(), context);
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    private static Outcome sendPart(AtCommand command, CommandContext context) {
        switch (command.form()) {
            case TEST -> {
                return Outcome.ok();
            }
            case WRITE -> {
                if (!context.state().sms().textMode()) {
                    return context.cmsError(CmsErrors.NOT_SUPPORTED);
                }
                return sendText(command.params(), context, true);
            }
            default -> {
                return Outcome.error();
            }
        }
    }

    /** {@code AT+CMGS="<da>"[,<toda>]} or {@code AT+QCMGS="<da>"[,<toda>][,<uid>,<msg_seg>,<msg_total>]}. */
    private static Outcome sendText(Params params, CommandContext context, boolean quectel) {
        SmsSettings sms = context.state().sms();
        String number;
        Optional<Concatenation> concatenation = Optional.empty();
        try {
            params.requireCount(1, quectel ? 5 : 2);
            number = EnteredText.parameter(params.string(0), sms.charset());
            int typeOfAddress = 0;
            if (params.size() == 2 || params.size() == 5) {
                typeOfAddress = params.number(1, 128, 255);
            }
            if (params.size() >= 4) {
                int first = params.size() - 3;
                int uid = params.number(first, 0, 255);
                int sequence = params.number(first + 1, 0, MAX_PARTS);
                int total = params.number(first + 2, 0, MAX_PARTS);
                if (total > 1 && sequence > 0) {
                    if (sequence > total) {
                        return context.cmsError(CmsErrors.INVALID_TEXT_PARAMETER);
                    }
                    concatenation = Optional.of(new Concatenation(uid, total, sequence, false));
                }
            } else if (params.size() == 3) {
                return context.cmsError(CmsErrors.INVALID_TEXT_PARAMETER);
            }
            number = international(number, typeOfAddress);
        } catch (FormatException | SmsFormatException e) {
            return context.cmsError(CmsErrors.INVALID_TEXT_PARAMETER);
        }
        if (!validNumber(number)) {
            return context.cmsError(CmsErrors.INVALID_TEXT_PARAMETER);
        }
        if ((sms.firstOctet() & 0x40) != 0) {
            return context.cmsError(CmsErrors.NOT_SUPPORTED);
        }
        Optional<Outcome> sim = simRefusal(context);
        if (sim.isPresent()) {
            return sim.get();
        }
        String charset = sms.charset();
        Alphabet alphabet = Alphabet.ofDcs(sms.dataCoding());
        String destination = number;
        Optional<Concatenation> header = concatenation;
        String result = quectel ? "+QCMGS: " : "+CMGS: ";
        return Outcome.prompt(new TextEntry(EnteredText.hex(charset, alphabet), entered -> {
            Submission submission;
            try {
                submission = EnteredText.submission(destination, entered, charset, alphabet, header);
            } catch (SmsFormatException e) {
                return new DataUpload.Ended(List.of(), context.cmsError(CmsErrors.INVALID_TEXT_PARAMETER));
            }
            return sent(context, submission, result);
        }));
    }

    /** {@code AT+CMGS=<length>}: the hex PDU after the prompt, SMSC part first, {@code <length>} TPDU octets. */
    private static Outcome sendPdu(Params params, CommandContext context) {
        int length;
        try {
            params.requireCount(1, 1);
            length = params.number(0, 1, SubmitPdu.MAX_OCTETS);
        } catch (FormatException e) {
            return context.cmsError(CmsErrors.INVALID_PDU_PARAMETER);
        }
        Optional<Outcome> sim = simRefusal(context);
        if (sim.isPresent()) {
            return sim.get();
        }
        return Outcome.prompt(new TextEntry(true, entered -> {
            Submission submission;
            try {
                byte[] pdu = SubmitPdu.octets(new String(entered, java.nio.charset.StandardCharsets.ISO_8859_1));
                int smscOctets = pdu.length == 0 ? 0 : (pdu[0] & 0xFF) + 1;
                if (pdu.length - smscOctets != length || smscOctets > 12) {
                    throw new SmsFormatException("TPDU is not <length> octets");
                }
                submission = SubmitPdu.decode(java.util.Arrays.copyOfRange(pdu, smscOctets, pdu.length));
            } catch (SmsFormatException e) {
                return new DataUpload.Ended(List.of(), context.cmsError(CmsErrors.INVALID_PDU_PARAMETER));
            }
            return sent(context, submission, "+CMGS: ");
        }));
    }

    private static DataUpload.Ended sent(CommandContext context, Submission submission, String resultPrefix) {
        SmsNetwork.Result result = context.sms().send(submission);
        if (!result.accepted()) {
            return new DataUpload.Ended(List.of(), context.cmsError(result.cmsError()));
        }
        return DataUpload.Ended.ok(resultPrefix + result.messageReference());
    }

    private static Optional<Outcome> simRefusal(CommandContext context) {
        SimCard.Status status = context.state().sim().status();
        return switch (status) {
            case READY -> Optional.empty();
            case NOT_INSERTED -> Optional.of(context.cmsError(CmsErrors.SIM_NOT_INSERTED));
            case PIN -> Optional.of(context.cmsError(CmsErrors.SIM_PIN_REQUIRED));
            case PUK -> Optional.of(context.cmsError(CmsErrors.SIM_PUK_REQUIRED));
        };
    }

    /** A number given with type of address 145 (international) but without '+' is international all the same. */
    private static String international(String number, int typeOfAddress) {
        boolean international = typeOfAddress != 0 && ((typeOfAddress >> 4) & 0x07) == 1;
        return international && !number.startsWith("+") ? "+" + number : number;
    }

    /** @return true for an optional '+' and 1 to 20 digits */
    private static boolean validNumber(String number) {
        String digits = number.startsWith("+") ? number.substring(1) : number;
        return !digits.isEmpty() && digits.length() <= MAX_DIGITS && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
