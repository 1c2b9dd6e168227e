/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

import io.cellmail.emulator.DeliveredSms;

/** The character sets of TS 23.038's data coding scheme that a message can be in. */
public enum Alphabet {
    /** GSM 7-bit default alphabet: 160 septets, 153 with an 8-bit concatenation header. */
    GSM7(160, 153, DeliveredSms.Encoding.GSM7),
    /** 8-bit data: 140 octets, 134 with the header. */
    EIGHT_BIT(140, 134, DeliveredSms.Encoding.EIGHT_BIT),
    /** UCS2: 70 16-bit units, 67 with the header. */
    UCS2(70, 67, DeliveredSms.Encoding.UCS2);

    private final int single;
    private final int concatenated;
    private final DeliveredSms.Encoding encoding;

    Alphabet(int single, int concatenated, DeliveredSms.Encoding encoding) {
        this.single = single;
        this.concatenated = concatenated;
        this.encoding = encoding;
    }

    /** @return most units (septets, octets or UCS2 units) of one message without a header */
    public int single() {
        return single;
    }

    /** @return most units of one part with an 8-bit concatenation header (6 octets) */
    public int concatenated() {
        return concatenated;
    }

    /** @return the encoding as the public API names it */
    public DeliveredSms.Encoding encoding() {
        return encoding;
    }

    /**
     * @param dcs a TP-Data-Coding-Scheme octet
     * @return its alphabet
     * @throws SmsFormatException for compressed text or a reserved alphabet, which the module does not send
     */
    public static Alphabet ofDcs(int dcs) {
        int group = dcs >> 4;
        if (group <= 0x3) {
            // general data coding: bit 5 compressed, bits 3-2 the alphabet
            if ((dcs & 0x20) != 0) {
                throw new SmsFormatException("compressed text not supported");
            }
            return switch ((dcs >> 2) & 0x3) {
                case 0 -> GSM7;
                case 1 -> EIGHT_BIT;
                case 2 -> UCS2;
                default -> throw new SmsFormatException("reserved alphabet");
            };
        }
        if (group == 0xF) {
            return (dcs & 0x04) == 0 ? GSM7 : EIGHT_BIT;
        }
        if (group == 0xC || group == 0xD) {
            return GSM7;
        }
        if (group == 0xE) {
            return UCS2;
        }
        throw new SmsFormatException("reserved coding group");
    }
}
