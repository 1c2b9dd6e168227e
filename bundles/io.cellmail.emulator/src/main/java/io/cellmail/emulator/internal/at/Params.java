/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

import java.util.ArrayList;
import java.util.List;

/**
 * The comma-separated parameters of a write command. A quoted parameter is exactly {@code "..."} with no quote
 * inside; a parameter left empty between commas is omitted. Accessors throw {@link FormatException}, which the
 * interpreter answers with {@code ERROR}, so a handler reads like the spec's parameter list.
 */
public final class Params {

    private final List<String> raw;

    private Params(List<String> raw) {
        this.raw = raw;
    }

    /**
     * @param arguments the text after {@code =}, without spaces outside quotes
     * @return the parameters; none for an empty text
     * @throws FormatException if a quoted parameter is malformed
     */
    public static Params parse(String arguments) {
        List<String> parts = new ArrayList<>();
        if (!arguments.isEmpty()) {
            int start = 0;
            boolean quoted = false;
            for (int i = 0; i < arguments.length(); i++) {
                char c = arguments.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == ',' && !quoted) {
                    parts.add(arguments.substring(start, i));
                    start = i + 1;
                }
            }
            if (quoted) {
                throw new FormatException("unterminated quoted string");
            }
            parts.add(arguments.substring(start));
        }
        for (String part : parts) {
            int quotes = part.length() - part.replace("\"", "").length();
            boolean wellQuoted = quotes == 2 && part.length() >= 2 && part.startsWith("\"") && part.endsWith("\"");
            if (quotes != 0 && !wellQuoted) {
                throw new FormatException("malformed quoted parameter");
            }
        }
        return new Params(parts);
    }

    /** @return how many parameters were given, omitted ones included */
    public int size() {
        return raw.size();
    }

    /**
     * @param min fewest parameters accepted
     * @param max most parameters accepted
     * @throws FormatException if the count is outside the range
     */
    public void requireCount(int min, int max) {
        if (raw.size() < min || raw.size() > max) {
            throw new FormatException("wrong number of parameters");
        }
    }

    /** @return true if parameter {@code index} was given and not left empty */
    public boolean present(int index) {
        return index < raw.size() && !raw.get(index).isEmpty();
    }

    /**
     * @return the content of a quoted parameter
     * @throws FormatException if it is missing or not quoted
     */
    public String string(int index) {
        if (!present(index) || !raw.get(index).startsWith("\"")) {
            throw new FormatException("quoted string expected");
        }
        String quoted = raw.get(index);
        return quoted.substring(1, quoted.length() - 1);
    }

    /**
     * @return an unquoted parameter as written, such as {@code 0xFFFF}
     * @throws FormatException if it is missing or quoted
     */
    public String word(int index) {
        if (!present(index) || raw.get(index).startsWith("\"")) {
            throw new FormatException("unquoted value expected");
        }
        return raw.get(index);
    }

    /**
     * @return an unquoted decimal parameter within {@code min..max}
     * @throws FormatException if it is missing, not decimal digits, or out of range
     */
    public int number(int index, int min, int max) {
        if (!present(index)) {
            throw new FormatException("number expected");
        }
        String digits = raw.get(index);
        if (digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new FormatException("number expected");
        }
        int value = Integer.parseInt(digits);
        if (value < min || value > max) {
            throw new FormatException("number out of range");
        }
        return value;
    }
}
