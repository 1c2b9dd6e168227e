/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.util.Objects;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An unsolicited result code: a line the modem sent on its own.
 *
 * @param prefix the URC it was recognised as ({@code RDY}, {@code +CREG:}, {@code +PDP DEACT}, an extra prefix
 *     from the engine settings), or empty for a line nobody claimed
 * @param line the whole line, e.g. {@code 0,+PDP DEACT} or {@code +CREG: 1}
 */
@ProviderType
public record Urc(String prefix, String line) {

    public Urc {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(line, "line");
    }

    /** @return true if the line matched a known URC; false for an unclaimed line (e.g. a late reply) */
    public boolean isKnown() {
        return !prefix.isEmpty();
    }

    /**
     * @return the line as an {@link InfoLine} for field access; for a prefix that does not start the line
     *     ({@code 0,+PDP DEACT}) the whole line is the text
     */
    public InfoLine info() {
        return line.startsWith(prefix) ? new InfoLine(line, prefix) : new InfoLine(line, "");
    }
}
