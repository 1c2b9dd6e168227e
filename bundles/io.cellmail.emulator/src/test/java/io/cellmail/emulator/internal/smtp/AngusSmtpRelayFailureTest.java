/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.smtp;

import static io.cellmail.emulator.internal.smtp.ScriptedSmtpServer.CLOSE;
import static io.cellmail.emulator.internal.smtp.ScriptedSmtpServer.SILENT;
import static io.cellmail.emulator.internal.smtp.ScriptedSmtpServer.TRICKLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The relay's result codes when the network or the server says no, as chapter 3 of the spec lists them. */
class AngusSmtpRelayFailureTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(800);

    private final AngusSmtpRelay relay = new AngusSmtpRelay();

    static Stream<Arguments> serverReplies() {
        return Stream.of(
                Arguments.of("greeting refused", Map.of("GREETING", "421 try later"), -421),
                Arguments.of("greeting 554", Map.of("GREETING", "554 no service"), -554),
                Arguments.of("sender refused", Map.of("MAIL", "553 sender not allowed"), -553),
                Arguments.of("sender 451", Map.of("MAIL", "451 local error"), -451),
                Arguments.of("recipient refused", Map.of("RCPT", "550 5.1.1 no such mailbox"), -550),
                Arguments.of("recipient not local", Map.of("RCPT", "551 try elsewhere"), -551),
                Arguments.of("recipient mailbox busy", Map.of("RCPT", "450 mailbox busy"), -450),
                Arguments.of("access denied", Map.of("MAIL", "530 authentication required"), -530),
                Arguments.of("DATA refused", Map.of("DATA", "503 bad sequence"), -503),
                Arguments.of("message too big", Map.of("END_OF_DATA", "552 too big"), -552),
                Arguments.of("transaction failed", Map.of("END_OF_DATA", "554 spam"), -554),
                Arguments.of("reply the spec does not list", Map.of("END_OF_DATA", "556 domain refuses mail"), -11),
                Arguments.of("closed after greeting", Map.of("EHLO", CLOSE), -7),
                Arguments.of("closed after MAIL", Map.of("MAIL", CLOSE), -7),
                Arguments.of("closed after RCPT", Map.of("RCPT", CLOSE), -7),
                Arguments.of("closed instead of greeting", Map.of("GREETING", CLOSE), -7),
                Arguments.of("closed after the data", Map.of("END_OF_DATA", CLOSE), -7));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("serverReplies")
    void shouldReportTheServerReplyAsTheSpecCode(String situation, Map<String, String> script, int expected)
            throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(script)) {
            int result = relay.send(TestMails.to(server.port()).build(), TIMEOUT);

            assertThat(result).isEqualTo(expected);
        }
    }

    @Test
    void shouldFailTheWholeSendWhenOneOfSeveralRecipientsIsRefused() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of("RCPT", "550 no such mailbox"))) {
            int result = relay.send(TestMails.to(server.port())
                    .recipient(RecipientType.TO, "ops@example.org")
                    .recipient(RecipientType.BCC, "gone@example.org")
                    .build(), TIMEOUT);

            assertThat(result).isEqualTo(-550);
            assertThat(server.commands()).noneMatch(command -> command.equals("DATA"));
        }
    }

    @Test
    void shouldReportAuthenticationFailedWhenTheServerRefusesTheCredentials() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of(
                "EHLO", "250-scripted\r\n250 AUTH LOGIN PLAIN",
                "AUTH", "535 5.7.8 bad credentials"))) {
            int result = relay.send(TestMails.to(server.port()).auth("panel", "wrong").build(), TIMEOUT);

            assertThat(result).isEqualTo(-535);
        }
    }

    @Test
    void shouldReportUnsupportedAuthenticationWhenTheServerOffersNoMechanismTheModuleKnows() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of(
                "EHLO", "250-scripted\r\n250 AUTH CRAM-MD5 GSSAPI"))) {
            int result = relay.send(TestMails.to(server.port()).auth("panel", "secret").build(), TIMEOUT);

            assertThat(result).isEqualTo(-6);
            assertThat(server.commands()).noneMatch(command -> command.startsWith("MAIL"));
        }
    }

    @Test
    void shouldSendWithoutAuthenticationWhenAskedButTheServerOffersNone() throws Exception {
        // A choice, not a known module trait: AT+QSMTPCFG=1,1 is the factory default, and test servers without
        // AUTH should still take mail.
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of())) {
            int result = relay.send(TestMails.to(server.port()).auth("panel", "secret").build(), TIMEOUT);

            assertThat(result).isZero();
            assertThat(server.commands()).noneMatch(command -> command.startsWith("AUTH"));
        }
    }

    @Test
    void shouldNotAuthenticateUnlessAsked() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of(
                "EHLO", "250-scripted\r\n250 AUTH LOGIN PLAIN"))) {
            int result = relay.send(TestMails.to(server.port()).build(), TIMEOUT);

            assertThat(result).isZero();
            assertThat(server.commands()).noneMatch(command -> command.startsWith("AUTH"));
        }
    }

    @Test
    void shouldReportNetworkErrorWhenNothingListens() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        int result = relay.send(TestMails.to(port).build(), TIMEOUT);

        assertThat(result).isEqualTo(-5);
    }

    @Test
    void shouldReportDnsFailureForAnUnknownHost() {
        int result = relay.send(TestMails.to(25).host("no-such-host.invalid").build(), TIMEOUT);

        assertThat(result).isEqualTo(-4);
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldReportTimeoutWhenTheServerAcceptsButNeverAnswers() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of("GREETING", SILENT))) {
            long start = System.nanoTime();

            int result = relay.send(TestMails.to(server.port()).build(), SHORT_TIMEOUT);

            assertThat(result).isEqualTo(-9);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldReportTimeoutWhenTheWholeSendOutlastsTheTimeoutThoughTheServerKeepsTalking() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of("EHLO", TRICKLE))) {
            long start = System.nanoTime();

            int result = relay.send(TestMails.to(server.port()).build(), SHORT_TIMEOUT);

            assertThat(result).isEqualTo(-9);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void shouldSendEveryRecipientInTheEnvelopeAndTheSenderAsMailFrom() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start(Map.of())) {
            int result = relay.send(TestMails.to(server.port())
                    .sender("panel@example.org", "Panel")
                    .recipient(RecipientType.TO, "a@example.org")
                    .recipient(RecipientType.CC, "b@example.org")
                    .recipient(RecipientType.BCC, "c@example.org")
                    .build(), TIMEOUT);

            assertThat(result).isZero();
            assertThat(server.commands()).contains("MAIL FROM:<panel@example.org>",
                    "RCPT TO:<a@example.org>", "RCPT TO:<b@example.org>", "RCPT TO:<c@example.org>");
        }
    }
}
