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
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings.EscapeMode;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

import jakarta.mail.internet.MimeMessage;

/**
 * The {@code +++} policy under both escape rules of the emulator. A modem that honours the guard time (the
 * default, like real modules) takes {@code +++} inside a payload as data, because the AT engine writes a payload
 * in one go; a lenient modem ends the upload at any {@code +++}, so there the driver refuses such payloads before
 * any AT traffic, naming the field.
 */
class PlusEscapePolicyTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final String BODY = "+++ at the start, a+++b in the middle, ++++++ twice, and at the end +++";
    private static final byte[] ATTACHMENT = "+++ATH\r\n+++\r\nAT+QSMTPCLR\r\n+++".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path outbox;

    private ModemBench bench;

    @AfterEach
    void stopBench() throws Exception {
        bench.close();
    }

    @Test
    void shouldDeliverPlusSignsIntactThroughAGuardTimeModem() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        MailService service = bench.service(outbox, new RecordedEvents());

        service.send(MailMessage.builder().to("ops@example.com").subject("+++").body(BODY)
                .attach("plus.txt", ATTACHMENT).build()).toCompletableFuture().get(30, TimeUnit.SECONDS);

        MimeMessage received = GreenMailInbox.only(SMTP);
        assertThat(received.getSubject()).isEqualTo("+++");
        assertThat(GreenMailInbox.text(received)).isEqualTo(BODY);
        assertThat(GreenMailInbox.bytes(GreenMailInbox.attachments(received).get(0))).isEqualTo(ATTACHMENT);
        assertThat(bench.commands()).noneMatch(c -> c.contains("QSMTPCLR")).noneMatch(c -> c.contains("ATH"));
    }

    @Test
    void shouldRefusePayloadsWithPlusSignsALenientModemWouldCutShortBeforeAnyAtTraffic() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.lenientEscape(true));
        MailService service = bench.service(bench.settings().escapeMode(EscapeMode.LENIENT).build(), outbox, new RecordedEvents());
        ModemBench.awaitRadioKnown(service);

        List<String> commands = bench.commandsDuring(() -> {
            assertRefused(() -> service.send(mail().body("a+++b").build()), "body");
            assertRefused(() -> service.send(mail().body("ends with +").build()), "body");
            assertRefused(() -> service.send(mail().attach("plus.txt", ATTACHMENT).build()), "attachments");
        });

        assertThat(commands).isEmpty();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldDeliverSinglePlusSignsIntactThroughALenientModem() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.lenientEscape(true));
        MailService service = bench.service(bench.settings().escapeMode(EscapeMode.LENIENT).build(), outbox, new RecordedEvents());
        String body = "1+1=2, c++, ++i, +49 30 1234";

        service.send(mail().body(body).attach("a.txt", "+a++b".getBytes(StandardCharsets.US_ASCII)).build())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);

        MimeMessage received = GreenMailInbox.only(SMTP);
        assertThat(GreenMailInbox.text(received)).isEqualTo(body);
        assertThat(GreenMailInbox.bytes(GreenMailInbox.attachments(received).get(0)))
                .isEqualTo("+a++b".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void shouldShowWhyThePolicyExistsALenientModemCutsAPayloadAtPlusSigns() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort(), e -> e.lenientEscape(true));
        // misconfigured on purpose: the driver believes the modem honours the guard time
        ModemMailer mailer = bench.mailer(bench.settings().escapeMode(EscapeMode.GUARDED).build());
        ModemBench.awaitRadioKnown(mailer);

        assertThatThrownBy(() -> mailer.send(mail().body("a+++b").build(),
                new SenderIdentity(ModemBench.SENDER, ""), Duration.ofSeconds(10)))
                .isInstanceOf(MailException.class)
                .hasMessageContaining("+QSMTPBODY").hasMessageContaining("modem took 1 bytes, 5 were sent");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    private static MailMessage.Builder mail() {
        return MailMessage.builder().to("ops@example.com").subject("plus");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable send, String field) {
        assertThatThrownBy(send).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
            assertThat(e.field()).hasValue(field);
        }).hasMessageContaining("escapeMode lenient");
    }
}
