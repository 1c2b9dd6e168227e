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

/** LTE {@code AT+QSMTPPUT}: what it hands the SMTP relay, its {@code <err>,<protocol_error>}, refusals, faults. */
class LteSendCommandTest extends LteTestSupport {

    /** The notes' example session up to the mail's content, with an active context. */
    @Override
    protected void configureSendableMail() {
        ok("AT+QICSGP=1,1,\"internet\",\"\",\"\",0", "AT+QIACT=1", "AT+QSMTPCFG=\"contextid\",1",
                "AT+QSMTPCFG=\"smtpserver\",\"smtp.example.com\",587",
                "AT+QSMTPCFG=\"account\",\"user@example.com\",\"secret\"",
                "AT+QSMTPCFG=\"sender\",\"Gateway 7\",\"user@example.com\"", "AT+QSMTPCLR",
                "AT+QSMTPDST=1,1,\"ops@example.com\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT+QSMTPPUT=?     | +QSMTPPUT: (1-65535) ~ OK
            AT+QSMTPPUT       | ERROR
            AT+QSMTPPUT?      | ERROR
            AT+QSMTPPUT=0     | ERROR
            AT+QSMTPPUT=65536 | ERROR
            AT+QSMTPPUT=300,1 | ERROR
            AT+QSMTPPUT="300" | ERROR
            AT+QSMTPPUT=1     | OK ~ +QSMTPPUT: 0,0
            AT+QSMTPPUT=300   | OK ~ +QSMTPPUT: 0,0
            """)
    void shouldAnswerEveryForm(String command, String answer) {
        configureSendableMail();
        expect(command, answer);
    }

    @Test
    void shouldHandTheRelayTheMailWithItsFiles() {
        configureSendableMail();
        ok("AT+QSMTPDST=1,2,\"cc@example.com\"", "AT+QSMTPDST=1,3,\"bcc@example.com\"",
                "AT+QSMTPSUB=1,\"ALARM tank 3\"");
        expect("AT+QSMTPBODY=0,18,30", "CONNECT");
        host.write("Level high: 97 %\r\n");
        host.expectLines("+QSMTPBODY: 18", "OK");
        expect("AT+QFUPL=\"RAM:log.csv\",5,10", "CONNECT");
        host.write("1;97\n");
        assertThat(host.nextLine()).startsWith("+QFUPL: 5,");
        host.expectLines("OK");
        ok("AT+QSMTPATT=1,1,\"RAM:log.csv\"");

        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 0,0");

        OutgoingMail mail = relay.mails.get(0);
        assertThat(mail.serverHost()).isEqualTo("smtp.example.com");
        assertThat(mail.serverPort()).isEqualTo(587);
        assertThat(mail.authenticate()).isTrue();
        assertThat(mail.user()).isEqualTo("user@example.com");
        assertThat(mail.password()).isEqualTo("secret");
        assertThat(mail.senderName()).isEqualTo("Gateway 7");
        assertThat(mail.senderAddress()).isEqualTo("user@example.com");
        assertThat(mail.recipients()).containsExactly(new Recipient(RecipientType.TO, "ops@example.com"),
                new Recipient(RecipientType.CC, "cc@example.com"), new Recipient(RecipientType.BCC, "bcc@example.com"));
        assertThat(mail.subjectCharset()).isEqualTo(1);
        assertThat(new String(mail.subject(), StandardCharsets.UTF_8)).isEqualTo("ALARM tank 3");
        assertThat(mail.body()).asString(StandardCharsets.US_ASCII).isEqualTo("Level high: 97 %\r\n");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("log.csv");
            assertThat(a.content()).asString(StandardCharsets.US_ASCII).isEqualTo("1;97\n");
        });
        assertThat(relay.timeouts).containsExactly(Optional.of(Duration.ofMinutes(5)));
    }

    @Test
    void shouldNotAuthenticateWithoutAnAccount() {
        ok("AT+QIACT=1", "AT+QSMTPCFG=\"smtpserver\",\"smtp.example.com\",25", "AT+QSMTPDST=1,1,\"a@example.com\"");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 0,0");
        assertThat(relay.mails.get(0).authenticate()).isFalse();
    }

    @ParameterizedTest(name = "relay {0} -> +QSMTPPUT: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -550 | 661,550
            -535 | 661,535
            -421 | 661,421
            -5   | 655,0
            -4   | 654,0
            -9   | 659,0
            -1   | 651,0
            """)
    void shouldReportFailuresAsErrAndProtocolError(int relayResult, String reported) {
        configureSendableMail();
        relay.answering(relayResult);
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: " + reported);
    }

    @Test
    void shouldNumberErrorsFromTheConfiguredBase() throws InterruptedException {
        host.close();
        modem.close();
        modem = new ModemEmulator(settings().toBuilder().lteErrorBase(600).build(), relay);
        host = HostConsole.connectQuiet(modem);
        configureSendableMail();
        relay.answering(-5);
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 605,0");
    }

    @Test
    void shouldRefuseWithoutRecipient() {
        configureSendableMail();
        ok("AT+QSMTPDST=0");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 660,0");
        assertThat(relay.mails).isEmpty();
    }

    @Test
    void shouldRefuseWithoutServer() {
        ok("AT+QIACT=1", "AT+QSMTPDST=1,1,\"a@example.com\"");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 665,0");
        assertThat(relay.mails).isEmpty();
    }

    @Test
    void shouldRefuseWhenTheContextIsNotActive() {
        configureSendableMail();
        ok("AT+QIDEACT=1");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 658,0");
        ok("AT+QIACT=2", "AT+QSMTPCFG=\"contextid\",2");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 0,0");
        assertThat(relay.mails).hasSize(1);
    }

    @Test
    void shouldRefuseWhenDetached() {
        configureSendableMail();
        ok("AT+CGATT=0");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 655,0");
        assertThat(relay.mails).isEmpty();
    }

    @Test
    void shouldRefuseWhenAnAttachedFileWasDeleted() {
        configureSendableMail();
        expect("AT+QFUPL=\"RAM:a.txt\",1,5", "CONNECT");
        host.write("a");
        assertThat(host.nextLine()).startsWith("+QFUPL: 1,");
        host.expectLines("OK");
        ok("AT+QSMTPATT=1,1,\"RAM:a.txt\"", "AT+QFDEL=\"RAM:*\"");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 662,0");
        assertThat(relay.mails).isEmpty();
    }

    @ParameterizedTest(name = "while sending: {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AT                                  | OK
            AT+QSMTPPUT=300                     | OK ~ +QSMTPPUT: 653,0
            AT+QSMTPCFG="contextid",2           | ERROR
            AT+QSMTPCFG="contextid"             | +QSMTPCFG: "contextid",1 ~ OK
            AT+QSMTPDST=1,1,"x@example.com"     | +CME ERROR: 653
            AT+QSMTPDST=0                       | +CME ERROR: 653
            AT+QSMTPSUB=0,"x"                   | +CME ERROR: 653
            AT+QSMTPBODY=0,10,5                 | +CME ERROR: 653
            AT+QSMTPATT=0,1                     | +CME ERROR: 653
            AT+QSMTPCLR                         | +CME ERROR: 653
            """)
    void shouldKeepAnsweringWhileSendingButRefuseChanges(String command, String answer)
            throws InterruptedException {
        configureSendableMail();
        ok("AT+QSMTPSUB=0,\"s\"");
        relay.holding();
        expect("AT+QSMTPPUT=300", "OK");
        assertThat(relay.awaitTransaction()).isTrue();

        expect(command, answer);

        relay.release();
        assertThat(host.nextLine()).isEqualTo("+QSMTPPUT: 0,0");
    }

    @Test
    void shouldApplyTheSmtpFaults() {
        configureSendableMail();
        modem.faults().apply("smtp-down");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 655,0");
        modem.faults().apply("auth-failure");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 661,535");
        modem.faults().apply("smtp-reply=-552");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 661,552");
        modem.faults().apply("dns-failure");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 654,0");
        modem.faults().apply("smtp-delay=3s");
        expect("AT+QSMTPPUT=1", "OK");
        assertThat(host.nextLine(Duration.ofSeconds(5))).isEqualTo("+QSMTPPUT: 659,0");
    }

    @Test
    void shouldDropTheContextOnAPdpDeactFault() {
        configureSendableMail();
        modem.faults().apply("pdp-deact");
        host.expectLines("+QIURC: \"pdpdeact\",1");
        expect("AT+QIACT?", "OK");
        expect("AT+QSMTPPUT=300", "OK ~ +QSMTPPUT: 658,0");
    }

    @Test
    void shouldLoseTheResultWhenTheModuleRebootsWhileSending() throws InterruptedException {
        configureSendableMail();
        relay.holding();
        modem.faults().apply("reboot-after=AT+QSMTPPUT");
        expect("AT+QSMTPPUT=300", "OK");
        host.expectLines("RDY", "+CFUN: 1", "+CPIN: READY", "+QUSIM: 1", "+QIND: SMS DONE");
        relay.release();
        assertThat(host.command("AT")).containsExactly("AT", "OK");
        assertThat(host.rawText()).doesNotContain("+QSMTPPUT: 0,0");
    }
}
