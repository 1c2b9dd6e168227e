/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/**
 * A stand-in for Kura's CryptoService: "encrypts" by reversing the characters behind a marker, and refuses to
 * decrypt anything without the marker, as Kura refuses a value it did not encrypt.
 */
final class ReversingCrypto implements CryptoService {

    static final String MARKER = "enc:";

    static String encrypt(String plain) {
        return MARKER + new StringBuilder(plain).reverse();
    }

    @Override
    public char[] encryptAes(char[] value) {
        return encrypt(new String(value)).toCharArray();
    }

    @Override
    public char[] decryptAes(char[] encryptedValue) throws KuraException {
        String text = new String(encryptedValue);
        if (!text.startsWith(MARKER)) {
            throw new KuraException(KuraErrorCode.DECODER_ERROR, "not encrypted");
        }
        return new StringBuilder(text.substring(MARKER.length())).reverse().toString().toCharArray();
    }
}
