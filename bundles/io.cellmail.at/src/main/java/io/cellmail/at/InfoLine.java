/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.List;
import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One information line of a response, e.g. {@code +CSQ: 20,0}, with lenient field access: fields are separated
 * by commas outside quotes and parentheses, quotes are stripped and spaces trimmed, so {@code +QSMTPATT: 1,
 * "bigfile.txt", 20090} and {@code +QSMTPATT:1,"bigfile.txt",20090} give the same fields.
 *
 * @param line the whole line as received
 * @param prefix the prefix it matched (e.g. {@code +CSQ:}), or empty for an unprefixed line
 */
@ProviderType
public record InfoLine(String line, String prefix) {

    public InfoLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(prefix, "prefix");
        if (!line.startsWith(prefix)) {
            throw new IllegalArgumentException("line does not start with its prefix");
        }
    }

    /** @return the text after the prefix, trimmed: {@code 20,0} for {@code +CSQ: 20,0} */
    public String text() {
        return line.substring(prefix.length()).strip();
    }

    /** @return the fields of {@link #text()}; empty for an empty text */
    public List<String> fields() {
        return FieldSplitter.split(text());
    }

    /** @return the number of fields */
    public int fieldCount() {
        return fields().size();
    }

    /**
     * @param index zero-based field index
     * @return the field, quotes stripped
     * @throws AtException {@link AtException.Kind#PROTOCOL} if the line has no such field
     */
    public String stringField(int index) {
        List<String> fields = fields();
        if (index < 0 || index >= fields.size()) {
            throw new AtException(AtException.Kind.PROTOCOL,
                    "field " + index + " missing in '" + line + "' (" + fields.size() + " fields)");
        }
        return fields.get(index);
    }

    /**
     * @param index zero-based field index
     * @return the field as an integer (a leading {@code +} or {@code -} is allowed)
     * @throws AtException {@link AtException.Kind#PROTOCOL} if the field is missing or not an integer
     */
    public int intField(int index) {
        String field = stringField(index);
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new AtException(AtException.Kind.PROTOCOL, null,
                    "field " + index + " of '" + line + "' is not an integer", e);
        }
    }

    /** @return the line */
    @Override
    public String toString() {
        return line;
    }
}
