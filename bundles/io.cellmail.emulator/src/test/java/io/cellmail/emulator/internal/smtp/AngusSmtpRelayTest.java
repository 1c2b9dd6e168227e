/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The relay against a real SMTP server (GreenMail): what arrives is what the module would have sent. */
class AngusSmtpRelayTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL =
            new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    private final AngusSmtpRelay relay = new AngusSmtpRelay();

    @Test
    void shouldSendFromWithSenderNameAndAddressAndUseTheAddressAsEnvelopeSender() throws Exception {
        int result = relay.send(mail().sender("panel@example.org", "Alarm Panel").build(), TIMEOUT);

        assertThat(result).isZero();
        MimeMessage received = single();
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("panel@example.org");
        assertThat(from.getPersonal()).isEqualTo("Alarm Panel");
        assertThat(received.getHeader("Return-Path", null)).contains("panel@example.org");
    }

    @Test
    void shouldEncodeANonAsciiSenderName() throws Exception {
        relay.send(mail().sender("panel@example.org", "Zentrale Süd").build(), TIMEOUT);

        MimeMessage received = single();
        assertThat(received.getHeader("From", null)).startsWith("=?UTF-8?");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Zentrale Süd");
    }

    @Test
    void shouldPutToAndCcRecipientsInTheirHeaders() throws Exception {
        int result = relay.send(mail()
                .recipient(RecipientType.TO, "ops@example.org")
                .recipient(RecipientType.TO, "night@example.org")
                .recipient(RecipientType.CC, "boss@example.org")
                .build(), TIMEOUT);

        assertThat(result).isZero();
        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        assertThat(addresses(received, Message.RecipientType.TO)).containsExactly("ops@example.org", "night@example.org");
        assertThat(addresses(received, Message.RecipientType.CC)).containsExactly("boss@example.org");
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(3);
    }

    @Test
    void shouldDeliverToBccRecipientsWithoutNamingThemInAnyHeader() throws Exception {
        int result = relay.send(mail()
                .recipient(RecipientType.TO, "ops@example.org")
                .recipient(RecipientType.BCC, "auditor@example.org")
                .build(), TIMEOUT);

        assertThat(result).isZero();
        List<MimeMessage> forAuditor = GREEN_MAIL
                .findReceivedMessages(user -> user.getEmail().equals("auditor@example.org"), message -> true)
                .collect(Collectors.toList());
        assertThat(forAuditor).hasSize(1);
        String wholeMessage = GreenMailUtil.getWholeMessage(forAuditor.get(0));
        assertThat(wholeMessage).doesNotContainIgnoringCase("bcc").doesNotContain("auditor@example.org");
        assertThat(forAuditor.get(0).getRecipients(Message.RecipientType.BCC)).isNull();
    }

    @ParameterizedTest(name = "charset {0}: {1}")
    @CsvSource({
            "0, Door open at 03:12, US-ASCII, ",
            "1, Tür offen – Grüße vom Modem ✓, UTF-8, =?utf-8?B?",
            "2, 中文主题：前门已打开, GB2312, =?gb2312?B?",
            "3, 繁體中文主旨：前門已開啟, Big5, =?big5?B?"})
    void shouldDeliverTheSubjectDecodedInItsCharset(int charset, String text, String javaCharset, String encodedWord)
            throws Exception {
        byte[] bytes = text.getBytes(Charset.forName(javaCharset));

        int result = relay.send(mail().subject(charset, bytes).build(), TIMEOUT);

        assertThat(result).isZero();
        MimeMessage received = single();
        assertThat(received.getSubject()).isEqualTo(text);
        String rawSubject = received.getHeader("Subject", null);
        if (encodedWord == null) {
            assertThat(rawSubject).isEqualTo(text);
        } else {
            assertThat(rawSubject).startsWithIgnoringCase(encodedWord);
        }
    }

    @ParameterizedTest(name = "charset {0}")
    @CsvSource({
            "0, us-ascii, US-ASCII, All quiet.",
            "1, utf-8, UTF-8, Bewegung erkannt – Keller ✓",
            "2, gb2312, GB2312, 地下室检测到移动。",
            "3, big5, Big5, 地下室偵測到移動。"})
    void shouldSendTheBodyAsTextPlainInItsCharset(int charset, String mimeName, String javaCharset, String text)
            throws Exception {
        byte[] bytes = text.getBytes(Charset.forName(javaCharset));

        int result = relay.send(mail().body(charset, bytes).build(), TIMEOUT);

        assertThat(result).isZero();
        MimeMessage received = single();
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=" + mimeName);
        assertThat(bytesOf(received)).isEqualTo(bytes);
        assertThat(received.getContent()).isEqualTo(text);
    }

    @Test
    void shouldSendAttachmentsAsBase64PartsWithTheirNamesAndExactBytes() throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] log = "line 1\nline 2\r\n\u0000end".getBytes(StandardCharsets.ISO_8859_1);
        byte[] body = "See attachments.".getBytes(StandardCharsets.US_ASCII);

        int result = relay.send(mail()
                .body(0, body)
                .attachment("snapshot.bin", everyByte)
                .attachment("events.log", log)
                .build(), TIMEOUT);

        assertThat(result).isZero();
        MimeMessage received = single();
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(3);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(bytesOf(parts.getBodyPart(0))).isEqualTo(body);
        assertAttachment(parts.getBodyPart(1), "snapshot.bin", everyByte);
        assertAttachment(parts.getBodyPart(2), "events.log", log);
    }

    @Test
    void shouldAuthenticateWhenAskedAndDeliver() throws Exception {
        GREEN_MAIL.setUser("panel@example.org", "panel", "s3cret");

        int result = relay.send(mail().auth("panel", "s3cret").build(), TIMEOUT);

        assertThat(result).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void shouldReportAuthenticationFailedForAWrongPassword() {
        GREEN_MAIL.setUser("panel@example.org", "panel", "s3cret");

        int result = relay.send(mail().auth("panel", "wrong").build(), TIMEOUT);

        assertThat(result).isEqualTo(-535);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldReportNoRecipientWithoutConnecting() {
        int result = relay.send(mail().buildWithoutRecipients(), TIMEOUT);

        assertThat(result).isEqualTo(-10);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldSendWithTheDefaultTimeoutWhenNoneIsGiven() {
        int result = relay.send(mail().build(), null);

        assertThat(result).isZero();
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    private static TestMails mail() {
        return TestMails.to(GREEN_MAIL.getSmtp().getPort());
    }

    private static MimeMessage single() {
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static List<String> addresses(MimeMessage message, Message.RecipientType type) throws Exception {
        return Arrays.stream(message.getRecipients(type))
                .map(address -> ((InternetAddress) address).getAddress())
                .collect(Collectors.toList());
    }

    private static void assertAttachment(Part part, String name, byte[] content) throws Exception {
        assertThat(part.getFileName()).isEqualTo(name);
        assertThat(part.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(part.getHeader("Content-Transfer-Encoding")).containsExactly("base64");
        assertThat(bytesOf(part)).isEqualTo(content);
    }

    private static byte[] bytesOf(Part part) throws Exception {
        try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
