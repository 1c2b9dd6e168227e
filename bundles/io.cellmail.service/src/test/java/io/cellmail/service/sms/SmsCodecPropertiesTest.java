/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The codec against {@link ReferenceSmsDecoder}, a decoder that shares nothing with it, over texts drawn from
 * GSM-7 characters, extension characters, other BMP characters, characters outside the BMP and control bytes.
 */
class SmsCodecPropertiesTest {

    /** Characters the texts are drawn from, as strings (an emoji is a surrogate pair). */
    private static final List<String> POOL = List.of("a", "Z", "0", " ", "@", "$", "_", "Δ", "Ξ", "é", "Ç", "\n",
            "\r", "€", "[", "]", "{", "}", "\\", "^", "~", "|", "\f", "ж", "ç", "中", "\u001a", "\u001b", "\u0000",
            "😀", "𝄞");

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> gsmOnly = Arbitraries.of(POOL.stream().filter(ReferenceSmsDecoderCheck::gsm7).toList())
                .list().ofMinSize(1).ofMaxSize(700).map(l -> String.join("", l));
        Arbitrary<String> mixed = Arbitraries.of(POOL).list().ofMinSize(1).ofMaxSize(400)
                .map(l -> String.join("", l));
        return Arbitraries.oneOf(gsmOnly, mixed);
    }

    @Property(tries = 300)
    void encodingIsGsm7ExactlyWhenTheReferenceAlphabetCarriesEveryCharacter(@ForAll("texts") String text) {
        boolean all = text.codePoints().allMatch(ReferenceSmsDecoder::inGsm7);
        assertThat(SmsEncoding.of(text)).isEqualTo(all ? SmsEncoding.GSM_7 : SmsEncoding.UCS2);
    }

    @Property(tries = 300)
    void partsJoinToTheTextFitTheirCapacityAndNeverCutACharacter(@ForAll("texts") String text) {
        SmsSegments segments = SmsSegments.of(text);
        SmsEncoding encoding = segments.encoding();

        assertThat(String.join("", segments.parts())).isEqualTo(text);
        int capacity = segments.concatenated() ? encoding.partCapacity() : encoding.singleCapacity();
        for (String part : segments.parts()) {
            assertThat(referenceUnits(part, encoding)).isLessThanOrEqualTo(capacity);
            assertThat(Character.isLowSurrogate(part.charAt(0))).as("a part starting inside a pair").isFalse();
            assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).isFalse();
        }
        int total = referenceUnits(text, encoding);
        assertThat(segments.concatenated()).isEqualTo(total > encoding.singleCapacity());
        if (segments.concatenated()) {
            // greedy: every part but the last is full up to one character
            for (String part : segments.parts().subList(0, segments.count() - 1)) {
                assertThat(referenceUnits(part, encoding)).isGreaterThan(encoding.partCapacity() - 2);
            }
        }
    }

    @Property(tries = 300)
    void textModeBytesDecodeToTheTextWithTheReferenceDecoder(@ForAll("texts") String text) {
        SmsSegments segments = SmsSegments.of(text);
        for (String part : segments.parts()) {
            byte[] bytes = segments.encoding().textModeBytes(part);
            String decoded = segments.encoding() == SmsEncoding.GSM_7 ? ReferenceSmsDecoder.septetsToText(bytes)
                    : ReferenceSmsDecoder.ucs2HexToText(new String(bytes, StandardCharsets.US_ASCII));
            assertThat(decoded).isEqualTo(part);
        }
    }

    @Property(tries = 300)
    void everyPartsPduDecodesToItsNumberHeaderAndText(@ForAll("texts") String text,
            @ForAll @IntRange(min = 0, max = 255) int reference, @ForAll boolean international) {
        String number = international ? "+41791234567" : "0791234567";
        SmsSegments segments = SmsSegments.of(text);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < segments.count(); i++) {
            SmsConcatenation header = segments.concatenated()
                    ? new SmsConcatenation(reference, i + 1, segments.count()) : null;
            SubmitPdu pdu = SubmitPdu.of(number, segments.encoding(), segments.parts().get(i), header);

            ReferenceSmsDecoder.Submit decoded = ReferenceSmsDecoder.submit(pdu.hex());
            assertThat(decoded.number()).isEqualTo(number);
            assertThat(decoded.dataCodingScheme()).isEqualTo(segments.encoding().dataCodingScheme());
            assertThat(decoded.tpduOctets()).isEqualTo(pdu.tpduOctets());
            assertThat(decoded.validityRelative24h()).isTrue();
            assertThat(decoded.userDataLength()).isLessThanOrEqualTo(segments.encoding() == SmsEncoding.GSM_7 ? 160 : 140);
            if (header != null) {
                assertThat(decoded.reference()).isEqualTo(reference);
                assertThat(decoded.sequence()).isEqualTo(i + 1);
                assertThat(decoded.total()).isEqualTo(segments.count());
            } else {
                assertThat(decoded.reference()).isEqualTo(-1);
            }
            joined.append(decoded.text());
        }
        assertThat(joined.toString()).isEqualTo(text);
    }

    @Property(tries = 200)
    void fittingGivesTheLongestStartWithinTheParts(@ForAll("texts") String text,
            @ForAll @IntRange(min = 1, max = 4) int maxParts) {
        String fitted = SmsSegments.fitting(text, maxParts);

        assertThat(text).startsWith(fitted);
        assertThat(fitted).isNotEmpty();
        assertThat(SmsSegments.of(fitted).count()).isLessThanOrEqualTo(maxParts);
        if (fitted.length() < text.length()) {
            assertThat(Character.isLowSurrogate(text.charAt(fitted.length()))).isFalse();
            String oneMore = text.substring(0, text.offsetByCodePoints(fitted.length(), 1));
            assertThat(SmsSegments.of(oneMore).count()).as("one character more").isGreaterThan(maxParts);
        }
    }

    /** Units counted from the reference tables: septets (2 for an extension character) or UTF-16 units. */
    private static int referenceUnits(String text, SmsEncoding encoding) {
        if (encoding == SmsEncoding.UCS2) {
            return text.length();
        }
        return text.codePoints().map(cp -> "\f^{}\\[~]|€".indexOf(cp) >= 0 ? 2 : 1).sum();
    }

    /** Which pool entries are GSM-7, by the reference alphabet. */
    private static final class ReferenceSmsDecoderCheck {
        static boolean gsm7(String s) {
            return s.codePoints().allMatch(ReferenceSmsDecoder::inGsm7);
        }
    }
}
