/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Lenient escape: any {@code +++} ends data mode at once, and what follows it is command input again. */
class LenientEscapeTest extends ModemTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().lenientEscape(true).build();
    }

    @Test
    void shouldEndAtTheFirstPlusesEvenInsideAContinuousPayload() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");

        host.write("abc+++def");

        assertThat(host.nextLine()).isEqualTo("+QSMTPBODY:3");
        assertThat(host.command("AT")).as("'def' went to command mode, before this AT").containsExactly("OK");
        assertThat(modem.transcript().commands()).contains("defAT");
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
        expect("AT+QSMTPDST=1,1,\"to@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        assertThat(new String(relay.mails.get(0).body(), StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void shouldFindPlusesSplitAcrossWrites() {
        expect("AT+QSMTPBODY=0", "OK ~ CONNECT");

        host.write("ab+");
        host.write("+");
        host.write("+");

        assertThat(host.nextLine()).isEqualTo("+QSMTPBODY:2");
    }
}
