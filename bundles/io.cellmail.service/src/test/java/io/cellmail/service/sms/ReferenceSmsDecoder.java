/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.sms;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A decoder written from TS 23.038 and TS 23.040 alone, sharing no code or table with the codec under test: the
 * GSM 7-bit default alphabet as Unicode code points by septet, the extension table, septet unpacking after a user
 * data header, and the fields of an SMS-SUBMIT PDU.
 */
final class ReferenceSmsDecoder {

    /** Decoded SMS-SUBMIT. */
    record Submit(String number, int dataCodingScheme, int reference, int sequence, int total, String text,
            int userDataLength, int tpduOctets, boolean validityRelative24h) {
    }

    /** TS 23.038 6.2.1, by septet; -1 at 0x1B, the escape. */
    private static final int[] DEFAULT = defaultTable();

    private ReferenceSmsDecoder() {
    }

    private static int[] defaultTable() {
        int[] t = new int[128];
        int[] low = {0x40, 0xA3, 0x24, 0xA5, 0xE8, 0xE9, 0xF9, 0xEC, 0xF2, 0xC7, 0x0A, 0xD8, 0xF8, 0x0D, 0xC5, 0xE5,
            0x394, 0x5F, 0x3A6, 0x393, 0x39B, 0x3A9, 0x3A0, 0x3A8, 0x3A3, 0x398, 0x39E, -1, 0xC6, 0xE6, 0xDF, 0xC9};
        System.arraycopy(low, 0, t, 0, 32);
        for (int i = 0x20; i < 0x80; i++) {
            t[i] = i;
        }
        t[0x24] = 0xA4;
        t[0x40] = 0xA1;
        t[0x5B] = 0xC4;
        t[0x5C] = 0xD6;
        t[0x5D] = 0xD1;
        t[0x5E] = 0xDC;
        t[0x5F] = 0xA7;
        t[0x60] = 0xBF;
        t[0x7B] = 0xE4;
        t[0x7C] = 0xF6;
        t[0x7D] = 0xF1;
        t[0x7E] = 0xFC;
        t[0x7F] = 0xE0;
        return t;
    }

    /** TS 23.038 6.2.1.1, the extension table: the septet after the escape, or -1. */
    private static int extension(int septet) {
        return switch (septet) {
            case 0x0A -> 0x0C;
            case 0x14 -> '^';
            case 0x28 -> '{';
            case 0x29 -> '}';
            case 0x2F -> '\\';
            case 0x3C -> '[';
            case 0x3D -> '~';
            case 0x3E -> ']';
            case 0x40 -> '|';
            case 0x65 -> 0x20AC;
            default -> -1;
        };
    }

    /** @return true if the code point is in the default alphabet or the extension table */
    static boolean inGsm7(int codePoint) {
        for (int c : DEFAULT) {
            if (c == codePoint) {
                return true;
            }
        }
        for (int s = 0; s < 128; s++) {
            if (extension(s) == codePoint) {
                return true;
            }
        }
        return false;
    }

    /** @return the text of unpacked septets, escapes resolved; fails on an escape at the end or unknown pair */
    static String septetsToText(byte[] septets) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < septets.length; i++) {
            int s = septets[i];
            if (s == 0x1B) {
                if (i + 1 == septets.length) {
                    throw new IllegalArgumentException("an escape at the end: a split escape pair");
                }
                int c = extension(septets[++i]);
                if (c < 0) {
                    throw new IllegalArgumentException("no extension character for " + septets[i]);
                }
                text.appendCodePoint(c);
            } else {
                text.appendCodePoint(DEFAULT[s]);
            }
        }
        return text.toString();
    }

    /** @return the text of UCS2 hex */
    static String ucs2HexToText(String hex) {
        return new String(HexFormat.of().parseHex(hex), StandardCharsets.UTF_16BE);
    }

    /** @return the PDU's fields; the hex starts with the service-centre length octet */
    static Submit submit(String hex) {
        byte[] o = HexFormat.of().parseHex(hex);
        int p = 0;
        int smscLength = o[p++] & 0xFF;
        p += smscLength;
        int tpduStart = p;
        int first = o[p++] & 0xFF;
        if ((first & 0x03) != 0x01) {
            throw new IllegalArgumentException("not an SMS-SUBMIT");
        }
        boolean udhi = (first & 0x40) != 0;
        int vpf = first >> 3 & 0x03;
        p++; // TP-MR
        int digits = o[p++] & 0xFF;
        int toa = o[p++] & 0xFF;
        StringBuilder number = new StringBuilder(toa == 0x91 ? "+" : "");
        for (int i = 0; i < digits; i++) {
            int octet = o[p + i / 2] & 0xFF;
            number.append((char) ('0' + (i % 2 == 0 ? octet & 0x0F : octet >> 4)));
        }
        p += (digits + 1) / 2;
        p++; // TP-PID
        int dcs = o[p++] & 0xFF;
        boolean relative24h = false;
        if (vpf == 2) {
            relative24h = (o[p++] & 0xFF) == 0xA7;
        }
        int udl = o[p++] & 0xFF;
        int udStart = p;
        int headerOctets = 0;
        int reference = -1;
        int sequence = 0;
        int total = 0;
        if (udhi) {
            int udhl = o[p] & 0xFF;
            headerOctets = udhl + 1;
            int q = p + 1;
            while (q < p + 1 + udhl) {
                int iei = o[q] & 0xFF;
                int length = o[q + 1] & 0xFF;
                if (iei == 0x00 && length == 3) {
                    reference = o[q + 2] & 0xFF;
                    total = o[q + 3] & 0xFF;
                    sequence = o[q + 4] & 0xFF;
                }
                q += 2 + length;
            }
        }
        String text;
        if (dcs == 0) {
            int startBit = headerOctets * 8;
            int skipSeptets = (startBit + 6) / 7;
            byte[] septets = new byte[udl - skipSeptets];
            for (int i = 0; i < septets.length; i++) {
                int bit = (skipSeptets + i) * 7;
                int value = 0;
                for (int b = 0; b < 7; b++, bit++) {
                    value |= ((o[udStart + bit / 8] >> (bit % 8)) & 1) << b;
                }
                septets[i] = (byte) value;
            }
            text = septetsToText(septets);
            if (udStart + (udl * 7 + 7) / 8 != o.length) {
                throw new IllegalArgumentException("the user data length does not match the PDU's length");
            }
        } else if (dcs == 8) {
            if (udStart + udl != o.length) {
                throw new IllegalArgumentException("the user data length does not match the PDU's length");
            }
            text = new String(o, udStart + headerOctets, udl - headerOctets, StandardCharsets.UTF_16BE);
        } else {
            throw new IllegalArgumentException("data coding scheme " + dcs);
        }
        return new Submit(number.toString(), dcs, reference, sequence, total, text, udl, o.length - tpduStart,
                relative24h);
    }
}
