/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads an SMS-SUBMIT TPDU (3GPP TS 23.040 §9.2.2.2) as a module in PDU mode does before sending it: every field
 * present and in range, the destination in semi-octets, the user data exactly as long as TP-UDL says, the
 * concatenation header (IEI 0x00 or 0x08) found, 7-bit text unpacked after its fill bits.
 */
public final class SubmitPdu {

    /** The longest TPDU of an SMS-SUBMIT: 7 fixed octets, 12 of address, 7 of validity period, 140 of user data. */
    public static final int MAX_OCTETS = 164;

    private static final int MAX_USER_DATA = 140;
    private static final int MAX_ADDRESS_DIGITS = 20;

    private final byte[] pdu;
    private int at;

    private SubmitPdu(byte[] pdu) {
        this.pdu = pdu;
    }

    /**
     * @param tpdu the TPDU octets, without the SMSC address
     * @return the submission
     * @throws SmsFormatException if the octets are not a valid SMS-SUBMIT
     */
    public static Submission decode(byte[] tpdu) {
        return new SubmitPdu(tpdu).read();
    }

    /**
     * @param hex hexadecimal digits, two per octet
     * @return the octets
     * @throws SmsFormatException if the text is not an even number of hexadecimal digits
     */
    public static byte[] octets(String hex) {
        if (hex.length() % 2 != 0) {
            throw new SmsFormatException("odd number of hex digits");
        }
        byte[] octets = new byte[hex.length() / 2];
        for (int i = 0; i < octets.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                throw new SmsFormatException("not a hex digit");
            }
            octets[i] = (byte) (high << 4 | low);
        }
        return octets;
    }

    private Submission read() {
        int firstOctet = next();
        if ((firstOctet & 0x03) != 0x01) {
            throw new SmsFormatException("not an SMS-SUBMIT");
        }
        boolean headerIndicated = (firstOctet & 0x40) != 0;
        int validityFormat = (firstOctet >> 3) & 0x03;
        next(); // TP-MR: the module fills in its own reference
        String number = address();
        next(); // TP-PID
        Alphabet alphabet = Alphabet.ofDcs(next());
        skip(switch (validityFormat) {
            case 0 -> 0;
            case 2 -> 1;
            default -> 7;
        });
        int userDataLength = next();
        byte[] userData = Arrays.copyOfRange(pdu, at, pdu.length);
        int expectedOctets = alphabet == Alphabet.GSM7 ? (userDataLength * 7 + 7) / 8 : userDataLength;
        if (expectedOctets > MAX_USER_DATA || userData.length != expectedOctets) {
            throw new SmsFormatException("user data length does not match TP-UDL");
        }
        int headerOctets = 0;
        Optional<Concatenation> concatenation = Optional.empty();
        if (headerIndicated) {
            if (userData.length == 0) {
                throw new SmsFormatException("UDHI without a header");
            }
            headerOctets = (userData[0] & 0xFF) + 1;
            if (headerOctets > userData.length) {
                throw new SmsFormatException("header longer than the user data");
            }
            concatenation = concatenation(Arrays.copyOfRange(userData, 1, headerOctets));
        }
        return switch (alphabet) {
            case GSM7 -> sevenBit(number, concatenation, userData, headerOctets, userDataLength);
            case UCS2 -> {
                byte[] text = Arrays.copyOfRange(userData, headerOctets, userData.length);
                if (text.length % 2 != 0) {
                    throw new SmsFormatException("UCS2 text of an odd number of octets");
                }
                yield new Submission(number, alphabet, concatenation, new String(text, StandardCharsets.UTF_16BE),
                        text.length / 2);
            }
            case EIGHT_BIT -> {
                byte[] text = Arrays.copyOfRange(userData, headerOctets, userData.length);
                yield new Submission(number, alphabet, concatenation, new String(text, StandardCharsets.ISO_8859_1),
                        text.length);
            }
        };
    }

    private static Submission sevenBit(String number, Optional<Concatenation> concatenation, byte[] userData,
            int headerOctets, int userDataSeptets) {
        int headerBits = headerOctets * 8;
        int headerSeptets = (headerBits + 6) / 7;
        int textSeptets = userDataSeptets - headerSeptets;
        if (textSeptets < 0) {
            throw new SmsFormatException("TP-UDL shorter than the header");
        }
        byte[] codes = Septets.unpack(userData, headerSeptets * 7, textSeptets);
        return new Submission(number, Alphabet.GSM7, concatenation, Gsm7Alphabet.decode(codes), textSeptets);
    }

    private String address() {
        int digits = next();
        int type = next();
        if (digits == 0 || digits > MAX_ADDRESS_DIGITS || (type & 0x80) == 0) {
            throw new SmsFormatException("bad destination address");
        }
        int numbering = (type >> 4) & 0x07;
        if (numbering == 5) {
            throw new SmsFormatException("alphanumeric destination");
        }
        StringBuilder number = new StringBuilder(numbering == 1 ? "+" : "");
        for (int i = 0; i < digits; i++) {
            int octet = i % 2 == 0 ? next() : pdu[at - 1] & 0xFF;
            int nibble = i % 2 == 0 ? octet & 0x0F : octet >> 4;
            if (nibble > 9) {
                throw new SmsFormatException("not a digit in the destination");
            }
            number.append((char) ('0' + nibble));
        }
        if (digits % 2 == 1 && (pdu[at - 1] & 0xF0) != 0xF0) {
            throw new SmsFormatException("destination not padded with F");
        }
        return number.toString();
    }

    private static Optional<Concatenation> concatenation(byte[] header) {
        Optional<Concatenation> found = Optional.empty();
        int i = 0;
        while (i < header.length) {
            if (i + 1 >= header.length) {
                throw new SmsFormatException("truncated information element");
            }
            int id = header[i] & 0xFF;
            int length = header[i + 1] & 0xFF;
            int data = i + 2;
            if (data + length > header.length) {
                throw new SmsFormatException("information element beyond the header");
            }
            if (id == 0x00 && length == 3) {
                found = Optional.of(new Concatenation(header[data] & 0xFF, header[data + 1] & 0xFF,
                        header[data + 2] & 0xFF, false));
            } else if (id == 0x08 && length == 4) {
                found = Optional.of(new Concatenation(((header[data] & 0xFF) << 8) | (header[data + 1] & 0xFF),
                        header[data + 2] & 0xFF, header[data + 3] & 0xFF, true));
            } else if (id == 0x00 || id == 0x08) {
                throw new SmsFormatException("concatenation element of the wrong length");
            }
            i = data + length;
        }
        return found;
    }

    private int next() {
        if (at >= pdu.length) {
            throw new SmsFormatException("TPDU too short");
        }
        return pdu[at++] & 0xFF;
    }

    private void skip(int octets) {
        if (at + octets > pdu.length) {
            throw new SmsFormatException("TPDU too short");
        }
        at += octets;
    }
}
