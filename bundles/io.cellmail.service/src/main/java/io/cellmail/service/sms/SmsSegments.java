/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A text cut into the parts of an SMS: one part when it fits a single SMS ({@link SmsEncoding#singleCapacity()}),
 * else as many concatenated parts of at most {@link SmsEncoding#partCapacity()} units as it needs. A cut never falls
 * inside a character: neither between the escape and the code of a GSM-7 extension character, nor inside a UTF-16
 * surrogate pair. The parts, joined, are the text.
 *
 * @param encoding the encoding of every part
 * @param parts the parts in order, none empty
 */
@ProviderType
public record SmsSegments(SmsEncoding encoding, List<String> parts) {

    /** The most parts a concatenated SMS may have (an 8-bit count in its header). */
    public static final int MAX_PARTS = 255;

    public SmsSegments {
        Objects.requireNonNull(encoding, "encoding");
        parts = List.copyOf(parts);
        if (parts.isEmpty() || parts.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("an SMS has at least one part, and no part is empty");
        }
    }

    /**
     * @param text a non-empty text
     * @return the text cut into parts, in the encoding {@link SmsEncoding#of} chooses for it
     */
    public static SmsSegments of(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("an SMS needs some text");
        }
        SmsEncoding encoding = SmsEncoding.of(text);
        if (encoding.units(text) <= encoding.singleCapacity()) {
            return new SmsSegments(encoding, List.of(text));
        }
        return new SmsSegments(encoding, cut(text, encoding, encoding.partCapacity()));
    }

    /**
     * The longest start of a text that fits in a number of parts, for a summary that must stay within a budget.
     * The start may go in another encoding than the whole text (it may lose the only character that needed UCS2)
     * and then holds more characters than the whole text's encoding would allow.
     *
     * @param text a non-empty text
     * @param maxParts at least 1
     * @return the text itself if it fits, else its longest start that does (empty if not even the first character
     *     fits, which cannot happen), never cut inside a character
     */
    public static String fitting(String text, int maxParts) {
        if (maxParts < 1) {
            throw new IllegalArgumentException("at least one part");
        }
        return of(text).count() <= maxParts ? text : fittingBefore(text, "", maxParts);
    }

    /**
     * The longest start of a text that fits in a number of parts with a given ending after it, e.g. a cut mark and
     * an id. The same rules as {@link #fitting(String, int)}: never cut inside a character, another encoding allowed.
     *
     * @param text the text to cut
     * @param ending what follows the start in the message
     * @param maxParts at least 1
     * @return the longest start of {@code text} (possibly empty, possibly all of it) such that it and {@code ending}
     *     together fit in {@code maxParts} parts
     */
    public static String fittingBefore(String text, String ending, int maxParts) {
        if (maxParts < 1) {
            throw new IllegalArgumentException("at least one part");
        }
        // the parts a start takes never shrink as it grows: search the longest start that fits, by characters
        int[] ends = text.codePoints().map(Character::charCount).toArray();
        for (int i = 1; i < ends.length; i++) {
            ends[i] += ends[i - 1];
        }
        int fits = 0;
        int tooLong = ends.length + 1;
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) >>> 1;
            if (of(text.substring(0, ends[middle - 1]) + ending).count() <= maxParts) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        return fits == 0 ? "" : text.substring(0, ends[fits - 1]);
    }

    /** @return how many SMS the text takes */
    public int count() {
        return parts.size();
    }

    /** @return true when the text takes more than one SMS, each with a concatenation header */
    public boolean concatenated() {
        return parts.size() > 1;
    }

    private static List<String> cut(String text, SmsEncoding encoding, int capacity) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int units = encoding.units(cp);
            if (used + units > capacity) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += units;
            i += Character.charCount(cp);
        }
        parts.add(text.substring(start));
        return parts;
    }
}
