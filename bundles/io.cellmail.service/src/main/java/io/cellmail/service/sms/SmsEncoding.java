/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.sms;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.service.internal.sms.Gsm7Alphabet;

/**
 * How the characters of an SMS are coded (TS 23.038): the GSM 7-bit default alphabet with its extension table, or
 * UCS2. {@link #of} chooses GSM-7 when it carries every character of the text and UCS2 otherwise: a character is
 * never replaced or dropped.
 *
 * <p>Capacities count units: septets for GSM-7 (a character of the extension table, e.g. {@code €} or {@code [},
 * takes two), UTF-16 code units for UCS2 (a character outside the Basic Multilingual Plane, e.g. an emoji, takes
 * two, a surrogate pair that is never split).
 */
@ProviderType
public enum SmsEncoding {
    /** The GSM 7-bit default alphabet (data coding scheme 0): 160 septets, 153 per part of a longer text. */
    GSM_7(160, 153, 0),
    /** UCS2 (data coding scheme 8): 70 UTF-16 units, 67 per part of a longer text. */
    UCS2(70, 67, 8);

    private final int singleCapacity;
    private final int partCapacity;
    private final int dataCodingScheme;

    SmsEncoding(int singleCapacity, int partCapacity, int dataCodingScheme) {
        this.singleCapacity = singleCapacity;
        this.partCapacity = partCapacity;
        this.dataCodingScheme = dataCodingScheme;
    }

    /**
     * @param text any text
     * @return {@link #GSM_7} if GSM-7 carries every character, else {@link #UCS2}
     */
    public static SmsEncoding of(CharSequence text) {
        return Gsm7Alphabet.carries(Objects.requireNonNull(text, "text")) ? GSM_7 : UCS2;
    }

    /** @return the units one SMS carries alone (160 or 70) */
    public int singleCapacity() {
        return singleCapacity;
    }

    /** @return the units each part of a concatenated SMS carries, after its 6-octet header (153 or 67) */
    public int partCapacity() {
        return partCapacity;
    }

    /** @return the TP-DCS value, also the last field of {@code AT+CSMP} (0 or 8) */
    public int dataCodingScheme() {
        return dataCodingScheme;
    }

    /**
     * @param codePoint a character
     * @return the units it takes in this encoding, 0 if the encoding cannot carry it
     */
    public int units(int codePoint) {
        return this == GSM_7 ? Gsm7Alphabet.septets(codePoint) : Character.charCount(codePoint);
    }

    /**
     * @param text text this encoding carries
     * @return the units it takes
     * @throws IllegalArgumentException if the encoding cannot carry a character of it
     */
    public int units(CharSequence text) {
        int total = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            int units = units(cp);
            if (units == 0) {
                throw new IllegalArgumentException("the character at index " + i + " is not in " + this);
            }
            total += units;
            i += Character.charCount(cp);
        }
        return total;
    }

    /**
     * The user data as a module in text mode takes it after the prompt: for GSM-7 ({@code AT+CSCS="GSM"}) one byte
     * per septet, an extension character as the escape byte {@code 0x1B} and its code; for UCS2 the UTF-16
     * big-endian units in upper-case hex, four digits a unit.
     *
     * @param text text this encoding carries
     * @return the bytes
     * @throws IllegalArgumentException if the encoding cannot carry a character of it
     */
    public byte[] textModeBytes(CharSequence text) {
        if (this == GSM_7) {
            return Gsm7Alphabet.toSeptets(text);
        }
        return ucs2Hex(text).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param text any text
     * @return its UTF-16 big-endian units in upper-case hex, as text mode wants UCS2 text (and, with
     *     {@code AT+CSCS="UCS2"}, the number): {@code "€"} gives {@code 20AC}
     */
    public static String ucs2Hex(CharSequence text) {
        return HexFormat.of().withUpperCase().formatHex(text.toString().getBytes(StandardCharsets.UTF_16BE));
    }
}
