/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.at;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.cellmail.emulator.internal.at.LineAssembler.ReceivedLine;

/** Framing of command-mode input. */
class LineAssemblerTest {

    private final LineAssembler assembler = new LineAssembler();

    @Test
    void shouldEndLinesAtCrOrLfAndIgnoreEmptyOnes() {
        assertThat(feed("AT\r\nAT+CSQ\n\r\rATI\r")).extracting(ReceivedLine::text)
                .containsExactly("AT", "AT+CSQ", "ATI");
    }

    @Test
    void shouldDropNulAndHonourBackspace() {
        assertThat(feed("A\u0000TX\bI\r")).extracting(ReceivedLine::text).containsExactly("ATI");
    }

    @Test
    void shouldMarkAnOverlongLine() {
        List<ReceivedLine> lines = feed("A".repeat(LineAssembler.MAX_LINE + 5) + "\rAT\r");

        assertThat(lines.get(0).overflowed()).isTrue();
        assertThat(lines.get(0).text()).hasSize(LineAssembler.MAX_LINE);
        assertThat(lines.get(1).overflowed()).isFalse();
    }

    @Test
    void shouldForgetAPartLineOnReset() {
        feed("AT+QSMTP");
        assembler.reset();
        assertThat(feed("AT\r")).extracting(ReceivedLine::text).containsExactly("AT");
    }

    private List<ReceivedLine> feed(String text) {
        List<ReceivedLine> lines = new ArrayList<>();
        for (byte b : text.getBytes(StandardCharsets.ISO_8859_1)) {
            ReceivedLine line = assembler.offer(b);
            if (line != null) {
                lines.add(line);
            }
        }
        return lines;
    }
}
