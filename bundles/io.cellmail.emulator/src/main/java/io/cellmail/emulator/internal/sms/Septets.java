/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

/**
 * Packs and unpacks GSM 7-bit septets into octets (3GPP TS 23.038 §6.1.2.1.1), with the fill bits that put the
 * first septet after a user data header on a septet boundary (TS 23.040 §9.2.3.24).
 */
public final class Septets {

    private Septets() {
    }

    /**
     * @param septets codes 0-127
     * @param fillBits zero bits before the first septet (0-6)
     * @return the octets, the last one padded with zero bits
     */
    public static byte[] pack(byte[] septets, int fillBits) {
        int bits = fillBits + septets.length * 7;
        byte[] octets = new byte[(bits + 7) / 8];
        for (int i = 0; i < septets.length; i++) {
            int bit = fillBits + i * 7;
            int value = (septets[i] & 0x7F) << (bit % 8);
            octets[bit / 8] |= (byte) value;
            if (bit % 8 > 1) {
                octets[bit / 8 + 1] |= (byte) (value >> 8);
            }
        }
        return octets;
    }

    /**
     * @param octets packed user data
     * @param offsetBits where the first septet starts, in bits from the first octet
     * @param count how many septets to read
     * @return the septet codes
     * @throws SmsFormatException if the octets hold fewer septets
     */
    public static byte[] unpack(byte[] octets, int offsetBits, int count) {
        if (offsetBits + count * 7 > octets.length * 8) {
            throw new SmsFormatException("user data shorter than its length");
        }
        byte[] septets = new byte[count];
        for (int i = 0; i < count; i++) {
            int bit = offsetBits + i * 7;
            int value = (octets[bit / 8] & 0xFF) >> (bit % 8);
            if (bit % 8 > 1) {
                value |= (octets[bit / 8 + 1] & 0xFF) << (8 - bit % 8);
            }
            septets[i] = (byte) (value & 0x7F);
        }
        return septets;
    }
}
