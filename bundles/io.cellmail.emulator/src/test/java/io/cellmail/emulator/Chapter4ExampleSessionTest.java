/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The example session of chapter 4 of the GSM SMTP AT manual, replayed command by command against the emulator
 * with its SMTP server routed to a real one (GreenMail): the mail arrives as the module would send it.
 */
class Chapter4ExampleSessionTest {

    private static final Duration GUARD = Duration.ofMillis(50);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("quectel", "test"));

    private final Silence silence = new Silence();
    private ModemEmulator modem;
    private HostConsole host;

    private void startModem() {
        modem = ModemEmulator.create(EmulatorSettings.builder().guardTime(GUARD)
                .smtpRoute("127.0.0.1:" + SMTP.getSmtp().getPort()).build());
        host = HostConsole.connectQuiet(modem);
    }

    @AfterEach
    void stopModem() throws InterruptedException {
        if (host != null) {
            host.close();
        }
        if (modem != null) {
            modem.close();
        }
    }

    @Test
    void shouldReplayTheManualsExampleAndDeliverTheMailToARealSmtpServer() throws Exception {
        startModem();
        byte[] body = "Pump 3 pressure 7.9 bar\r\nsent by the chapter 4 example\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bigfile = bigfile();

        // 4.1 Configure SMTP server
        expect("AT+QSMTPSRV=\"smtp.163.com\",25", "OK");
        expect("AT+QSMTPUSER=\"quectel\"", "OK");
        expect("AT+QSMTPPWD=\"test\"", "OK");
        // 4.2 Configure the information of sender
        expect("AT+QSMTPNAME=\"quectel\"", "OK");
        expect("AT+QSMTPADDR=\"quectel@163.com\"", "OK");
        // 4.3 Add recipients (and the "by the way" delete, then add again so the mail has a recipient)
        expectDeferred("AT+QSMTPDST=1,2,\"colin.hu@quectel.com\"", "+QSMTPDST:0");
        expectDeferred("AT+QSMTPDST=0,2,\"colin.hu@quectel.com\"", "+QSMTPDST:0");
        expectDeferred("AT+QSMTPDST=1,2,\"colin.hu@quectel.com\"", "+QSMTPDST:0");
        // 4.4 Edit the content of the email
        expect("AT+QSMTPSUB=0,\"SMTP TEST\"", "OK");
        assertThat(upload("AT+QSMTPBODY=1,100", body)).isEqualTo("+QSMTPBODY:" + body.length);
        assertThat(upload("AT+QSMTPATT=\"bigfile.txt\"", bigfile)).isEqualTo("+QSMTPATT:20090");
        assertThat(host.command("AT+QSMTPATT?")).containsExactly("+QSMTPATT: 1, \"bigfile.txt\", 20090", "OK");
        // 4.5 Send email
        expect("AT+QIFGCNT=0", "OK");
        expect("AT+QICSGP=1,\"CMNET\"", "OK");
        expect("AT+QSMTPPUT=300", "OK");
        assertThat(host.nextLine(Duration.ofSeconds(30))).isEqualTo("+QSMTPPUT:0");

        MimeMessage received = onlyMailReceived();
        assertThat(received.getFrom()).containsExactly(new InternetAddress("quectel@163.com", "quectel"));
        assertThat(received.getRecipients(Message.RecipientType.CC))
                .containsExactly(new InternetAddress("colin.hu@quectel.com"));
        assertThat(received.getRecipients(Message.RecipientType.TO)).isNull();
        assertThat(received.getSubject()).isEqualTo("SMTP TEST");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("bigfile.txt");
        assertThat(attachment.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(bigfile);
        assertThat(modem.transcript().lines()).noneMatch(line -> line.text().contains("test\""));
    }

    @ParameterizedTest(name = "charset {0}: {1}")
    @CsvSource({
        "1, UTF-8,  Überdruck in Pumpe 3 – sofort prüfen",
        "2, GB2312, 三号泵压力过高",
        "3, Big5,   三號泵壓力過高",
    })
    void shouldDeliverAHexSubjectDecodedInItsCharset(int charset, String javaCharset, String subject)
            throws Exception {
        startModem();
        String hex = HexFormat.of().withUpperCase().formatHex(subject.getBytes(Charset.forName(javaCharset)));

        configureSenderAndServer();
        expectDeferred("AT+QSMTPDST=1,1,\"ops@example.com\"", "+QSMTPDST:0");
        expect("AT+QSMTPSUB=" + charset + ",\"" + hex + "\"", "OK");
        expect("AT+QSMTPPUT=100", "OK");
        assertThat(host.nextLine(Duration.ofSeconds(30))).isEqualTo("+QSMTPPUT:0");

        assertThat(onlyMailReceived().getSubject()).isEqualTo(subject);
    }

    @Test
    void shouldDeliverToABccRecipientWithoutNamingItInAnyHeader() throws Exception {
        GreenMailUser ops = SMTP.setUser("ops@example.com", "ops", "x");
        GreenMailUser auditor = SMTP.setUser("auditor@audit.example.org", "auditor", "x");
        startModem();
        configureSenderAndServer();
        expectDeferred("AT+QSMTPDST=1,1,\"ops@example.com\"", "+QSMTPDST:0");
        expectDeferred("AT+QSMTPDST=1,3,\"auditor@audit.example.org\"", "+QSMTPDST:0");
        expect("AT+QSMTPSUB=0,\"Bcc check\"", "OK");
        expect("AT+QSMTPPUT=100", "OK");
        assertThat(host.nextLine(Duration.ofSeconds(30))).isEqualTo("+QSMTPPUT:0");

        // GreenMail keeps one copy per envelope recipient, in that recipient's inbox.
        assertThat(SMTP.waitForIncomingEmail(5_000, 2)).isTrue();
        assertThat(inbox(auditor)).hasSize(1);
        assertThat(inbox(ops)).hasSize(1);
        for (MimeMessage mail : SMTP.getReceivedMessages()) {
            assertThat(headerText(mail)).contains("ops@example.com").doesNotContain("auditor");
        }
    }

    private void configureSenderAndServer() {
        expect("AT+QSMTPSRV=\"smtp.163.com\",25", "OK");
        expect("AT+QSMTPCFG=1,0", "OK");
        expect("AT+QSMTPADDR=\"gateway@example.com\"", "OK");
    }

    private void expect(String command, String... answer) {
        assertThat(host.command(command)).as(command).containsExactly(answer);
    }

    private void expectDeferred(String command, String result) {
        expect(command, "OK");
        assertThat(host.nextLine()).as(command).isEqualTo(result);
    }

    /** Runs a data-mode command by the book: CONNECT, payload, guard, {@code +++}, guard; returns the result line. */
    private String upload(String command, byte[] payload) {
        assertThat(host.command(command)).as(command).containsExactly("OK");
        assertThat(host.nextLine()).isEqualTo("CONNECT");
        host.write(payload);
        silence.wrote();
        silence.keep(GUARD.multipliedBy(2));
        host.write("+++");
        silence.wrote();
        return host.nextLine(Duration.ofSeconds(5));
    }

    private MimeMessage onlyMailReceived() {
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static java.util.List<?> inbox(GreenMailUser user) throws Exception {
        return SMTP.getManagers().getImapHostManager().getInbox(user).getMessages();
    }

    private static String headerText(MimeMessage mail) throws Exception {
        StringBuilder text = new StringBuilder();
        for (var headers = mail.getAllHeaderLines(); headers.hasMoreElements();) {
            String line = (String) headers.nextElement();
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** 20090 bytes, as the manual's {@code bigfile.txt}. */
    private static byte[] bigfile() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; out.size() < 20090; i++) {
            out.writeBytes(("line " + i + " of the big file\n").getBytes(StandardCharsets.US_ASCII));
        }
        return Arrays.copyOf(out.toByteArray(), 20090);
    }
}
