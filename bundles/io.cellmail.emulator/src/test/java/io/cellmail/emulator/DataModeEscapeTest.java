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
 * The {@code +++} escape under the guard rule (settings default): {@code +++} ends data mode only when framed by
 * guard silence. A short guard keeps the test quick; the fine timing cases are in {@code DataModeReceiverTest}
 * with invented timestamps.
 */
class DataModeEscapeTest extends ModemTestSupport {

    private static final Duration GUARD = Duration.ofMillis(60);
    private static final Duration SILENCE = GUARD.multipliedBy(3);

    private final Silence silence = new Silence();

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().guardTime(GUARD).build();
    }

    @Test
    void shouldTakePlusesInsideAContinuousPayloadAsData() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");

        write("abc+++def");
        silence.keep(SILENCE);
        write("+++");

        assertThat(host.nextLine()).isEqualTo("+QSMTPBODY:9");
        assertThat(sentBody()).isEqualTo("abc+++def");
    }

    @Test
    void shouldTakePlusesFollowedTooSoonByDataAsData() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");

        write("abc");
        silence.keep(SILENCE);
        write("+++x");
        silence.keep(SILENCE);
        write("+++");

        assertThat(host.nextLine()).isEqualTo("+QSMTPBODY:7");
        assertThat(sentBody()).isEqualTo("abc+++x");
    }

    @Test
    void shouldEndAnEmptyPayloadWithAGuardedEscape() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");
        silence.wrote();

        silence.keep(SILENCE);
        write("+++");

        assertThat(host.nextLine()).isEqualTo("+QSMTPBODY:0");
    }

    @Test
    void shouldAnswerCommandsAgainAfterTheEscape() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");
        write("AT\r");
        silence.keep(SILENCE);
        write("+++");
        assertThat(host.nextLine()).as("the command line was payload").isEqualTo("+QSMTPBODY:3");

        assertThat(host.command("AT")).containsExactly("OK");
    }

    @Test
    void shouldWaitForTheEscapeAfterAnAttachmentsAnnouncedSizeByDefault() {
        expect("AT+QSMTPATT=\"a.txt\",5,30", "OK ~ CONNECT");
        write("hello");
        silence.keep(SILENCE);
        assertThat(host.rawText()).as("the size alone does not end the upload").doesNotContain("+QSMTPATT:");

        write("+++");

        assertThat(host.nextLine()).isEqualTo("+QSMTPATT:5");
        assertThat(host.command("AT")).as("no OK came after the result").containsExactly("OK");
    }

    private void write(String text) {
        host.write(text);
        silence.wrote();
    }

    private String sentBody() {
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
        expect("AT+QSMTPDST=1,1,\"to@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        return new String(relay.mails.get(0).body(), StandardCharsets.US_ASCII);
    }
}
