/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.cellmail.api.MailCharset;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.Recipient;
import io.cellmail.api.RecipientType;
import io.cellmail.service.spi.SenderIdentity;

class MessageRulesTest {

    private static MailMessage.Builder mail() {
        return MailMessage.builder().to("ops@example.com").subject("Alarm").body("Pressure high");
    }

    @Test
    void shouldPrepareRecipientsSubjectBodyAndAttachmentsAsTheCommandsTakeThem() {
        PreparedMail prepared = MessageRules.prepare(mail().cc("boss@example.com").bcc("audit@example.org")
                .attach("log.csv", new byte[] {1, 2, 3}).build());

        assertThat(prepared.recipients()).extracting(Recipient::type)
                .containsExactly(RecipientType.TO, RecipientType.CC, RecipientType.BCC);
        assertThat(prepared.subject()).isEqualTo(new EncodedSubject(0, "Alarm"));
        assertThat(prepared.bodyCharset()).isEqualTo(MailCharset.ASCII.code());
        assertThat(prepared.body().bytes()).isEqualTo("Pressure high".getBytes(StandardCharsets.US_ASCII));
        assertThat(prepared.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("log.csv");
            assertThat(a.content().bytes()).containsExactly(1, 2, 3);
        });
        assertThat(prepared.payloadBytes()).isEqualTo(13 + 3);
    }

    @Test
    void shouldTakeTwentyRecipients() {
        MailMessage.Builder builder = MailMessage.builder();
        for (int i = 0; i < 20; i++) {
            builder.to("r" + i + "@example.com");
        }
        assertThat(MessageRules.prepare(builder.build()).recipients()).hasSize(20);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ops\"@example.com", "ops@example.com\r\nAT+QSMTPCLR", "ops@example.com;AT", "ops",
        "ops @example.com", "ops@example.com\u0000"})
    void shouldRefuseARecipientThatCannotBeSentSafely(String address) {
        assertInvalid(() -> MessageRules.prepare(mail().cc(address).build()), "recipients", "recipient 1");
    }

    @Test
    void shouldCheckTheSenderAMailNames() {
        assertInvalid(() -> MessageRules.prepare(mail().senderAddress("gw\"@example.com").build()),
                "senderAddress", "index 2");
        assertInvalid(() -> MessageRules.prepare(mail().senderName("Gateway\r\nAT+QSMTPCLR").build()),
                "senderName", "U+000D");
        assertInvalid(() -> MessageRules.prepare(mail().senderName("Gerät 7").build()), "senderName", "U+00E4");
        assertThat(MessageRules.prepare(mail().senderName("Gateway 7, north").build())).isNotNull();
    }

    @Test
    void shouldCheckTheSenderOfASend() {
        MessageRules.checkSender(new SenderIdentity("gw@example.com", "Gateway"));
        assertInvalid(() -> MessageRules.checkSender(new SenderIdentity("gw@example.com", "\"")), "senderName", "'\"'");
        assertInvalid(() -> MessageRules.checkSender(new SenderIdentity("gw", "")), "senderAddress", "local@domain");
    }

    @Test
    void shouldTakeABodyOfTenKilobytesButNotOneByteMore() {
        assertThat(MessageRules.prepare(mail().body("x".repeat(10_240)).build()).body().size()).isEqualTo(10_240);
        assertInvalid(() -> MessageRules.prepare(mail().body("x".repeat(10_241)).build()), "body", "10241 bytes");
    }

    @Test
    void shouldCountTheBodyWithCrLfLineEnds() {
        String lines = ("x".repeat(1023) + "\n").repeat(10);
        assertThat(lines).hasSize(10_240);

        assertInvalid(() -> MessageRules.prepare(mail().body(lines).build()), "body", "10250 bytes");
        assertThat(MessageRules.prepare(mail().body(lines.replace("x\n", "\n")).build()).body().bytes())
                .hasSize(10_240).startsWith('x').endsWith('\r', '\n');
    }

    @Test
    void shouldCountTheBodyInEncodedBytes() {
        String utf8 = "ü".repeat(5_120);
        assertThat(MessageRules.prepare(mail().body(utf8).build()).body().size()).isEqualTo(10_240);
        assertInvalid(() -> MessageRules.prepare(mail().body(utf8 + "x").build()), "body", "10241 bytes in UTF_8");
    }

    @Test
    void shouldRefuseABodyTheCharsetCannotHold() {
        assertInvalid(() -> MessageRules.prepare(mail().charset(MailCharset.GB2312).body("三號").build()), "body",
                "cannot be encoded in GB2312");
    }

    @Test
    void shouldTakeTenAttachmentsOf100KilobytesTogetherButNoMore() {
        MailMessage.Builder builder = mail();
        for (int i = 0; i < 10; i++) {
            builder.attach("part" + i + ".bin", new byte[10_240]);
        }
        assertThat(MessageRules.prepare(builder.build()).attachments()).hasSize(10);

        assertInvalid(() -> MessageRules.prepare(builder.attach("eleven.bin", new byte[0]).build()),
                "attachments", "11 attachments");
        assertInvalid(() -> MessageRules.prepare(mail().attach("a.bin", new byte[60_000])
                .attach("b.bin", new byte[42_401]).build()), "attachments", "102401 bytes");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"re\"port.csv", "../etc/passwd", "dir/report.csv", "dir\\report.csv", "a;AT+QSMTPCLR",
        "report\r\n.csv", " ", "", "..", "résumé.pdf"})
    void shouldRefuseAttachmentNamesThatAreNotPlainSafeFileNames(String name) {
        assertInvalid(() -> MessageRules.prepare(mail().attach(name, new byte[1]).build()), "attachments",
                "attachment 0");
    }

    @Test
    void shouldRefuseAnAttachmentNameLongerThan64Characters() {
        assertThat(MessageRules.prepare(mail().attach("x".repeat(64), new byte[1]).build())).isNotNull();
        assertInvalid(() -> MessageRules.prepare(mail().attach("x".repeat(65), new byte[1]).build()),
                "attachments", "longer than 64");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"+++", "a+++b", "+++ at the start", "at the end +++", "++++++", "ends with +"})
    void shouldTakePlusSignsOnAGuardTimeModemButKnowALenientOneWouldCutThem(String body) {
        PreparedMail prepared = MessageRules.prepare(mail().body(body).attach("x.txt", bytes(body)).build());

        assertThat(MessageRules.holdsEscape(prepared)).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"+++", "a+++b", "+++ at the start", "at the end +++", "++++++", "ends with +",
        "ends with ++"})
    void shouldRefuseAPayloadALenientModemWouldCutShort(String payload) {
        assertInvalid(() -> MessageRules.refuseEscapes(MessageRules.prepare(mail().body(payload).build())), "body",
                "escapeMode lenient");
        assertInvalid(() -> MessageRules.refuseEscapes(MessageRules.prepare(mail().attach("x.txt", bytes(payload))
                .build())), "attachments", "attachment 0 (x.txt)");
    }

    @Test
    void shouldTakeSinglePlusSignsOnALenientModem() {
        PreparedMail prepared = MessageRules.prepare(mail().body("c++ and +1 and ++x; 1+1")
                .attach("a.txt", bytes("+a++b")).build());

        assertThat(MessageRules.holdsEscape(prepared)).isFalse();
        MessageRules.refuseEscapes(prepared);
    }

    @Test
    void shouldGiveEqualPayloadsEqualFingerprintsAndOtherPayloadsOtherOnes() {
        PreparedMail a = MessageRules.prepare(mail().attach("a.bin", new byte[] {1}).build());
        PreparedMail b = MessageRules.prepare(mail().attach("a.bin", new byte[] {1}).build());
        PreparedMail renamed = MessageRules.prepare(mail().attach("b.bin", new byte[] {1}).build());
        PreparedMail utf8 = MessageRules.prepare(mail().charset(MailCharset.UTF_8).build());

        assertThat(a.attachments().get(0).content().fingerprint())
                .isEqualTo(b.attachments().get(0).content().fingerprint())
                .isNotEqualTo(renamed.attachments().get(0).content().fingerprint());
        assertThat(a.body().fingerprint()).as("same bytes, other charset").isNotEqualTo(utf8.body().fingerprint());
    }

    private static byte[] bytes(String text) {
        return Arrays.copyOf(text.getBytes(StandardCharsets.US_ASCII), text.length());
    }

    private static void assertInvalid(ThrowingCallable call, String field, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
            assertThat(e.field()).hasValue(field);
        }).hasMessageContaining(detail);
    }
}
