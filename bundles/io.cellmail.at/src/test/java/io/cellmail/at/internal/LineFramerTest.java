/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import static io.cellmail.at.internal.RecordingSink.OVERFLOW;
import static io.cellmail.at.internal.RecordingSink.PROMPT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LineFramerTest {

    static Stream<Arguments> framing() {
        return Stream.of(
                Arguments.of("CR LF framed reply", "\r\n+CSQ: 20,0\r\n\r\nOK\r\n", List.of("+CSQ: 20,0", "OK")),
                Arguments.of("CR only", "\r+CSQ: 20,0\r\rOK\r", List.of("+CSQ: 20,0", "OK")),
                Arguments.of("LF only", "\n+CSQ: 20,0\n\nOK\n", List.of("+CSQ: 20,0", "OK")),
                Arguments.of("mixed line ends", "RDY\n\r+CFUN: 1\r\n\n+CPIN: READY\r", List.of("RDY", "+CFUN: 1",
                        "+CPIN: READY")),
                Arguments.of("NUL bytes anywhere", "\0\r\nO\0K\r\n\0\0", List.of("OK")),
                Arguments.of("NUL-only line", "\r\n\0\0\0\r\nOK\r\n", List.of("OK")),
                Arguments.of("blank lines of spaces", "\r\n   \r\n\tOK \r\n", List.of("OK")),
                Arguments.of("spec: result without space", "\r\n+QSMTPBODY:2009\r\n", List.of("+QSMTPBODY:2009")),
                Arguments.of("spec: OK before info line", "\r\nOK\r\n\r\n+QSMTPSRV: \"smtp.163.com\",25\r\n",
                        List.of("OK", "+QSMTPSRV: \"smtp.163.com\",25")),
                Arguments.of("spec: spaces after commas", "\r\n+QSMTPATT: 1, \"bigfile.txt\", 20090\r\n\r\nOK\r\n",
                        List.of("+QSMTPATT: 1, \"bigfile.txt\", 20090", "OK")),
                Arguments.of("context id before URC", "\r\n0,+PDP DEACT\r\n", List.of("0,+PDP DEACT")),
                Arguments.of("echo then reply", "AT+CSQ\r\r\n+CSQ: 5,0\r\n\r\nOK\r\n", List.of("AT+CSQ",
                        "+CSQ: 5,0", "OK")),
                Arguments.of("numeric mode", "0\r", List.of("0")),
                Arguments.of("partial line stays pending", "\r\nOK\r\n+CS", List.of("OK")),
                Arguments.of("prompt without prompt mode is text", "\r\n> \r\n", List.of(">")),
                Arguments.of("UTF-8 text", "\r\n+QSMTPNAME: \"J\u00fcrg\"\r\n", List.of("+QSMTPNAME: \"J\u00fcrg\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("framing")
    void shouldSplitIntoTrimmedNonEmptyLines(String description, String input, List<String> expected) {
        assertThat(frame(input, false, 4096)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> prompts() {
        return Stream.of(
                Arguments.of("prompt with trailing space", "\r\n> ", List.of(PROMPT)),
                Arguments.of("bare prompt", "\r\n>", List.of(PROMPT)),
                Arguments.of("prompt after OK", "\r\nOK\r\n> ", List.of("OK", PROMPT)),
                Arguments.of("prompt then result", "\r\n> \r\n+CMGS: 12\r\n\r\nOK\r\n", List.of(PROMPT, "+CMGS: 12",
                        "OK")),
                Arguments.of("'>' inside a line is text", "\r\n+X: a>b\r\n", List.of("+X: a>b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prompts")
    void shouldReportPromptAtLineStartWithoutLineEndInPromptMode(String description, String input,
            List<String> expected) {
        assertThat(frame(input, true, 4096)).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldDropAnOverlongLineOnceAndResyncAtTheNextLineEnd() {
        String input = "\r\nOK\r\n" + "X".repeat(40) + "\r\n+CSQ: 1,0\r\n";

        assertThat(frame(input, false, 16)).containsExactly("OK", OVERFLOW, "+CSQ: 1,0");
    }

    @Test
    void shouldAcceptALineOfExactlyTheMaximumLength() {
        assertThat(frame("Y".repeat(16) + "\r\n", false, 16)).containsExactly("Y".repeat(16));
    }

    @Test
    void shouldForgetAPartialLineOnReset() {
        LineFramer framer = new LineFramer(64);
        RecordingSink sink = new RecordingSink();
        feed(framer, "+CS", sink);

        framer.reset();
        feed(framer, "OK\r\n", sink);

        assertThat(sink.tokens).containsExactly("OK");
    }

    @Test
    void shouldMarkNoiseWithoutLineEndThatPrecededACommandAsAnEarlierLine() {
        LineFramer framer = new LineFramer(64);
        RecordingSink sink = new RecordingSink();
        feed(framer, "\u00ff#@!", 100, sink);

        framer.commandSent(200);
        feed(framer, "\r\nQuectel_M95\r\n\r\nOK\r\n", 300, sink);

        assertThat(sink.tokens).containsExactly(RecordingSink.EARLIER + "\u00ff#@!", "Quectel_M95", "OK");
    }

    @Test
    void shouldMarkTheTailOfALineBegunBeforeACommandAsAnEarlierLine() {
        LineFramer framer = new LineFramer(64);
        RecordingSink sink = new RecordingSink();
        feed(framer, "\r\n+CRE", 100, sink);

        framer.commandSent(200);
        feed(framer, "G: 1\r\n\r\n+CREG: 0,1\r\n", 300, sink);

        assertThat(sink.tokens).containsExactly(RecordingSink.EARLIER + "+CREG: 1", "+CREG: 0,1");
    }

    @Test
    void shouldMarkLinesOfAChunkReadBeforeACommandAsEarlierEvenIfFramedAfterIt() {
        LineFramer framer = new LineFramer(64);
        RecordingSink sink = new RecordingSink();

        // the engine sends the next command while it still frames a chunk that was read before
        framer.commandSent(200);
        feed(framer, "\r\nOK\r\n#@!\r\n", 100, sink);

        assertThat(sink.tokens).containsExactly(RecordingSink.EARLIER + "OK", RecordingSink.EARLIER + "#@!");
    }

    static List<String> frame(String input, boolean promptMode, int maxLineLength) {
        LineFramer framer = new LineFramer(maxLineLength);
        framer.promptMode(promptMode);
        RecordingSink sink = new RecordingSink();
        feed(framer, input, sink);
        return sink.tokens;
    }

    private static void feed(LineFramer framer, String input, RecordingSink sink) {
        feed(framer, input, 0, sink);
    }

    private static void feed(LineFramer framer, String input, long arrivalNanos, RecordingSink sink) {
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        framer.feed(bytes, 0, bytes.length, arrivalNanos, sink);
    }
}
