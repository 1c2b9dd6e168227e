/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal.sms;

import java.util.Objects;

import io.cellmail.service.sms.SmsEncoding;
import io.cellmail.service.sms.SmsSegments;

/**
 * How an SMS goes to the module: in text mode ({@code AT+CMGS}), in text mode part by part with Quectel's
 * {@code AT+QCMGS}, or in PDU mode ({@code AT+CMGF=0}, a hex SMS-SUBMIT a part).
 *
 * <p>Text mode with {@code AT+CSCS="GSM"} takes one byte per septet after the prompt. Septets below 0x20 are control
 * bytes on the line: {@code 0x1A} (the GSM-7 letter Ξ) would end the message early, {@code 0x1B} (the escape before
 * each extension character such as € or [) would abort it, {@code 0x00} (the at sign) breaks C strings in firmware,
 * and CR, LF and the rest are taken for line editing by some modules; {@code 0x7F} (à) is DEL. So text mode carries
 * a GSM-7 text only if every septet is a printable ASCII byte (0x20-0x7E); any other GSM-7 text goes in PDU mode,
 * which carries every septet packed in hex and keeps GSM-7's 160 characters. UCS2 text is hex in text mode too, and
 * so always safe there. Nothing in a text can therefore end or abort the message, or reach a command line.
 *
 * @param route how the parts are sent
 * @param segments the text cut into its parts
 */
record SmsPlan(Route route, SmsSegments segments) {

    /** How the parts are sent. */
    enum Route {
        /** One SMS, {@code AT+CMGF=1}, {@code AT+CMGS="<da>"}. */
        TEXT,
        /** 2-7 parts, {@code AT+CMGF=1}, {@code AT+QCMGS="<da>",<uid>,<seq>,<total>} each. */
        QUECTEL_CONCATENATED,
        /** Any number of parts, {@code AT+CMGF=0}, {@code AT+CMGS=<octets>} and a hex PDU each. */
        PDU
    }

    /** The most parts {@code AT+QCMGS} numbers (its {@code <msg_total>} is 0-7). */
    static final int QUECTEL_MAX_PARTS = 7;

    SmsPlan {
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(segments, "segments");
    }

    /**
     * @param segments the text cut into parts
     * @param quectelConcatenation whether the module takes {@code AT+QCMGS}
     * @return the plan
     */
    static SmsPlan of(SmsSegments segments, boolean quectelConcatenation) {
        if (!textModeCarries(segments)) {
            return new SmsPlan(Route.PDU, segments);
        }
        if (!segments.concatenated()) {
            return new SmsPlan(Route.TEXT, segments);
        }
        return new SmsPlan(quectelConcatenation && segments.count() <= QUECTEL_MAX_PARTS
                ? Route.QUECTEL_CONCATENATED : Route.PDU, segments);
    }

    /**
     * @param segments the text cut into parts
     * @return true if {@code AT+QCMGS} would be used where the module has it: the question is worth asking
     */
    static boolean wantsQuectelConcatenation(SmsSegments segments) {
        return segments.concatenated() && segments.count() <= QUECTEL_MAX_PARTS && textModeCarries(segments);
    }

    /** @return true if every byte text mode would put on the line is printable ASCII */
    static boolean textModeCarries(SmsSegments segments) {
        if (segments.encoding() == SmsEncoding.UCS2) {
            return true;
        }
        for (String part : segments.parts()) {
            for (byte septet : SmsEncoding.GSM_7.textModeBytes(part)) {
                if (septet < 0x20 || septet > 0x7E) {
                    return false;
                }
            }
        }
        return true;
    }
}
