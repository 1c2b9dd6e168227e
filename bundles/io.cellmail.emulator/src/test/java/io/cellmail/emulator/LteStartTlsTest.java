/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * LTE {@code "ssltype"} 2 is STARTTLS, required: against a real SMTP server that does not offer it (GreenMail's
 * plain SMTP) the send fails with the TLS failure (the emulator's choice: the module's answer is not documented)
 * and nothing is delivered in the clear.
 */
class LteStartTlsTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private ModemEmulator modem;
    private HostConsole host;

    @AfterEach
    void stopModem() throws InterruptedException {
        host.close();
        modem.close();
    }

    private void expect(String command, String... answer) {
        assertThat(host.command(command)).as(command).containsExactly(answer);
    }

    @Test
    void shouldNotFallBackToPlainSmtpWhenTheServerHasNoStartTls() throws Exception {
        modem = ModemEmulator.create(EmulatorSettings.builder().personality(Personality.EG25G).build());
        host = HostConsole.connectQuiet(modem);
        expect("AT+QIACT=1", "OK");
        expect("AT+QSMTPCFG=\"ssltype\",2", "OK");
        expect("AT+QSSLCFG=\"seclevel\",1,0", "OK");
        expect("AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\"," + SMTP.getSmtp().getPort(), "OK");
        expect("AT+QSMTPCFG=\"sender\",\"Gateway 7\",\"gw@example.com\"", "OK");
        expect("AT+QSMTPDST=1,1,\"ops@example.com\"", "OK");
        expect("AT+QSMTPSUB=0,\"over STARTTLS\"", "OK");
        expect("AT+QSMTPPUT=60", "OK");
        assertThat(host.nextLine(Duration.ofSeconds(30))).as("the TLS failure").isEqualTo("+QSMTPPUT: 666,0");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }
}
