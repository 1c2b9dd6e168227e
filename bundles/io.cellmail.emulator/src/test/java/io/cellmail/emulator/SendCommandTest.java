/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cellmail.emulator.internal.smtp.OutgoingMail;
import io.cellmail.emulator.internal.smtp.OutgoingMail.Recipient;
import io.cellmail.emulator.internal.smtp.OutgoingMail.RecipientType;

/** Spec 2.2.13: {@code AT+QSMTPPUT}, the mail it hands to the SMTP relay, and the module while it sends. */
class SendCommandTest extends ModemTestSupport {

    @Override
    protected EmulatorSettings settings() {
        return EmulatorSettings.builder().lenientEscape(true).build();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPPUT=?       | +QSMTPPUT: (100-48000) ~ OK
            AT+QSMTPPUT?        | ERROR
            AT+QSMTPPUT=99      | ERROR
            AT+QSMTPPUT=48001   | ERROR
            AT+QSMTPPUT=ten     | ERROR
            AT+QSMTPPUT="300"   | ERROR
            AT+QSMTPPUT=300,1   | ERROR
            AT+QSMTPPUT=100     | OK ~ +QSMTPPUT:0
            AT+QSMTPPUT=48000   | OK ~ +QSMTPPUT:0
            AT+QSMTPPUT         | OK ~ +QSMTPPUT:0
            """)
    void shouldAnswerEveryFormAsTheSpecSays(String command, String answer) {
        configureSendableMail();
        expect(command, answer);
    }

    @Test
    void shouldRefuseToSendWithoutRecipientWithMinus10() {
        ok("AT+QSMTPSRV=\"smtp.163.com\",25");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:-10");
        assertThat(relay.mails).isEmpty();
    }

    @Test
    void shouldRefuseToSendWithoutServerWithMinus15() {
        expect("AT+QSMTPDST=1,1,\"to@example.com\"", "OK ~ +QSMTPDST:0");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:-15");
        assertThat(relay.mails).isEmpty();
    }

    @Test
    void shouldReportTheRelaysResult() {
        configureSendableMail();
        relay.answering(-550);
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT:-550");
    }

    @Test
    void shouldHandTheRelayEverythingTheModuleHolds() {
        configureSendableMail();
        expect("AT+QSMTPDST=1,3,\"bcc@example.com\"", "OK ~ +QSMTPDST:0");
        ok("AT+QSMTPSUB=1,\"e4bda0e5a5bd\"");
        expect("AT+QSMTPBODY=1", "OK ~ CONNECT");
        host.write("body text+++");
        host.expectLines("+QSMTPBODY:9");
        expect("AT+QSMTPATT=\"log.txt\"", "OK ~ CONNECT");
        host.write("log+++");
        host.expectLines("+QSMTPATT:3");

        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT:0");

        OutgoingMail mail = relay.mails.get(0);
        assertThat(mail.serverHost()).isEqualTo("smtp.163.com");
        assertThat(mail.serverPort()).isEqualTo(25);
        assertThat(mail.authenticate()).isTrue();
        assertThat(mail.user()).isEqualTo("quectel");
        assertThat(mail.password()).isEqualTo("test");
        assertThat(mail.senderAddress()).isEqualTo("quectel@163.com");
        assertThat(mail.senderName()).isEqualTo("quectel");
        assertThat(mail.recipients()).containsExactly(new Recipient(RecipientType.TO, "colin.hu@quectel.com"),
                new Recipient(RecipientType.BCC, "bcc@example.com"));
        assertThat(mail.subjectCharset()).isEqualTo(1);
        assertThat(new String(mail.subject(), StandardCharsets.UTF_8)).isEqualTo("你好");
        assertThat(mail.bodyCharset()).isEqualTo(1);
        assertThat(mail.body()).asString(StandardCharsets.UTF_8).isEqualTo("body text");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("log.txt");
            assertThat(a.content()).asString(StandardCharsets.US_ASCII).isEqualTo("log");
        });
        assertThat(relay.timeouts).containsExactly(Optional.of(Duration.ofMinutes(5)));
    }

    @Test
    void shouldSendWithoutTimeRestrictionWhenNoTimeoutIsGiven() {
        configureSendableMail();
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        assertThat(relay.timeouts).containsExactly(Optional.empty());
    }

    @Test
    void shouldKeepTheMailForAnotherPut() {
        configureSendableMail();
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");
        assertThat(relay.mails).hasSize(2);
    }

    @ParameterizedTest(name = "while sending: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT                              | OK
            AT+CSQ                          | +CSQ: 20,0 ~ OK
            AT+QSMTPUSER="other"            | ERROR
            AT+QSMTPPWD="other"             | ERROR
            AT+QSMTPADDR="other@163.com"    | ERROR
            AT+QSMTPNAME="other"            | ERROR
            AT+QSMTPSRV="other.com",25      | ERROR
            AT+QSMTPSUB=0,"other"           | ERROR
            AT+QSMTPBODY=0                  | ERROR
            AT+QSMTPATT="other.txt"         | ERROR
            AT+QSMTPCFG=1,0                 | ERROR
            AT+QSMTPCFG=1                   | +QSMTPCFG:1 ~ OK
            AT+QSMTPUSER?                   | +QSMTPUSER: "quectel" ~ OK
            AT+QSMTPUSER=bad                | ERROR
            AT+QSMTPDST=1,1,"x@example.com" | OK ~ +QSMTPDST:-3
            AT+QSMTPDST=0                   | OK ~ +QSMTPDST:-3
            AT+QSMTPDST=1,1                 | ERROR
            AT+QSMTPDATT                    | OK ~ +QSMTPDATT:-3
            AT+QSMTPDATT=1                  | OK ~ +QSMTPDATT:-3
            AT+QSMTPPUT                     | OK ~ +QSMTPPUT:-3
            AT+QSMTPPUT=300                 | OK ~ +QSMTPPUT:-3
            AT+QSMTPCLR                     | OK
            """)
    void shouldKeepAnsweringWhileSendingButRefuseChanges(String command, String answer)
            throws InterruptedException {
        configureSendableMail();
        relay.holding();
        expect("AT+QSMTPPUT", "OK");
        assertThat(relay.awaitTransaction()).isTrue();

        expect(command, answer);

        relay.release();
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT:0");
        assertThat(relay.mails).as("the mail in flight is unchanged").singleElement()
                .satisfies(mail -> assertThat(mail.user()).isEqualTo("quectel"));
    }

    @Test
    void shouldAcceptChangesAgainOnceTheResultIsOut() throws InterruptedException {
        configureSendableMail();
        relay.holding();
        expect("AT+QSMTPPUT", "OK");
        assertThat(relay.awaitTransaction()).isTrue();
        expect("AT+QSMTPUSER=\"other\"", "ERROR");

        relay.release();
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT:0");
        ok("AT+QSMTPUSER=\"other\"");
    }

    @Test
    void shouldRouteEverySmtpTransactionToTheConfiguredRoute() throws InterruptedException {
        host.close();
        modem.close();
        modem = new ModemEmulator(EmulatorSettings.builder().smtpRoute("127.0.0.1:2525").build(), relay);
        host = HostConsole.connectQuiet(modem);
        configureSendableMail();

        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:0");

        assertThat(relay.mails.get(0).serverHost()).isEqualTo("127.0.0.1");
        assertThat(relay.mails.get(0).serverPort()).isEqualTo(2525);
    }

    @Test
    void shouldAnswerMinus1WhenTheRelayFailsUnexpectedly() throws InterruptedException {
        host.close();
        modem.close();
        modem = new ModemEmulator(EmulatorSettings.defaults(), (mail, timeout) -> {
            throw new IllegalStateException("relay bug");
        });
        host = HostConsole.connectQuiet(modem);
        configureSendableMail();

        expect("AT+QSMTPPUT", "OK ~ +QSMTPPUT:-1");
    }
}
