/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests.support;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * The test's stand-in for Kura's CryptoService: "encrypts" to Base64, so a configured ciphertext differs from the
 * password, and refuses to decrypt what is not Base64, as Kura refuses what it did not encrypt.
 */
public final class Base64Crypto implements CryptoService {

    /** @return the value as this service stores it */
    public static String encrypt(String plain) {
        return Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public char[] encryptAes(char[] value) {
        return encrypt(new String(value)).toCharArray();
    }

    @Override
    public char[] decryptAes(char[] encryptedValue) throws KuraException {
        try {
            return toChars(Base64.getDecoder().decode(new String(encryptedValue)));
        } catch (IllegalArgumentException e) {
            throw new KuraException(KuraErrorCode.DECODER_ERROR, e, "not encrypted");
        }
    }

    private static char[] toChars(byte[] utf8) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(utf8));
        char[] result = new char[chars.remaining()];
        chars.get(result);
        return result;
    }
}
