/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal.sms;

import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The GSM 7-bit default alphabet and its extension table (3GPP TS 23.038 6.2.1): which characters an SMS can carry
 * in GSM-7, and as which septets. A character of the extension table takes two septets, the escape {@code 0x1B}
 * and its code; every other character one.
 */
public final class Gsm7Alphabet {

    /** The escape septet that introduces a character of the extension table. */
    public static final int ESCAPE = 0x1B;

    /** The default alphabet by septet value; 0x1B is the escape, never a character (written here as U+FFFF). */
    private static final String DEFAULT = "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** The extension table: character → septet after the escape. */
    private static final Map<Character, Integer> EXTENSION = Map.of('\f', 0x0A, '^', 0x14, '{', 0x28, '}', 0x29,
            '\\', 0x2F, '[', 0x3C, '~', 0x3D, ']', 0x3E, '|', 0x40, '€', 0x65);

    private static final Map<Character, Integer> BASIC = basic();

    private Gsm7Alphabet() {
    }

    private static Map<Character, Integer> basic() {
        if (DEFAULT.length() != 128) {
            throw new IllegalStateException("the default alphabet has 128 septets, not " + DEFAULT.length());
        }
        Map<Character, Integer> table = new HashMap<>();
        for (int septet = 0; septet < DEFAULT.length(); septet++) {
            if (septet != ESCAPE) {
                table.put(DEFAULT.charAt(septet), septet);
            }
        }
        return Map.copyOf(table);
    }

    /**
     * @param codePoint a Unicode code point
     * @return how many septets it takes: 1 in the default alphabet, 2 in the extension table, 0 if GSM-7 cannot
     *     carry it
     */
    public static int septets(int codePoint) {
        if (codePoint > Character.MAX_VALUE) {
            return 0;
        }
        char c = (char) codePoint;
        if (BASIC.containsKey(c)) {
            return 1;
        }
        return EXTENSION.containsKey(c) ? 2 : 0;
    }

    /**
     * @param text any text
     * @return true if GSM-7 carries every character of it
     */
    public static boolean carries(CharSequence text) {
        return text.codePoints().allMatch(cp -> septets(cp) > 0);
    }

    /**
     * @param text text GSM-7 {@link #carries carries}
     * @return its septets, one a byte, an extension character as {@code 0x1B} and its code
     * @throws IllegalArgumentException if a character is not in GSM-7
     */
    public static byte[] toSeptets(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Integer basic = BASIC.get(c);
            if (basic != null) {
                out.write(basic);
                continue;
            }
            Integer extended = EXTENSION.get(c);
            if (extended == null) {
                // the message names the position, never the text: it may be an alarm's content
                throw new IllegalArgumentException("the character at index " + i + " is not in the GSM 7-bit alphabet");
            }
            out.write(ESCAPE);
            out.write(extended);
        }
        return out.toByteArray();
    }
}
