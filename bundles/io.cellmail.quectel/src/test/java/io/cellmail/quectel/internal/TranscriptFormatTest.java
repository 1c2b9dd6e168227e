/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cellmail.at.Transcript;
import io.cellmail.at.Transcript.Direction;
import io.cellmail.at.Transcript.Entry;

class TranscriptFormatTest {

    private static final Instant AT = Instant.parse("2026-11-26T16:00:00.123456Z");

    @Test
    void shouldFormatEachDirectionToTheMillisecondWithoutTheCommandsCarriageReturn() {
        assertThat(TranscriptFormat.line(new Entry(AT, Direction.SENT, "AT+QSMTPPWD=\"****\"\\r")))
                .isEqualTo("2026-11-26T16:00:00.123Z >> AT+QSMTPPWD=\"****\"");
        assertThat(TranscriptFormat.line(new Entry(AT, Direction.RECEIVED, "+QSMTPPUT:0")))
                .isEqualTo("2026-11-26T16:00:00.123Z << +QSMTPPUT:0");
        assertThat(TranscriptFormat.line(new Entry(Instant.parse("2026-11-26T16:00:00Z"), Direction.NOTE,
                "resynchronising"))).isEqualTo("2026-11-26T16:00:00.000Z -- resynchronising");
    }

    @Test
    void shouldGiveTheLastLinesOldestFirst() {
        Transcript transcript = new Transcript(List.of(new Entry(AT, Direction.SENT, "AT\\r"),
                new Entry(AT, Direction.RECEIVED, "OK"), new Entry(AT, Direction.SENT, "AT+CSQ\\r")));

        assertThat(TranscriptFormat.lastLines(transcript, 2)).extracting(l -> l.substring(25))
                .containsExactly("<< OK", ">> AT+CSQ");
        assertThat(TranscriptFormat.lastLines(transcript, 10)).hasSize(3);
        assertThat(TranscriptFormat.lastLines(transcript, 0)).isEmpty();
        assertThat(TranscriptFormat.lastLines(transcript, -1)).isEmpty();
    }
}
