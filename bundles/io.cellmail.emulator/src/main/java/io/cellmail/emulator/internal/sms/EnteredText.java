/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Makes a text-mode message of the bytes entered after the prompt, as 3GPP TS 27.005 §3.5.1 and the module do:
 * with a GSM 7-bit data coding the bytes are read in the {@code AT+CSCS} character set ("GSM": GSM-7 codes;
 * "IRA": ASCII the module maps, extension characters becoming escape pairs; "UCS2": hex of 16-bit units the module
 * maps), characters the alphabet lacks becoming '?'; with UCS2 or 8-bit data they are hex whatever the character
 * set. The length is then checked against what one message (or one part) holds.
 */
public final class EnteredText {

    private EnteredText() {
    }

    /**
     * @param charset "GSM", "IRA" or "UCS2"
     * @param alphabet the alphabet of {@code AT+CSMP}'s data coding
     * @return true if the module takes the text as hex digits
     */
    public static boolean hex(String charset, Alphabet alphabet) {
        return alphabet != Alphabet.GSM7 || "UCS2".equals(charset);
    }

    /**
     * @param number the destination
     * @param entered the bytes between the prompt and Ctrl-Z (CR and LF of hex text left out)
     * @param charset "GSM", "IRA" or "UCS2"
     * @param alphabet the alphabet of {@code AT+CSMP}'s data coding
     * @param concatenation the header {@code AT+QCMGS} puts in front of the text, if any
     * @return the submission
     * @throws SmsFormatException if the hex is malformed or the text longer than the message holds
     */
    public static Submission submission(String number, byte[] entered, String charset, Alphabet alphabet,
            Optional<Concatenation> concatenation) {
        String text;
        int length;
        switch (alphabet) {
            case GSM7 -> {
                byte[] codes = gsmCodes(entered, charset);
                text = Gsm7Alphabet.decode(codes);
                length = codes.length;
            }
            case UCS2 -> {
                byte[] octets = SubmitPdu.octets(ascii(entered));
                if (octets.length % 2 != 0) {
                    throw new SmsFormatException("UCS2 text of an odd number of octets");
                }
                text = new String(octets, StandardCharsets.UTF_16BE);
                length = octets.length / 2;
            }
            default -> {
                byte[] octets = SubmitPdu.octets(ascii(entered));
                text = new String(octets, StandardCharsets.ISO_8859_1);
                length = octets.length;
            }
        }
        int limit = concatenation.isPresent() ? alphabet.concatenated() : alphabet.single();
        if (length > limit) {
            throw new SmsFormatException("text of " + length + " units, at most " + limit);
        }
        return new Submission(number, alphabet, concatenation, text, length);
    }

    /**
     * @param text a parameter such as {@code <da>} in the {@code AT+CSCS} character set
     * @param charset "GSM", "IRA" or "UCS2"
     * @return its characters
     * @throws SmsFormatException if UCS2 hex is malformed
     */
    public static String parameter(String text, String charset) {
        if (!"UCS2".equals(charset)) {
            return text;
        }
        byte[] octets = SubmitPdu.octets(text);
        if (octets.length % 2 != 0) {
            throw new SmsFormatException("UCS2 parameter of an odd number of octets");
        }
        return new String(octets, StandardCharsets.UTF_16BE);
    }

    private static byte[] gsmCodes(byte[] entered, String charset) {
        return switch (charset) {
            case "UCS2" -> {
                byte[] octets = SubmitPdu.octets(ascii(entered));
                if (octets.length % 2 != 0) {
                    throw new SmsFormatException("UCS2 text of an odd number of octets");
                }
                yield Gsm7Alphabet.encode(new String(octets, StandardCharsets.UTF_16BE));
            }
            case "IRA" -> {
                StringBuilder ira = new StringBuilder(entered.length);
                for (byte b : entered) {
                    // IRA is 7-bit: a byte beyond it is no character the module knows
                    ira.append(b < 0 ? '\u0000' : (char) b);
                }
                yield Gsm7Alphabet.encode(ira);
            }
            default -> {
                byte[] codes = entered.clone();
                for (int i = 0; i < codes.length; i++) {
                    if (codes[i] < 0) {
                        codes[i] = Gsm7Alphabet.REPLACEMENT;
                    }
                }
                yield codes;
            }
        };
    }

    private static String ascii(byte[] entered) {
        return new String(entered, StandardCharsets.ISO_8859_1);
    }
}
