/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 fingerprints of what the module holds: compares a 100 KB attachment, or a password, without keeping it
 * in the state that remembers the module's contents.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    /**
     * @param label what identifies the data besides its bytes
     * @param bytes the data
     * @return a hex digest of the label's length, the label and the bytes
     */
    static String of(String label, byte[] bytes) {
        MessageDigest digest = sha256();
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(labelBytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(labelBytes);
        digest.update(bytes);
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * @param text e.g. an AT command line holding a secret
     * @return its hex digest
     */
    static String of(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
