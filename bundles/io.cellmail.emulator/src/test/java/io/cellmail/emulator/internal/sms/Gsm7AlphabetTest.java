/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/* The GSM 7-bit alphabet and septet packing against TS 23.038's tables and the classic "hellohello" PDU. */
class Gsm7AlphabetTest {

    @Test
    void shouldMapEveryCodeOfTheDefaultTableBackToItself() {
        byte[] codes = new byte[128];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        codes[0x1B] = 0x20; // the escape is no character of its own
        String text = Gsm7Alphabet.decode(codes);
        assertThat(text).hasSize(128);
        assertThat(Gsm7Alphabet.encode(text)).isEqualTo(codes);
        assertThat(text.charAt(0)).isEqualTo('@');
        assertThat(text.charAt(0x02)).isEqualTo('$');
        assertThat(text.charAt(0x11)).isEqualTo('_');
        assertThat(text.charAt(0x24)).isEqualTo('¤');
        assertThat(text.charAt(0x40)).isEqualTo('¡');
        assertThat(text.charAt(0x7F)).isEqualTo('à');
    }

    @Test
    void shouldWriteExtensionCharactersAsEscapePairs() {
        assertThat(Gsm7Alphabet.encode("€{}[]~\\|^\f")).containsExactly(0x1B, 0x65, 0x1B, 0x28, 0x1B, 0x29, 0x1B,
                0x3C, 0x1B, 0x3E, 0x1B, 0x3D, 0x1B, 0x2F, 0x1B, 0x40, 0x1B, 0x14, 0x1B, 0x0A);
        assertThat(Gsm7Alphabet.decode(Gsm7Alphabet.encode("€{}[]~\\|^"))).isEqualTo("€{}[]~\\|^");
    }

    @Test
    void shouldReplaceWhatTheAlphabetLacks() {
        assertThat(Gsm7Alphabet.decode(Gsm7Alphabet.encode("a`ж\t"))).isEqualTo("a???");
    }

    @Test
    void shouldShowAnEscapeWithoutAPartnerAsTheSpecSays() {
        assertThat(Gsm7Alphabet.decode(new byte[] {'a', 0x1B})).isEqualTo("a ");
        assertThat(Gsm7Alphabet.decode(new byte[] {0x1B, 'A'})).isEqualTo("A");
        assertThat(Gsm7Alphabet.decode(new byte[] {0x1B, 0x1B, 'b'})).isEqualTo(" b");
    }

    @Test
    void shouldPackAndUnpackTheSpecExample() {
        byte[] hello = Gsm7Alphabet.encode("hellohello");
        assertThat(HexFormat.of().withUpperCase().formatHex(Septets.pack(hello, 0))).isEqualTo("E8329BFD4697D9EC37");
        assertThat(Septets.unpack(HexFormat.of().parseHex("E8329BFD4697D9EC37"), 0, 10)).isEqualTo(hello);
    }

    @Test
    void shouldUnpackAfterFillBits() {
        byte[] codes = Gsm7Alphabet.encode("fill bits after a header");
        for (int fill = 0; fill < 7; fill++) {
            assertThat(Septets.unpack(Septets.pack(codes, fill), fill, codes.length)).as("fill " + fill)
                    .isEqualTo(codes);
        }
    }
}
