/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.transcript;

import java.nio.charset.StandardCharsets;

/** Makes received or sent text printable on one line: CR, LF and other control or non-ASCII bytes escaped. */
public final class Escapes {

    private Escapes() {
    }

    /**
     * @param text characters in the ISO-8859-1 mapping of the bytes on the line
     * @return {@code \r}, {@code \n}, {@code \t} and {@code \xNN} for every other byte outside printable ASCII
     */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\x%02x", (int) c & 0xff));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** @return the bytes as ISO-8859-1 characters, escaped */
    public static String escape(byte[] bytes) {
        return escape(new String(bytes, StandardCharsets.ISO_8859_1));
    }
}
