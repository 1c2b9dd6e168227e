/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 §6.2.1): what a module maps text to and a
 * phone shows of received septets. Codes are septet values 0-127, one per byte.
 */
public final class Gsm7Alphabet {

    /** The escape to the extension table; on the serial line the same byte aborts a message being entered. */
    public static final int ESCAPE = 0x1B;
    /** What a module puts for a character the alphabet lacks ('?'). */
    public static final int REPLACEMENT = 0x3F;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final char[] EXTENSION = new char[128];

    static {
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[0x65] = '€';
    }

    private Gsm7Alphabet() {
    }

    /**
     * Maps text to septet codes as a module does: an extension character becomes the pair ESC + code, a character
     * the alphabet lacks becomes '?' (the module replaces it without a word).
     *
     * @param text the text, one UTF-16 unit at a time
     * @return the septet codes
     */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream codes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            int extension = basic >= 0 ? -1 : extensionCode(c);
            if (basic >= 0) {
                codes.write(basic);
            } else if (extension >= 0) {
                codes.write(ESCAPE);
                codes.write(extension);
            } else {
                codes.write(REPLACEMENT);
            }
        }
        return codes.toByteArray();
    }

    /**
     * Shows septet codes as a phone does (TS 23.038): an escape followed by a code the extension table lacks shows
     * the default table's character, an escape at the very end (a pair split across parts) shows a space, as an
     * escape to a not yet defined table does.
     *
     * @param codes septet codes 0-127
     * @return the text a phone shows
     */
    public static String decode(byte[] codes) {
        StringBuilder text = new StringBuilder(codes.length);
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i] & 0x7F;
            if (code != ESCAPE) {
                text.append(BASIC.charAt(code));
            } else if (i + 1 == codes.length) {
                text.append(' ');
            } else {
                int next = codes[++i] & 0x7F;
                char extension = EXTENSION[next];
                if (extension != 0) {
                    text.append(extension);
                } else if (next == ESCAPE) {
                    text.append(' ');
                } else {
                    text.append(BASIC.charAt(next));
                }
            }
        }
        return text.toString();
    }

    private static int extensionCode(char c) {
        for (int code = 0; code < EXTENSION.length; code++) {
            if (EXTENSION[code] == c && c != 0) {
                return code;
            }
        }
        return -1;
    }
}
