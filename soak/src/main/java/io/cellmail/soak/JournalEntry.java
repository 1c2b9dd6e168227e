/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One line the alarm bundle journalled: {@code <epoch millis> <KIND> <id> <detail>}.
 *
 * @param time when it was written
 * @param kind what happened ({@code ACCEPTED}, {@code REFUSED}, {@code SENT}, {@code FAILED}, ...)
 * @param id the alarm's id, {@code -} for lines about the bundle itself
 * @param detail the rest of the line
 */
record JournalEntry(Instant time, String kind, String id, String detail) {

    JournalEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * @param line a journal line
     * @return the entry; empty for a torn last line (the process died while writing it)
     */
    static Optional<JournalEntry> parse(String line) {
        String[] fields = line.split(" ", 4);
        if (fields.length < 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JournalEntry(Instant.ofEpochMilli(Long.parseLong(fields[0])), fields[1],
                    fields[2], fields.length > 3 ? fields[3] : ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** @return the error code named in the detail ({@code code=-550}, or the number after a code's name) */
    Optional<String> code() {
        for (String field : detail.split(" ")) {
            if (field.startsWith("code=")) {
                return Optional.of(field.substring("code=".length()));
            }
        }
        String[] fields = detail.split(" ");
        return fields.length >= 2 && fields[1].matches("-?\\d+") ? Optional.of(fields[0] + " " + fields[1])
                : Optional.empty();
    }

    @Override
    public String toString() {
        return time + " " + kind + " " + id + (detail.isEmpty() ? "" : " " + detail);
    }
}
