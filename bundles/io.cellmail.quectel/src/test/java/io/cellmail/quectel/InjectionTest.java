/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings;

/**
 * Hostile text in every place a caller controls. Whatever it holds, the module receives exactly the expected
 * command lines: a subject with unsafe characters goes out hex-encoded and arrives as written; addresses, names
 * and file names that cannot be sent safely are refused before any AT traffic.
 */
class InjectionTest {

    /** One server, module and service for the whole class: every case also shows the module stays usable. */
    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail().withPerMethodLifecycle(false);

    private static final String CLEAR = "AT+QSMTPCLR";

    @TempDir
    static Path outbox;

    private static ModemBench bench;
    private static MailService service;

    @BeforeAll
    static void startWithOneMailSent() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        service = bench.service(outbox, new RecordedEvents());
        deliver(mail().subject("warm-up").build());
    }

    @AfterEach
    void neverClear() {
        assertThat(bench.commands()).noneMatch(c -> c.contains(CLEAR));
    }

    @AfterAll
    static void stopBench() throws Exception {
        bench.close();
    }

    private static MailMessage.Builder mail() {
        return MailMessage.builder().to("ops@example.com").body("7.9 bar");
    }

    private static void deliver(MailMessage message) throws Exception {
        service.send(message).toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "Say \"hi\"",
        "\";AT+QSMTPCLR;\"",
        "x\",\"y",
        "a;AT+QSMTPCLR",
        "\\22;AT+QSMTPCLR",
        "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
        ";;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;",
    })
    void shouldSendASubjectWithUnsafeCharactersAsHexAndDeliverItAsWritten(String subject) throws Exception {
        String hex = HexFormat.of().withUpperCase().formatHex(subject.getBytes(StandardCharsets.UTF_8));

        List<String> commands = bench.commandsDuring(() -> sendQuietly(mail().subject(subject).build()));

        assertThat(commands).containsExactly("AT+QSMTPSRV?", "AT+QSMTPSUB=1,\"" + hex + "\"", "AT+QSMTPBODY=0,6",
                "AT+QSMTPPUT=100");
        assertThat(lastSubject()).isEqualTo(subject);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Alarm\r\nAT+QSMTPCLR", "Alarm\rAT+QSMTPCLR\r", "Alarm\nAT+QSMTPCLR", "Alarm\u0000",
        "\u001a\u001b+++", "Alarm\tx"})
    void shouldRefuseASubjectWithControlCharactersBeforeAnyAtTraffic(String subject) {
        assertRefusedWithoutTraffic(mail().subject(subject), "subject");
    }

    @Test
    void shouldRefuseAnOverlongRunBeforeAnyAtTraffic() {
        assertRefusedWithoutTraffic(mail().subject("\"".repeat(101)), "subject");
        assertRefusedWithoutTraffic(mail().subject("A".repeat(101)), "subject");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"ops@example.com\"\r\nAT+QSMTPCLR\r\n\"", "ops@example.com\";AT+QSMTPCLR;\"",
        "ops@example.com\",\"x", "\"@example.com", "ops@example.com\u0000", "ops@example.com;AT+QSMTPCLR"})
    void shouldRefuseHostileRecipientsBeforeAnyAtTraffic(String address) {
        assertRefusedWithoutTraffic(MailMessage.builder().to("ops@example.com").bcc(address).subject("x"),
                "recipients");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Gateway\"\r\nAT+QSMTPCLR\r\n\"", "Gateway\";AT+QSMTPCLR;\"", "Gate\"way", "Gateway\u0000",
        "Gateway;AT+QSMTPCLR", "Gerät"})
    void shouldRefuseHostileSenderNamesBeforeAnyAtTraffic(String name) {
        assertRefusedWithoutTraffic(mail().senderName(name).subject("x"), "senderName");
    }

    @Test
    void shouldRefuseAHostileSenderAddressBeforeAnyAtTraffic() {
        assertRefusedWithoutTraffic(mail().senderAddress("gw@example.com\";AT+QSMTPCLR;\"").subject("x"),
                "senderAddress");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"log.csv\",1,1\r\nAT+QSMTPCLR\r\n", "log\".csv", "log.csv;AT+QSMTPCLR", "../log.csv",
        "log\u0000.csv"})
    void shouldRefuseHostileAttachmentNamesBeforeAnyAtTraffic(String name) {
        assertRefusedWithoutTraffic(mail().subject("x").attach(name, new byte[] {1}), "attachments");
    }

    @Test
    void shouldRefuseToCreateAMailerWhoseSettingsWouldInjectCommands() {
        List<UnaryOperator<MailerSettings.Builder>> hostile = List.of(
                b -> b.authentication("gw\";AT+QSMTPCLR;\"", "x"),
                b -> b.authentication("gw", "pw\"\r\nAT+QSMTPCLR\r\n\""),
                b -> b.apn("internet\";AT+QSMTPCLR;\"", "", ""),
                b -> b.smtp("smtp.example.com\";AT+QSMTPCLR;\"", 25),
                b -> b.sender("gw@example.com", "Gateway\r\nAT+QSMTPCLR"));
        int before = bench.commands().size();

        for (UnaryOperator<MailerSettings.Builder> edit : hostile) {
            MailerSettings settings = edit.apply(bench.settings()).build();
            assertThatThrownBy(() -> bench.factory().create(settings)).isInstanceOfSatisfying(MailException.class,
                    e -> assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_PARAMETER));
        }
        assertThat(bench.commands()).hasSize(before);
    }

    @Test
    void shouldStillHoldTheAccountAfterHostileMailsSoNoClearEverReachedTheModule() throws Exception {
        assertRefusedWithoutTraffic(mail().subject("x\r\n" + CLEAR), "subject");
        sendQuietly(mail().subject("\";" + CLEAR + ";\"").build());

        List<String> commands = bench.commandsDuring(() -> sendQuietly(mail().subject("after").build()));

        // AT+QSMTPSRV? checks that the module still holds the server; it does, so nothing else is set again
        assertThat(commands).containsExactly("AT+QSMTPSRV?", "AT+QSMTPSUB=0,\"after\"", "AT+QSMTPBODY=0,6",
                "AT+QSMTPPUT=100");
        assertThat(lastSubject()).isEqualTo("after");
    }

    /** @return the subject of the mail received last; the service completes a send only after the server took it */
    private static String lastSubject() throws Exception {
        List<String> subjects = GreenMailInbox.subjects(SMTP);
        return subjects.get(subjects.size() - 1);
    }

    private static void sendQuietly(MailMessage message) {
        try {
            deliver(message);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertRefusedWithoutTraffic(MailMessage.Builder message, String field) {
        List<String> commands = bench.commandsDuring(() -> assertThatThrownBy(() -> service.send(message.build()))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE);
                    assertThat(e.field()).hasValue(field);
                }));
        assertThat(commands).isEmpty();
    }
}
