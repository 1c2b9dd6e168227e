/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.sms;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The concatenation header of one part of a longer SMS (TS 23.040 9.2.3.24.1, 8-bit reference): the receiving
 * phone joins the parts with the same reference from the same sender.
 *
 * @param reference the message's reference, 0-255, the same in every part
 * @param sequence the part's number, 1 to total
 * @param total how many parts, 2-255
 */
@ProviderType
public record SmsConcatenation(int reference, int sequence, int total) {

    public SmsConcatenation {
        if (reference < 0 || reference > 255) {
            throw new IllegalArgumentException("the reference is 0-255");
        }
        if (total < 2 || total > SmsSegments.MAX_PARTS) {
            throw new IllegalArgumentException("a concatenated SMS has 2-255 parts");
        }
        if (sequence < 1 || sequence > total) {
            throw new IllegalArgumentException("the part's number is 1 to " + total);
        }
    }

    /** @return the user data header with its length octet: {@code 05 00 03 <reference> <total> <sequence>} */
    public byte[] header() {
        return new byte[] {5, 0, 3, (byte) reference, (byte) total, (byte) sequence};
    }
}
