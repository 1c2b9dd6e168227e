/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A short message as the recipient's phone shows it, once all its parts arrived: its parts reassembled in order
 * of their sequence numbers, each decoded on its own as a phone does (an escape pair split across two parts shows
 * as a space and the wrong character).
 *
 * @param number the destination, digits with a leading '+' when international
 * @param text the whole text
 * @param encoding the data coding of the first part
 * @param reference the concatenation reference, empty for a single message
 * @param parts the parts in order
 */
public record DeliveredSms(String number, String text, Encoding encoding, OptionalInt reference, List<Part> parts) {

    public DeliveredSms {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(reference, "reference");
        parts = List.copyOf(parts);
    }

    /** The data coding of a message (3GPP TS 23.038). */
    public enum Encoding {
        /** GSM 7-bit default alphabet with its extension table. */
        GSM7,
        /** 8-bit data, shown here as ISO-8859-1 characters. */
        EIGHT_BIT,
        /** UCS2, 16-bit units. */
        UCS2
    }

    /**
     * One SMS-SUBMIT of the message.
     *
     * @param messageReference the TP-MR the module gave it (its {@code +CMGS: <mr>})
     * @param text the part's text
     * @param encoding the part's data coding
     * @param length the part's text in its units: septets (an escape pair counts 2), octets or UCS2 units
     */
    public record Part(int messageReference, String text, Encoding encoding, int length) {

        public Part {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(encoding, "encoding");
        }
    }
}
