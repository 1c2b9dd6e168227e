/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;
import io.cellmail.at.Transcript;
import io.cellmail.at.UploadOptions;
import io.cellmail.at.UploadResult;
import io.cellmail.emulator.TranscriptLine;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A whole mail driven through the engine — SMTP settings, recipient, subject, a body upload in data mode, the send
 * with its deferred result — delivered by the emulator to a real SMTP server (GreenMail); the {@code +++} rules of
 * body uploads; the password kept out of both transcripts.
 */
class MailSessionScenarioTest extends ScenarioSupport {

    private static final String PASSWORD = "s3cret-Pa55";
    private static final AtCommand BODY = AtCommand.of("AT+QSMTPBODY=1,100");
    private static final UploadOptions BODY_RESULT = UploadOptions.expectResult("+QSMTPBODY:")
            .withResultTimeout(Duration.ofSeconds(2));
    /**
     * A body with {@code +++} inside, written in one go: data, not the end of data mode. No line end at the end:
     * SMTP cannot carry a trailing CR LF apart from the one before the final dot, so it would not come back.
     */
    private static final byte[] BODY_WITH_ESCAPE = ("Pump 3 pressure 7.9 bar +++ check valve V2\r\n"
            + "and restart the pump at once").getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("gateway", PASSWORD));

    @Test
    void shouldDeliverAMailThroughAFullSmtpSessionDrivenByTheEngine() throws Exception {
        startRoutedModem();
        startEngine();

        configureServerAndSender();
        AtResponse server = send(AtCommand.of("AT+QSMTPSRV?").expecting("+QSMTPSRV:")
                .infoMayFollowOk(Duration.ofMillis(300)));
        assertThat(server.firstInfo("+QSMTPSRV:").orElseThrow().stringField(0)).isEqualTo("smtp.example.com");
        addRecipient("ops@example.com");
        ok("AT+QSMTPSUB=0,\"Pump 3 alarm\"");
        UploadResult body = result(engine.upload(BODY, BODY_WITH_ESCAPE, BODY_RESULT));
        int sent = sendMail();

        assertThat(body.reportedLength()).isEqualTo(BODY_WITH_ESCAPE.length);
        assertThat(sent).isZero();
        MimeMessage mail = onlyMailReceived();
        assertThat(mail.getFrom()).containsExactly(new InternetAddress("gateway@example.com", "Gateway 7"));
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress("ops@example.com"));
        assertThat(mail.getSubject()).isEqualTo("Pump 3 alarm");
        assertThat(mail.getInputStream().readAllBytes()).as("the body, +++ and all").isEqualTo(BODY_WITH_ESCAPE);
    }

    @Test
    void shouldReportAnUploadMismatchWhenALenientModemTakesTheMiddlePlusesForTheEscape() throws Exception {
        // A lenient module ends data mode at any +++: it keeps what came before and reads the rest as command
        // input. The engine's length check catches the short body; the rest of the body ("... at once", no line
        // end) waits in the module's command line and would turn the next command into "...at onceATI" (ERROR),
        // so the engine resynchronises first.
        startModem(emulatorSettings().lenientEscape(true).build());
        startEngine();
        int before = new String(BODY_WITH_ESCAPE, StandardCharsets.UTF_8).indexOf("+++");

        AtException failure = failure(engine.upload(BODY, BODY_WITH_ESCAPE, BODY_RESULT));

        assertThat(failure.kind()).isEqualTo(AtException.Kind.UPLOAD_MISMATCH);
        assertThat(failure.code()).hasValue(before);
        assertThat(failure.isModemReported()).isTrue();
        assertThat(engine.counters().errors()).isEqualTo(1);
        assertIdentityAnswersCleanly();
        assertThat(engine.counters().resyncs()).isEqualTo(1);
        assertThat(engine.epoch()).isEqualTo(1);
    }

    @Test
    void shouldKeepThePasswordOutOfBothTranscripts() throws Exception {
        startRoutedModem();
        startEngine();

        configureServerAndSender();

        Transcript engineSide = engine.transcript();
        assertThat(engineSide.entries()).extracting(Transcript.Entry::text)
                .contains("AT+QSMTPPWD=\"****\"\\r")
                .noneMatch(text -> text.contains(PASSWORD));
        List<TranscriptLine> modemSide = modem.transcript().lines();
        assertThat(modemSide).extracting(TranscriptLine::text)
                .contains("AT+QSMTPPWD=\"****\"")
                .noneMatch(text -> text.contains(PASSWORD));
        assertThat(modem.transcript().commands()).contains("AT+QSMTPPWD=\"****\"");
    }

    private void startRoutedModem() {
        startModem(emulatorSettings().smtpRoute("127.0.0.1:" + SMTP.getSmtp().getPort()).build());
    }

    private void configureServerAndSender() throws Exception {
        ok("AT+QSMTPSRV=\"smtp.example.com\",25");
        ok("AT+QSMTPUSER=\"gateway\"");
        assertThat(send(AtCommand.of("AT+QSMTPPWD=\"" + PASSWORD + "\"").maskingParameter(0)).isOk()).isTrue();
        ok("AT+QSMTPCFG=1,0");
        ok("AT+QSMTPADDR=\"gateway@example.com\"");
        ok("AT+QSMTPNAME=\"Gateway 7\"");
    }

    private void addRecipient(String address) throws Exception {
        AtResponse added = send(AtCommand.of("AT+QSMTPDST=1,1,\"" + address + "\"")
                .deferredResult("+QSMTPDST:", Duration.ofSeconds(2)));
        assertThat(added.deferredResult()).map(InfoLine::text).hasValue("0");
    }

    /** @return the result of {@code AT+QSMTPPUT}: 0 or a negative error */
    private int sendMail() throws Exception {
        AtResponse put = send(AtCommand.of("AT+QSMTPPUT=100").deferredResult("+QSMTPPUT:", Duration.ofSeconds(4)));
        return put.deferredResult().orElseThrow().intField(0);
    }

    private void ok(String command) throws Exception {
        assertThat(send(AtCommand.of(command)).isOk()).as(command).isTrue();
    }

    private static MimeMessage onlyMailReceived() {
        assertThat(SMTP.waitForIncomingEmail(WAIT.toMillis(), 1)).isTrue();
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }
}
