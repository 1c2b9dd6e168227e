/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.cellmail.emulator.internal.state.FileSystem;

/**
 * The LTE example session (EC25/EG25-G, plain SMTP) against an EG25-G emulator with its real SMTP client and a
 * real SMTP server (GreenMail): what arrives is the mail the session composed, the account authenticated.
 */
class LteExampleSessionTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("user@example.com", "secret"));

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
    void shouldReplayTheExampleSessionAndDeliverTheMail() throws Exception {
        modem = ModemEmulator.create(EmulatorSettings.builder().personality(Personality.EG25G).build());
        host = HostConsole.connectQuiet(modem);
        byte[] log = new byte[2048];
        Arrays.fill(log, (byte) 'x');
        log[0] = '+';

        expect("AT+QICSGP=1,1,\"internet\",\"\",\"\",0", "OK");
        expect("AT+QIACT=1", "OK");
        expect("AT+QSMTPCFG=\"contextid\",1", "OK");
        expect("AT+QSMTPCFG=\"ssltype\",0", "OK");
        expect("AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\"," + SMTP.getSmtp().getPort(), "OK");
        expect("AT+QSMTPCFG=\"account\",\"user@example.com\",\"secret\"", "OK");
        expect("AT+QSMTPCFG=\"sender\",\"Gateway 7\",\"user@example.com\"", "OK");
        expect("AT+QSMTPCLR", "OK");
        expect("AT+QFDEL=\"RAM:*\"", "OK");
        expect("AT+QSMTPDST=1,1,\"ops@example.com\"", "OK");
        expect("AT+QSMTPSUB=0,\"ALARM tank 3\"", "OK");
        expect("AT+QSMTPBODY=0,18,30", "CONNECT");
        host.write("Level high: 97 %\r\n");
        host.expectLines("+QSMTPBODY: 18", "OK");
        expect("AT+QFUPL=\"RAM:log.csv\",2048,10", "CONNECT");
        host.write(log);
        host.expectLines("+QFUPL: 2048," + Integer.toHexString(FileSystem.checksum(log)), "OK");
        expect("AT+QSMTPATT=1,1,\"RAM:log.csv\"", "OK");
        expect("AT+QSMTPPUT=300", "OK");
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT: 0,0");

        assertThat(SMTP.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).isEqualTo("ALARM tank 3");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Gateway 7");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ops@example.com");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getBodyPart(0).getContent().toString()).isEqualTo("Level high: 97 %\r\n");
        Part attachment = parts.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("log.csv");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(log);
        assertThat(modem.transcript().lines()).noneSatisfy(line -> assertThat(line.text()).contains("secret"));
    }

    @Test
    void shouldReportAnSmtpServerThatIsDownAsANetworkError() throws Exception {
        modem = ModemEmulator.create(EmulatorSettings.builder().personality(Personality.EG25G).build());
        host = HostConsole.connectQuiet(modem);
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        expect("AT+QIACT=1", "OK");
        expect("AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\"," + closedPort, "OK");
        expect("AT+QSMTPDST=1,1,\"ops@example.com\"", "OK");
        expect("AT+QSMTPPUT=30", "OK");
        assertThat(host.nextLine(java.time.Duration.ofSeconds(30))).isEqualTo("+QSMTPPUT: 655,0");
    }

    @Test
    void shouldReportAWrongPasswordWithTheServersReply() throws Exception {
        modem = ModemEmulator.create(EmulatorSettings.builder().personality(Personality.EG25G).build());
        host = HostConsole.connectQuiet(modem);
        expect("AT+QIACT=1", "OK");
        expect("AT+QSMTPCFG=\"smtpserver\",\"127.0.0.1\"," + SMTP.getSmtp().getPort(), "OK");
        expect("AT+QSMTPCFG=\"account\",\"user@example.com\",\"wrong\"", "OK");
        expect("AT+QSMTPCFG=\"sender\",\"Gateway 7\",\"user@example.com\"", "OK");
        expect("AT+QSMTPDST=1,1,\"ops@example.com\"", "OK");
        expect("AT+QSMTPPUT=30", "OK");
        assertThat(host.nextLine(java.time.Duration.ofSeconds(30))).isEqualTo("+QSMTPPUT: 661,535");
    }
}
