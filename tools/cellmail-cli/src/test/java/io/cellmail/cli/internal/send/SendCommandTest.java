/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.cli.internal.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.cellmail.cli.internal.ChildCli;
import io.cellmail.cli.internal.CliRun;
import io.cellmail.cli.internal.ExitCode;
import io.cellmail.cli.internal.emulate.EmulateCommand;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SendCommandTest {

    private static final String PASSWORD = "s3cret-pw";

    @RegisterExtension
    static final GreenMailExtension SMTP =
            new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @TempDir
    Path dir;

    private String route() {
        return "127.0.0.1:" + SMTP.getSmtp().getPort();
    }

    private static String[] args(String... args) {
        return args;
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(Arrays.asList(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void shouldDeliverThroughAnInProcessEmulatorToTheSmtpServer() throws Exception {
        Path report = dir.resolve("report.csv");
        Files.writeString(report, "pump,bar\n3,7.9\n", StandardCharsets.US_ASCII);

        CliRun.Result result = CliRun.run("", "send", "emulator:send1", "--smtp", route(),
                "--to", "ops@plant.example", "--cc", "shift@plant.example", "--bcc", "audit@plant.example",
                "--from", "alarm@plant.example", "--from-name", "Pump house", "--subject", "Pump 3 pressure high",
                "--body", "Pressure 7.9 bar at 14:02", "--attach", report.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("sent: +QSMTPPUT: 0 (3 recipients, 1 attachment, ")
                .contains("via emulator:send1");
        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(3);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Pump 3 pressure high");
        assertThat(mail.getFrom()[0].toString()).contains("alarm@plant.example").contains("Pump house");
        assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo("ops@plant.example");
        assertThat(mail.getRecipients(Message.RecipientType.CC)[0].toString()).isEqualTo("shift@plant.example");
        assertThat(mail.getHeader("Bcc")).isNull();
        Multipart parts = (Multipart) mail.getContent();
        assertThat(GreenMailUtil.getBody(parts.getBodyPart(0))).contains("Pressure 7.9 bar at 14:02");
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("report.csv");
    }

    @Test
    void shouldReadTheBodyFromStdinWhenNoneIsGiven() throws Exception {
        CliRun.Result result = CliRun.run("line one\nline two\n", "send", "emulator:send2", "--smtp", route(),
                "--to", "ops@plant.example", "--from", "alarm@plant.example", "--subject", "stdin");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(SMTP.getReceivedMessages()[0].getContent().toString()).contains("line one\r\nline two");
    }

    @Test
    void shouldReadTheBodyFromAFileAsUtf8() throws Exception {
        Path body = dir.resolve("body.txt");
        Files.writeString(body, "Température 21 °C", StandardCharsets.UTF_8);

        CliRun.Result result = CliRun.run("", "send", "emulator:send3", "--smtp", route(),
                "--to", "ops@plant.example", "--from", "alarm@plant.example", "--body-file", body.toString());

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(SMTP.getReceivedMessages()[0].getContent().toString()).contains("Température 21 °C");
    }

    @Test
    void shouldDeliverOverTcpThroughASeparatelyStartedEmulate() throws Exception {
        try (ChildCli emulator = ChildCli.start(dir, "emulate", "--listen", "127.0.0.1:0", "--smtp", route())) {
            String line = emulator.readLine(Duration.ofSeconds(30));
            assertThat(line).startsWith(EmulateCommand.LISTENING);
            String where = line.substring(EmulateCommand.LISTENING.length()).strip();

            CliRun.Result result = CliRun.run("", "send", "tcp://" + where, "--smtp-host", "smtp.plant.example",
                    "--to", "ops@plant.example", "--from", "alarm@plant.example", "--subject", "over tcp",
                    "--body", "from the field");

            assertThat(result.exit()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("sent: +QSMTPPUT: 0 (1 recipient, ");
            assertThat(SMTP.getReceivedMessages()).hasSize(1);
            assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("over tcp");
        }
    }

    @Test
    void shouldLogInWithThePasswordFromTheEnvironmentAndNeverShowIt() {
        SMTP.setUser("alarm@plant.example", "alarm", PASSWORD);

        CliRun.Result result = CliRun.run("", Map.of("CELLMAIL_SMTP_PASSWORD", PASSWORD), "send", "emulator:send4",
                "--smtp", route(), "--smtp-user", "alarm", "--to", "ops@plant.example",
                "--from", "alarm@plant.example", "--body", "authenticated", "--transcript");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
        assertThat(result.err()).contains("AT+QSMTPPWD=\"****\"").contains("+QSMTPPUT:0");
        assertThat(result.out() + result.err()).doesNotContain(PASSWORD);
    }

    @Test
    void shouldReportAnAuthenticationFailureWithTheSpecCodeAndItsMeaning() {
        SMTP.setUser("alarm@plant.example", "alarm", PASSWORD);

        CliRun.Result result = CliRun.run("", Map.of("CELLMAIL_SMTP_PASSWORD", "wrong-pw"), "send", "emulator:send5",
                "--smtp", route(), "--smtp-user", "alarm", "--to", "ops@plant.example",
                "--from", "alarm@plant.example", "--body", "will not go", "--transcript");

        assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).contains("cellmail send: not sent: -535 Authentication failed");
        assertThat(result.out()).isEmpty();
        assertThat(result.out() + result.err()).doesNotContain("wrong-pw");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldExitForNowWhenTheFailureMayPass() {
        CliRun.Result result = CliRun.run("", "send", "emulator:send6", "--smtp", route(), "--fault", "smtp-down",
                "--to", "ops@plant.example", "--from", "alarm@plant.example", "--body", "network down");

        assertThat(result.exit()).isEqualTo(ExitCode.TEMPORARY_FAILURE);
        assertThat(result.err()).contains("not sent: -5 Network error");
    }

    @Test
    void shouldFailWhenAnAttachmentIsMissing() {
        CliRun.Result result = CliRun.run("", "send", "emulator:send7", "--smtp", route(), "--to", "ops@plant.example",
                "--from", "alarm@plant.example", "--attach", dir.resolve("nope.txt").toString());

        assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).contains("--attach").contains("nope.txt: no such file");
    }

    @Test
    void shouldFailWhenTheLinkCannotBeOpened() {
        CliRun.Result result = CliRun.run("", "send", "serial:/dev/ttyCELLMAIL-NONE", "--smtp-host", "smtp.example",
                "--to", "ops@plant.example", "--from", "alarm@plant.example", "--body", "x");

        assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).startsWith("cellmail send: cannot open serial:/dev/ttyCELLMAIL-NONE");
    }

    @Test
    void shouldDeliverWithTheGsmDialectNamedOnTheCommandLine() throws Exception {
        CliRun.Result result = CliRun.run("", "send", "emulator:send10", "--dialect", "quectel-gsm", "--smtp",
                route(), "--to", "ops@plant.example", "--from", "alarm@plant.example", "--subject", "named dialect",
                "--body", "7.9 bar", "--transcript");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("named dialect");
        assertThat(result.err()).as("no identification with a named dialect").doesNotContain("AT+QSMTPCFG=?");
    }

    @Test
    void shouldDeliverThroughAnLteModuleWithTheDialectNamedOrFoundByAuto() throws Exception {
        CliRun.Result named = CliRun.run("", "send", "emulator:send12", "--personality", "eg25g", "--dialect", "lte",
                "--smtp", route(), "--to", "ops@plant.example", "--from", "alarm@plant.example", "--subject",
                "lte named", "--body", "7.9 bar", "--transcript");
        CliRun.Result found = CliRun.run("", "send", "emulator:send13", "--personality", "eg25g", "--smtp", route(),
                "--to", "ops@plant.example", "--from", "alarm@plant.example", "--subject", "lte found",
                "--body", "8.1 bar", "--transcript");

        assertThat(named.exit()).as(named.err()).isZero();
        assertThat(found.exit()).as(found.err()).isZero();
        assertThat(named.out()).as("the LTE dialect's result").startsWith("sent: +QSMTPPUT: 0,0 (1 recipient, ");
        assertThat(found.out()).as("the result of the dialect auto found")
                .startsWith("sent: +QSMTPPUT: 0,0 (1 recipient, ");
        assertThat(named.err() + found.err()).as("what the module said").contains("<< +QSMTPPUT: 0,0");
        assertThat(SMTP.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(SMTP.getReceivedMessages()).extracting(m -> m.getSubject())
                .containsExactlyInAnyOrder("lte named", "lte found");
        assertThat(named.err()).as("the LTE dialect's commands").contains(">> AT+QSMTPCFG=\"smtpserver\"")
                .contains(">> AT+QSMTPBODY=").doesNotContain("AT+QSMTPCFG=?");
        assertThat(found.err()).as("auto found the LTE dialect").contains(">> AT+QSMTPCFG=\"smtpserver\"")
                .contains(">> AT+QSMTPBODY=");
    }

    @Test
    void shouldFailForGoodOnAModuleWithoutSmtpClient() {
        CliRun.Result result = CliRun.run("", "send", "emulator:send11", "--personality", "bg95", "--smtp", route(),
                "--to", "ops@plant.example", "--from", "alarm@plant.example", "--body", "7.9 bar", "--transcript");

        assertThat(result.exit()).isEqualTo(ExitCode.FAILURE);
        assertThat(result.err()).contains("not sent: 1019").contains("BG95-M3").contains("no SMTP client")
                .contains(">> AT+QSMTPCFG=?");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldRefuseAMailTheModemCannotTakeBeforeSendingIt() {
        CliRun.Result result = CliRun.run("", "send", "emulator:send8", "--smtp", route(), "--to", "ops@plant.example",
                "--from", "alarm@plant.example", "--subject", "x".repeat(101));

        assertThat(result.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(result.err()).contains("--subject: the modem cannot take this").contains("Usage: cellmail send");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void shouldAnswerAWrongCommandLineWithUsageAndExit2() {
        String[] base = args("send", "emulator:send9", "--smtp", "127.0.0.1:1");
        List<List<String>> cases = List.of(
                List.of(with(base, "--from", "a@b.example")),
                List.of(with(base, "--to", "ops@plant.example")),
                List.of("send", "tcp://127.0.0.1:1", "--to", "ops@plant.example", "--from", "a@b.example"),
                List.of(with(base, "--to", "o@p.example", "--from", "a@b.example", "--smtp-host", "h", "--smtp-port",
                        "seventy")),
                List.of(with(base, "--to", "o@p.example", "--from", "a@b.example", "--no-auth", "--smtp-user", "u")),
                List.of(with(base, "--to", "o@p.example", "--from", "a@b.example", "--smtp-user", "u")),
                List.of(with(base, "--to", "o@p.example", "--from", "a@b.example", "--body", "x", "--body-file", "f")),
                List.of(with(base, "--to", "o@p.example", "--from", "a@b.example", "--charset", "klingon")),
                List.of(with(base, "--to", "o@p.example", "--from", "a@b.example", "--timeout", "soon")),
                List.of(with(base, "--to", "o@p.example", "--from", "a@b.example", "--bogus")));
        List<String> expected = List.of("recipients", "--from", "--smtp-host", "--smtp-port", "--no-auth",
                "CELLMAIL_SMTP_PASSWORD", "--body", "--charset", "--timeout", "--bogus");
        for (int i = 0; i < cases.size(); i++) {
            CliRun.Result result = CliRun.run("", cases.get(i).toArray(String[]::new));

            assertThat(result.exit()).as("case %d: %s", i, result.err()).isEqualTo(ExitCode.USAGE);
            assertThat(result.err()).as("case %d", i).contains(expected.get(i)).contains("Usage: cellmail send");
        }
    }
}
