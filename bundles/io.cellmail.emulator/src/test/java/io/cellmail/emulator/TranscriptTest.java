/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.cellmail.emulator.TranscriptLine.Direction;
import io.cellmail.emulator.TranscriptLine.Kind;

/** What the transcript keeps of a conversation, and what it never keeps: passwords and payload bytes. */
class TranscriptTest extends ModemTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().lenientEscape(true).build();
    }

    @Test
    void shouldRecordEveryLineWithItsDirection() {
        modem.transcript().clear();

        host.command("AT+CSQ");

        assertThat(modem.transcript().lines()).extracting(TranscriptLine::direction, TranscriptLine::text)
                .containsExactly(
                        tuple(Direction.HOST_TO_MODEM, "AT+CSQ"),
                        tuple(Direction.MODEM_TO_HOST, "+CSQ: 20,0"),
                        tuple(Direction.MODEM_TO_HOST, "OK"));
        assertThat(modem.transcript().lines().get(0).toString()).endsWith(" << AT+CSQ");
    }

    @Test
    void shouldListJustTheCommandsTheHostSent() {
        host.command("AT+CSQ");
        host.command("AT+CREG?");

        assertThat(modem.transcript().commands()).containsExactly("ATE0", "AT+CSQ", "AT+CREG?");
    }

    @Test
    void shouldNeverKeepAPasswordInClear() {
        ok("ATE1");
        host.command("AT+QSMTPPWD=\"s3cret-pw\"");
        host.command("AT+QICSGP=1,\"CMNET\",\"gprs\",\"apn-s3cret\"");
        host.command("AT+QSMTPPWD=\"bad\"s3cret\"");
        host.command("AT+QSMTPPWD?");

        List<TranscriptLine> lines = modem.transcript().lines();
        assertThat(lines).noneMatch(line -> line.text().contains("s3cret"));
        assertThat(modem.transcript().commands()).contains("AT+QSMTPPWD=\"****\"",
                "AT+QICSGP=1,\"CMNET\",\"gprs\",\"****\"", "AT+QSMTPPWD?");
        assertThat(lines).filteredOn(line -> line.direction() == Direction.MODEM_TO_HOST)
                .extracting(TranscriptLine::text).contains("AT+QSMTPPWD=\"****\"", "+QSMTPPWD: \"****\"");
    }

    @Test
    void shouldSummariseAPayloadInOneLine() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");
        host.write("confidential body\r\n+++");
        host.expectLines("+QSMTPBODY:19");

        assertThat(modem.transcript().lines()).filteredOn(line -> line.kind() == Kind.DATA)
                .singleElement().satisfies(line -> {
                    assertThat(line.text()).isEqualTo("[data 19 bytes]");
                    assertThat(line.direction()).isEqualTo(Direction.HOST_TO_MODEM);
                });
        assertThat(modem.transcript().lines()).noneMatch(line -> line.text().contains("confidential"));
        assertThat(modem.transcript().commands()).containsExactly("ATE0", "AT+QSMTPBODY=0");
    }

    @Test
    void shouldEscapeControlBytes() {
        modem.faults().garbage(new byte[] {'x', 0, (byte) 0xff});

        host.command("AT");

        assertThat(modem.transcript().lines()).filteredOn(line -> line.kind() == Kind.RAW)
                .extracting(TranscriptLine::text).containsExactly("x\\x00\\xff");
    }
}
