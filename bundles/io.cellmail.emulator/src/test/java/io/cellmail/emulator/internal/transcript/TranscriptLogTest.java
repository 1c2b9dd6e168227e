/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.cellmail.emulator.TranscriptLine;

/** The transcript's bound, escaping and timestamps. */
class TranscriptLogTest {

    private final TranscriptLog log = new TranscriptLog(Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"),
            ZoneOffset.UTC), 3);

    @Test
    void shouldKeepOnlyTheMostRecentLines() {
        log.received("AT+A");
        log.received("AT+B");
        log.sent("OK");
        log.received("AT+C");

        assertThat(log.lines()).extracting(TranscriptLine::text).containsExactly("AT+B", "OK", "AT+C");
        assertThat(log.commands()).containsExactly("AT+B", "AT+C");
    }

    @Test
    void shouldEscapeCrLfAndStampEachLine() {
        log.sent("a\r\nb");

        assertThat(log.lines()).singleElement().hasToString("2026-01-01T10:00:00Z >> a\\r\\nb");
    }

    @Test
    void shouldForgetEverythingWhenCleared() {
        log.received("AT");
        log.clear();
        assertThat(log.lines()).isEmpty();
    }
}
