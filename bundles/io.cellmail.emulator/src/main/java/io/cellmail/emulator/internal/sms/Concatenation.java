/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

/**
 * The concatenation information element of a user data header (TS 23.040 §9.2.3.24.1 and .8).
 *
 * @param reference the message's reference, 0-255 (IEI 0x00) or 0-65535 (IEI 0x08)
 * @param total how many parts the message has
 * @param sequence which part this is, from 1
 * @param sixteenBit true for IEI 0x08
 */
public record Concatenation(int reference, int total, int sequence, boolean sixteenBit) {

    /**
     * @return true if a phone uses the element: TS 23.040 says to ignore it when the total or the sequence
     *     number is 0 or the sequence number exceeds the total
     */
    public boolean usable() {
        return total > 0 && sequence > 0 && sequence <= total;
    }
}
