/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.sms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.osgi.annotation.versioning.ProviderType;

import io.cellmail.service.internal.sms.Gsm7Alphabet;
import io.cellmail.service.internal.sms.SeptetPacking;

/**
 * One SMS-SUBMIT as PDU mode sends it ({@code AT+CMGF=0}, {@code AT+CMGS=<tpduOctets>}, then {@link #hex()} after
 * the prompt), laid out as TS 23.040 9.2.2.2 says: no service-centre address (the module's {@code AT+CSCA} is
 * used), a relative validity period of 24 hours, the destination address, the data coding scheme, and the user
 * data, with a concatenation header for a part of a longer text (GSM-7 septets after it start on a septet
 * boundary: one fill bit after the 6-octet header).
 *
 * @param hex the whole PDU in upper-case hex, starting with {@code 00} (no service-centre address)
 * @param tpduOctets the octets after the service-centre field, the length {@code AT+CMGS} wants
 */
@ProviderType
public record SubmitPdu(String hex, int tpduOctets) {

    /** A number as an address field carries it: an optional {@code +} and 1-20 digits. */
    private static final Pattern ADDRESS = Pattern.compile("\\+?[0-9]{1,20}");
    /** TP-MTI SMS-SUBMIT, TP-VPF relative. */
    private static final int FIRST_OCTET = 0x11;
    private static final int UDHI = 0x40;
    /** TP-VP relative: 167 is 24 hours. */
    private static final int VALIDITY_24_HOURS = 0xA7;
    private static final int MAX_USER_DATA_OCTETS = 140;

    public SubmitPdu {
        Objects.requireNonNull(hex, "hex");
        if (tpduOctets < 1 || hex.length() != (tpduOctets + 1) * 2) {
            throw new IllegalArgumentException("the hex holds the service-centre octet and " + tpduOctets
                    + " octets");
        }
    }

    /**
     * @param number the destination: {@code +} and digits (international, type 0x91) or digits (type 0x81)
     * @param encoding the encoding of the text
     * @param text the text of this SMS or part, which fits its capacity
     * @param concatenation the header of a part of a longer text, or null for a single SMS
     * @return the PDU
     * @throws IllegalArgumentException if the number is not an address, the encoding cannot carry the text, or
     *     the text does not fit
     */
    public static SubmitPdu of(String number, SmsEncoding encoding, String text,
            @Nullable SmsConcatenation concatenation) {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(text, "text");
        if (!ADDRESS.matcher(number).matches()) {
            throw new IllegalArgumentException("a destination is an optional + and 1-20 digits");
        }
        byte[] header = concatenation == null ? new byte[0] : concatenation.header();
        ByteArrayOutputStream tpdu = new ByteArrayOutputStream(160);
        tpdu.write(FIRST_OCTET | (concatenation == null ? 0 : UDHI));
        tpdu.write(0); // TP-MR: the module sets the message reference
        writeAddress(tpdu, number);
        tpdu.write(0); // TP-PID: plain short message
        tpdu.write(encoding.dataCodingScheme());
        tpdu.write(VALIDITY_24_HOURS);
        byte[] userData;
        int userDataLength;
        if (encoding == SmsEncoding.GSM_7) {
            byte[] septets = Gsm7Alphabet.toSeptets(text);
            userData = SeptetPacking.pack(header, septets);
            // TP-UDL counts septets, the header and its fill bits included
            userDataLength = (header.length * 8 + SeptetPacking.fillBits(header.length)) / 7 + septets.length;
        } else {
            byte[] units = text.getBytes(StandardCharsets.UTF_16BE);
            userData = new byte[header.length + units.length];
            System.arraycopy(header, 0, userData, 0, header.length);
            System.arraycopy(units, 0, userData, header.length, units.length);
            userDataLength = userData.length;
        }
        if (userData.length > MAX_USER_DATA_OCTETS) {
            throw new IllegalArgumentException("the text takes " + userData.length + " octets of user data, more than "
                    + MAX_USER_DATA_OCTETS);
        }
        tpdu.write(userDataLength);
        tpdu.writeBytes(userData);
        byte[] octets = tpdu.toByteArray();
        return new SubmitPdu("00" + HexFormat.of().withUpperCase().formatHex(octets), octets.length);
    }

    /** TP-DA: digit count, type of address, the digits as BCD with swapped nibbles, padded with F. */
    private static void writeAddress(ByteArrayOutputStream out, String number) {
        boolean international = number.startsWith("+");
        String digits = international ? number.substring(1) : number;
        out.write(digits.length());
        out.write(international ? 0x91 : 0x81);
        for (int i = 0; i < digits.length(); i += 2) {
            int low = digits.charAt(i) - '0';
            int high = i + 1 < digits.length() ? digits.charAt(i + 1) - '0' : 0xF;
            out.write(high << 4 | low);
        }
    }
}
