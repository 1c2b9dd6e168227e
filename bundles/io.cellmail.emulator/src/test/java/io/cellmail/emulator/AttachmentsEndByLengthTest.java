/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * {@code attachmentsEndByLength}: an M95 whose attachment upload ends by itself once its announced
 * {@code <fileSz>} bytes came, answered {@code +QSMTPATT:<n>} and {@code OK} at once; a {@code +++} the host sends
 * afterwards is a stray on the command line, ignored before the next {@code AT}. The default (waiting for
 * {@code +++}) is in {@code DataModeEscapeTest}.
 */
class AttachmentsEndByLengthTest extends ModemTestSupport {

    private static final Duration GUARD = Duration.ofMillis(60);
    private static final Duration SILENCE = GUARD.multipliedBy(3);

    private final Silence silence = new Silence();

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().guardTime(GUARD).attachmentsEndByLength(true).build();
    }

    @Test
    void shouldEndAnAttachmentAtItsAnnouncedSizeWithResultAndOk() {
        expect("AT+QSMTPATT=\"a.txt\",5,30", "OK ~ CONNECT");

        host.write("he+lo");

        host.expectLines("+QSMTPATT:5", "OK");
        assertThat(host.command("AT+QSMTPATT?")).containsExactly("+QSMTPATT: 1, \"a.txt\", 5", "OK");
        assertThat(sentAttachment()).isEqualTo("he+lo");
    }

    @Test
    void shouldIgnoreAStrayEscapeThatFindsTheModuleInCommandMode() {
        expect("AT+QSMTPATT=\"a.txt\",5,30", "OK ~ CONNECT");
        write("hello");
        host.expectLines("+QSMTPATT:5", "OK");

        silence.keep(SILENCE);
        write("+++");
        silence.keep(SILENCE);

        assertThat(host.rawText()).as("the stray +++ gets no answer").endsWith("OK\r\n");
        assertThat(host.command("AT+QSMTPATT?")).containsExactly("+QSMTPATT: 1, \"a.txt\", 5", "OK");
        assertThat(modem.transcript().commands()).contains("+++AT+QSMTPATT?");
    }

    @Test
    void shouldTakeBytesAfterTheSizeAsCommands() {
        expect("AT+QSMTPATT=\"a.txt\",5,30", "OK ~ CONNECT");

        host.write("helloAT\r");

        host.expectLines("+QSMTPATT:5", "OK", "OK");
    }

    @Test
    void shouldStillEndAtAGuardedEscapeBeforeTheSize() {
        // 10: with 5, the two '+' after "hel" would complete the size and be payload
        expect("AT+QSMTPATT=\"a.txt\",10,30", "OK ~ CONNECT");
        write("hel");
        silence.keep(SILENCE);
        write("+++");

        host.expectLines("+QSMTPATT:3", "OK");
    }

    @Test
    void shouldWaitForTheEscapeWhenTheCommandNamesNoSize() {
        expect("AT+QSMTPATT=\"a.txt\"", "OK ~ CONNECT");
        write("hello");
        silence.keep(SILENCE);
        assertThat(host.rawText()).doesNotContain("+QSMTPATT:");

        write("+++");

        assertThat(host.nextLine()).isEqualTo("+QSMTPATT:5");
    }

    private void write(String text) {
        host.write(text);
        silence.wrote();
    }

    private String sentAttachment() {
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
        expect("AT+QSMTPDST=1,1,\"to@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        return new String(relay.mails.get(0).attachments().get(0).content(), StandardCharsets.US_ASCII);
    }
}
