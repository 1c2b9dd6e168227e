/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes for a data-mode upload ({@code AT+QSMTPBODY}, {@code AT+QSMTPATT}) with a fingerprint that tells whether
 * the module already holds them. Immutable.
 *
 * @param bytes the payload; never exposed without a copy
 * @param fingerprint a digest of what identifies the upload (charset or name, and the bytes)
 */
// Two payloads are told apart by their fingerprint, never by equals; the bytes go to the modem as they are.
@SuppressWarnings("ArrayRecordComponent")
record Payload(byte[] bytes, String fingerprint) {

    Payload {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * @param label what else identifies the upload, e.g. {@code body 1} or {@code att report.csv}
     * @param bytes the payload
     * @return the payload with its fingerprint
     */
    static Payload of(String label, byte[] bytes) {
        return new Payload(bytes, Fingerprint.of(label, bytes));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the size in bytes */
    int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Payload that && fingerprint.equals(that.fingerprint)
                && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "Payload[" + bytes.length + " bytes]";
    }
}
