/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.cellmail.at.Transcript;

/** Formats the AT engine's transcript for people: {@code 2026-11-26T16:00:00.123Z >> AT+QSMTPPWD="****"}. */
final class TranscriptFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);
    /** How the engine records the CR that ends every command line it sends. */
    private static final String ESCAPED_CR = "\\r";

    private TranscriptFormat() {
    }

    /**
     * @param transcript the engine's transcript, secrets already masked
     * @param lastLines how many lines at most, from the end
     * @return the lines, oldest first
     */
    static List<String> lastLines(Transcript transcript, int lastLines) {
        List<Transcript.Entry> entries = transcript.entries();
        int from = Math.max(0, entries.size() - Math.max(0, lastLines));
        return entries.subList(from, entries.size()).stream().map(TranscriptFormat::line).toList();
    }

    /**
     * @param entry one entry
     * @return its line: time in UTC to the millisecond, {@code >>} sent, {@code <<} received, {@code --} a note
     */
    static String line(Transcript.Entry entry) {
        String text = entry.text();
        if (entry.direction() == Transcript.Direction.SENT && text.endsWith(ESCAPED_CR)) {
            text = text.substring(0, text.length() - ESCAPED_CR.length());
        }
        String arrow = switch (entry.direction()) {
            case SENT -> ">>";
            case RECEIVED -> "<<";
            case NOTE -> "--";
        };
        return TIME.format(entry.at()) + " " + arrow + " " + text;
    }
}
