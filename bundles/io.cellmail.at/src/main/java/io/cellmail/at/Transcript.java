/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The most recent traffic with the modem, oldest first: bounded, CR/LF and other control characters escaped,
 * secrets masked, payloads of uploads shown only as their size.
 *
 * @param entries the entries, oldest first
 */
@ProviderType
public record Transcript(List<Entry> entries) {

    /** Which way a line went. */
    public enum Direction {
        /** To the modem. */
        SENT,
        /** From the modem. */
        RECEIVED,
        /** An engine event (timeout, resync, reboot, reopen). */
        NOTE
    }

    /**
     * One transcript entry.
     *
     * @param at when it happened
     * @param direction which way it went
     * @param text the escaped, masked text
     */
    public record Entry(Instant at, Direction direction, String text) {

        public Entry {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            String arrow = switch (direction) {
                case SENT -> ">>";
                case RECEIVED -> "<<";
                case NOTE -> "--";
            };
            return at + " " + arrow + " " + text;
        }
    }

    public Transcript {
        entries = List.copyOf(entries);
    }

    /** @return the entries, one a line */
    @Override
    public String toString() {
        return entries.stream().map(Entry::toString).collect(Collectors.joining("\n"));
    }
}
