/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailException;

/** Encodes text in one of the module's charsets, refusing what the charset cannot hold instead of replacing it. */
final class CharsetText {

    private CharsetText() {
    }

    /**
     * @param text the text
     * @param charset the module charset
     * @param field the message field, for the error
     * @return the encoded bytes
     * @throws MailException {@code INVALID_MESSAGE} naming the field and the first character the charset cannot
     *     encode
     */
    static byte[] encode(String text, MailCharset charset, String field) {
        CharsetEncoder encoder = charset.charset().newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(text));
            return Arrays.copyOfRange(encoded.array(), encoded.arrayOffset() + encoded.position(),
                    encoded.arrayOffset() + encoded.limit());
        } catch (CharacterCodingException e) {
            throw MailException.invalid(field, "character " + SafeText.describe(firstUnencodable(text, charset))
                    + " cannot be encoded in " + charset + "; choose a charset that holds it (UTF_8 holds all)");
        }
    }

    private static char firstUnencodable(String text, MailCharset charset) {
        CharsetEncoder encoder = charset.charset().newEncoder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                if (!encoder.canEncode(text.substring(i, i + 2))) {
                    return c;
                }
                i++;
            } else if (!encoder.canEncode(c)) {
                return c;
            }
        }
        return '?';
    }
}
