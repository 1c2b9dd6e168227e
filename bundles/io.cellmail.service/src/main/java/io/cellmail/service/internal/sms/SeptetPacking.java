/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal.sms;

/**
 * Packs septets into octets as TS 23.040 9.2.3.24 lays out GSM-7 user data: least significant bit first, each
 * septet right after the previous one, the first septet after a user data header on a septet boundary (the fill
 * bits in between are zero).
 */
public final class SeptetPacking {

    private SeptetPacking() {
    }

    /**
     * @param headerOctets the octets of the user data header (with its length octet) the septets follow; 0 without
     * @return the fill bits after such a header, so that the first septet starts on a septet boundary
     */
    public static int fillBits(int headerOctets) {
        return (7 - headerOctets * 8 % 7) % 7;
    }

    /**
     * @param header the user data header including its length octet, or an empty array
     * @param septets septet values 0-127
     * @return the user data: the header, the fill bits, the packed septets
     */
    public static byte[] pack(byte[] header, byte[] septets) {
        int startBit = header.length * 8 + fillBits(header.length);
        int totalBits = startBit + septets.length * 7;
        byte[] out = new byte[(totalBits + 7) / 8];
        System.arraycopy(header, 0, out, 0, header.length);
        int bit = startBit;
        for (byte septet : septets) {
            int value = septet & 0x7F;
            for (int i = 0; i < 7; i++, bit++) {
                if ((value >> i & 1) != 0) {
                    out[bit / 8] |= (byte) (1 << (bit % 8));
                }
            }
        }
        return out;
    }
}
