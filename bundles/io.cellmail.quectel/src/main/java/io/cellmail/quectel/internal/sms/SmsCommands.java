/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import java.time.Duration;
import java.util.regex.Pattern;

import io.cellmail.at.AtCommand;
import io.cellmail.at.UploadOptions;
import io.cellmail.service.sms.SmsEncoding;

/** The SMS commands of TS 27.005 and Quectel, the same on the GSM M-series and the LTE modules. */
final class SmsCommands {

    /** The network's bound for {@code +CMGS}/{@code +QCMGS} after Ctrl-Z, as Quectel gives it. */
    static final Duration NETWORK_TIMEOUT = Duration.ofMinutes(2);
    /** How long the module may take to show its prompt: it answers at once, unless busy. */
    static final Duration PROMPT_TIMEOUT = Duration.ofSeconds(10);

    /** What reaches a command line as a number: checked again here, whatever checked it before. */
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9]{1,20}");

    private SmsCommands() {
    }

    static AtCommand textMode() {
        return AtCommand.of("AT+CMGF=1");
    }

    static AtCommand pduMode() {
        return AtCommand.of("AT+CMGF=0");
    }

    /** {@code AT+CSCS}: how the text and the number are written; UCS2 means hex for both. */
    static AtCommand characterSet(SmsEncoding encoding) {
        return AtCommand.of(encoding == SmsEncoding.UCS2 ? "AT+CSCS=\"UCS2\"" : "AT+CSCS=\"GSM\"");
    }

    /** {@code AT+CSMP}: SMS-SUBMIT with a relative validity of 24 hours, and the data coding scheme. */
    static AtCommand parameters(SmsEncoding encoding) {
        return AtCommand.of("AT+CSMP=17,167,0," + encoding.dataCodingScheme());
    }

    /** {@code AT+QCMGS=?}: OK where the module sends concatenated text-mode SMS itself. */
    static AtCommand quectelConcatenationTest() {
        return AtCommand.of("AT+QCMGS=?").expecting("+QCMGS:");
    }

    /** {@code AT+CMGS="<da>"}, then the prompt. */
    static AtCommand textSubmit(String number, SmsEncoding encoding, Duration promptWait) {
        return AtCommand.of("AT+CMGS=\"" + address(number, encoding) + "\"")
                .intermediate(AtCommand.Intermediate.PROMPT).timeout(promptWait);
    }

    /** {@code AT+QCMGS="<da>",<uid>,<seq>,<total>}, then the prompt. */
    static AtCommand quectelSubmit(String number, SmsEncoding encoding, int reference, int sequence, int total,
            Duration promptWait) {
        return AtCommand.of("AT+QCMGS=\"" + address(number, encoding) + "\"," + reference + "," + sequence + ","
                + total).intermediate(AtCommand.Intermediate.PROMPT).timeout(promptWait);
    }

    /** {@code AT+CMGS=<octets>} in PDU mode, then the prompt. */
    static AtCommand pduSubmit(int tpduOctets, Duration promptWait) {
        return AtCommand.of("AT+CMGS=" + tpduOctets).intermediate(AtCommand.Intermediate.PROMPT)
                .timeout(promptWait);
    }

    /** The text (or PDU) ended by Ctrl-Z, answered by {@code <prefix> <mr>} within the network's bound. */
    static UploadOptions submitted(String resultPrefix) {
        return UploadOptions.expectResult(resultPrefix).withoutLengthCheck()
                .endingWith(UploadOptions.Ending.CTRL_Z).withResultTimeout(NETWORK_TIMEOUT);
    }

    /** With {@code AT+CSCS="UCS2"} the number is in the same character set as the text (TS 27.005 3.1). */
    private static String address(String number, SmsEncoding encoding) {
        if (!NUMBER.matcher(number).matches()) {
            throw new IllegalArgumentException("an SMS number is an optional + and 1-20 digits");
        }
        return encoding == SmsEncoding.UCS2 ? SmsEncoding.ucs2Hex(number) : number;
    }
}
