/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.cellmail.emulator.internal.sms.Gsm7Alphabet;
import io.cellmail.emulator.internal.sms.Septets;

/** Builds SMS-SUBMIT PDUs (TS 23.040) as a driver in PDU mode writes them, without an SMSC address ("00"). */
final class TestPdus {

    private TestPdus() {
    }

    /** @return the 8-bit concatenation header with its length octet: 05 00 03 ref total seq */
    static byte[] header8(int reference, int total, int sequence) {
        return new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) sequence};
    }

    /** @return the 16-bit concatenation header with its length octet: 06 08 04 refH refL total seq */
    static byte[] header16(int reference, int total, int sequence) {
        return new byte[] {6, 8, 4, (byte) (reference >> 8), (byte) reference, (byte) total, (byte) sequence};
    }

    /** @return the PDU of GSM-7 septet codes after an optional header (empty: no UDHI) */
    static String gsm7Codes(String number, byte[] header, byte[] codes) {
        int headerSeptets = (header.length * 8 + 6) / 7;
        int fill = headerSeptets * 7 - header.length * 8;
        ByteArrayOutputStream userData = new ByteArrayOutputStream();
        userData.writeBytes(header);
        userData.writeBytes(Septets.pack(codes, fill));
        return pdu(number, header.length > 0, 0x00, headerSeptets + codes.length, userData.toByteArray());
    }

    static String gsm7(String number, byte[] header, String text) {
        return gsm7Codes(number, header, Gsm7Alphabet.encode(text));
    }

    static String ucs2(String number, byte[] header, String text) {
        ByteArrayOutputStream userData = new ByteArrayOutputStream();
        userData.writeBytes(header);
        userData.writeBytes(text.getBytes(StandardCharsets.UTF_16BE));
        return pdu(number, header.length > 0, 0x08, userData.size(), userData.toByteArray());
    }

    /** @return the TPDU octets of a PDU, what {@code AT+CMGS=<length>} announces */
    static int length(String pdu) {
        return pdu.length() / 2 - 1;
    }

    private static String pdu(String number, boolean header, int dcs, int userDataLength, byte[] userData) {
        ByteArrayOutputStream pdu = new ByteArrayOutputStream();
        pdu.write(0x00); // no SMSC: the one of AT+CSCA
        pdu.write(header ? 0x51 : 0x11);
        pdu.write(0x00);
        String digits = number.replace("+", "");
        pdu.write(digits.length());
        pdu.write(number.startsWith("+") ? 0x91 : 0x81);
        for (int i = 0; i < digits.length(); i += 2) {
            int low = digits.charAt(i) - '0';
            int high = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0xF;
            pdu.write(high << 4 | low);
        }
        pdu.write(0x00);
        pdu.write(dcs);
        pdu.write(0xA7);
        pdu.write(userDataLength);
        pdu.writeBytes(userData);
        return HexFormat.of().withUpperCase().formatHex(pdu.toByteArray());
    }
}
