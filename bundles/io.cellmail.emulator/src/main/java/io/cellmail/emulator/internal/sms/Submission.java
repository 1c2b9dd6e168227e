/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.sms;

import java.util.Objects;
import java.util.Optional;

/**
 * One SMS-SUBMIT as the module hands it to the network: one part of a message, or a whole one.
 *
 * @param number the destination, digits with a leading '+' when international
 * @param alphabet the data coding scheme's alphabet
 * @param concatenation the concatenation header, if the user data has one
 * @param text the part's text as a phone shows it
 * @param length the part's text in its units: septets (an escape pair counts 2), octets or UCS2 units
 */
public record Submission(String number, Alphabet alphabet, Optional<Concatenation> concatenation, String text,
        int length) {

    public Submission {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(alphabet, "alphabet");
        Objects.requireNonNull(concatenation, "concatenation");
        Objects.requireNonNull(text, "text");
    }

    /** @return the number without its '+' */
    public String digits() {
        return number.startsWith("+") ? number.substring(1) : number;
    }
}
