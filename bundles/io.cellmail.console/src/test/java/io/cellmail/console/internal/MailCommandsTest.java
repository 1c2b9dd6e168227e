/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;
import io.cellmail.api.ModemState;
import io.cellmail.api.Priority;
import io.cellmail.api.RecipientType;
import io.cellmail.api.Registration;
import io.cellmail.api.ServiceStatus;
import io.cellmail.api.SmsMessage;
import io.cellmail.api.SmsReason;
import io.cellmail.service.SmsStatus;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;

/** The console commands, called the way Gogo calls them, against fake services. */
class MailCommandsTest {

    private final RecordedOutput session = new RecordedOutput();
    private final MailCommands commands = new MailCommands(session.output());

    @TempDir
    Path files;

    @Test
    void shouldSendAMailAndPrintItsReceipt() {
        FakeMailService modem = bind("modem1");

        String out = send(a -> { });

        MailMessage mail = modem.sent.get(0);
        assertThat(out).startsWith("Sent " + mail.id() + " on modem1 at ").endsWith(" after 1 attempt\n");
    }

    @Test
    void shouldBuildTheMailFromTheArguments() throws Exception {
        FakeMailService modem = bind("modem1");
        Path report = Files.write(files.resolve("report.csv"), "t,p\n1,7.9\n".getBytes(StandardCharsets.US_ASCII));
        Path log = Files.write(files.resolve("pump.log"), new byte[] { 1, 2, 3 });

        send(a -> {
            a.to = "ops@example.com, duty@example.com";
            a.cc = "boss@example.com";
            a.bcc = "archive@example.com;audit@example.com";
            a.attach = report + "," + log;
            a.priority = "URGENT";
            a.id = "pump3-overpressure-1702";
            a.subject = "Pump 3";
            a.body = "Pressure 7.9 bar";
        });

        MailMessage mail = modem.sent.get(0);
        assertThat(mail.id()).isEqualTo("pump3-overpressure-1702");
        assertThat(mail.recipients(RecipientType.TO)).containsExactly("ops@example.com", "duty@example.com");
        assertThat(mail.recipients(RecipientType.CC)).containsExactly("boss@example.com");
        assertThat(mail.recipients(RecipientType.BCC)).containsExactly("archive@example.com", "audit@example.com");
        assertThat(mail.subject()).isEqualTo("Pump 3");
        assertThat(mail.body()).isEqualTo("Pressure 7.9 bar");
        assertThat(mail.priority()).isEqualTo(Priority.URGENT);
        assertThat(mail.attachments()).extracting(att -> att.name()).containsExactly("report.csv", "pump.log");
        assertThat(mail.attachments().get(1).content()).containsExactly(1, 2, 3);
    }

    @Test
    void shouldPrintOnlyTheIdWithNoWait() {
        FakeMailService modem = bind("modem1").silent();

        String out = send(a -> a.noWait = true);

        assertThat(out).isEqualTo("Queued as " + modem.sent.get(0).id() + " on modem1\n");
    }

    @Test
    void shouldSayTheMailIsQueuedWhenNoOutcomeComesWithinTheWait() {
        FakeMailService modem = bind("modem1").silent();

        String out = send(a -> a.waitSeconds = 1);

        assertThat(out).isEqualTo("Queued as " + modem.sent.get(0).id() + " on modem1; no outcome within 1 s: the "
                + "outbox keeps trying, see cellmail:queue\n");
    }

    @Test
    void shouldPrintTheCodeAndMeaningOfARefusal() {
        bind("modem1").refusing(MailException.invalid("subject", "101 characters, the modem takes 100"));

        String out = send(a -> { });

        assertThat(out).isEqualTo("Refused by modem1: 1000 The message breaks a limit of the modem (permanent): "
                + "subject: 101 characters, the modem takes 100\n");
    }

    @Test
    void shouldPrintTheCodeAndMeaningOfAFailedDelivery() {
        FakeMailService modem = bind("modem1").failing(MailErrorCode.AUTHENTICATION_FAILED,
                MailErrorCode.AUTHENTICATION_FAILED.meaning());

        String out = send(a -> { });

        assertThat(out).isEqualTo("Not sent " + modem.sent.get(0).id() + " on modem1: -535 Authentication failed "
                + "(permanent)\n");
    }

    @Test
    void shouldShowHowToSendWhenCalledWithoutArguments() {
        assertThat(answer(() -> commands.send())).isEqualTo(MailCommands.SEND_USAGE)
                .contains("usage: cellmail:send [options]");
    }

    @Test
    void shouldAskForAServiceWhenThereAreSeveralAndUseTheOneNamed() {
        bind("modem1");
        FakeMailService second = bind("modem2");

        assertThat(send(a -> { })).startsWith("cellmail:send: there are several mail services (modem1, modem2); "
                + "choose one with --service <name>\n").endsWith(MailCommands.SEND_USAGE);
        assertThat(send(a -> a.service = "modem2")).startsWith("Sent ");
        assertThat(second.sent).hasSize(1);
    }

    @Test
    void shouldNameTheKnownServicesForAnUnknownOne() {
        bind("modem1");
        bind("modem2");

        assertThat(send(a -> a.service = "modem3"))
                .startsWith("cellmail:send: no mail service named 'modem3'; there are: modem1, modem2\n");
        assertThat(answer(() -> commands.status("modem3"))).isEqualTo(
                "cellmail:status: no mail service named 'modem3'; there are: modem1, modem2\n");
    }

    @Test
    void shouldSayWhenNoMailServiceRuns() {
        assertThat(answer(() -> commands.status("")))
                .isEqualTo("cellmail:status: no mail service is running; configure one (factory PID "
                        + "io.cellmail.mail)\n");
        assertThat(send(a -> { })).startsWith("cellmail:send: no mail service is running");
    }

    @Test
    void shouldForgetAServiceThatWentAway() {
        FakeMailService modem = bind("modem1");
        Map<String, Object> properties = properties("modem1");

        commands.unbindMailService(modem, properties);
        commands.unbindCellularMailAdmin(modem, properties);

        assertThat(answer(() -> commands.status(""))).contains("no mail service is running");
    }

    @Test
    void shouldRefuseWhatCannotBeAMailWithTheReasonAndTheUsage() {
        bind("modem1");

        assertThat(send(a -> a.attach = files.resolve("missing.bin").toString()))
                .startsWith("cellmail:send: cannot attach " + files.resolve("missing.bin") + ": no such file\n")
                .endsWith(MailCommands.SEND_USAGE);
        assertThat(send(a -> a.priority = "asap"))
                .startsWith("cellmail:send: priority must be low, normal, high or urgent, not 'asap'\n");
        assertThat(send(a -> a.to = " , "))
                .startsWith("cellmail:send: recipients: a mail needs 1 to 20 recipients");
        assertThat(send(a -> a.id = "../etc/passwd")).startsWith("cellmail:send: id: ");
    }

    @Test
    void shouldShowModemNetworkSignalQueueLastErrorCountersAndProblemOfEachService() {
        FakeMailService first = bind("modem1");
        first.status = new ServiceStatus("modem1", ModemState.READY, Registration.ROAMING, OptionalInt.of(20), 2,
                Optional.of(MailErrorCode.NETWORK_ERROR));
        FakeMailService second = bind("modem2");
        second.status = new ServiceStatus("modem2", ModemState.UNAVAILABLE, Registration.UNKNOWN, OptionalInt.empty(),
                0, Optional.empty());
        second.problem = Optional.of("Invalid mail service configuration: smtpPort must be from 1 to 65535, got 0");
        second.smtpSecurity = Optional.empty();

        String out = answer(() -> commands.status(""));

        assertThat(out).isEqualTo("""
                modem1
                  modem         READY
                  registration  ROAMING
                  signal        20/31 (-73 dBm)
                  queue         2 mails
                  last error    -5 Network error (context activation, TCP connection or transfer to the SMTP \
                server failed) (transient: retried)
                  SMTP security none (plain SMTP)
                  since start   sent 3, failed 1, retried 2, expired 0, cancelled 1, held by rate limit 0, set aside 0
                  SMS           0 waiting, sent 0, failed 0 since start
                modem2
                  modem         UNAVAILABLE
                  registration  UNKNOWN
                  signal        unknown
                  queue         0 mails
                  last error    none
                  since start   sent 3, failed 1, retried 2, expired 0, cancelled 1, held by rate limit 0, set aside 0
                  SMS           0 waiting, sent 0, failed 0 since start
                  problem       Invalid mail service configuration: smtpPort must be from 1 to 65535, got 0
                """);
        assertThat(answer(() -> commands.status("modem2"))).startsWith("modem2\n").doesNotContain("modem1");
    }

    @Test
    void shouldShowTheSmtpSecurityInUseAndWarnOfTlsWithoutServerVerification() {
        FakeMailService verified = bind("lte1");
        verified.smtpSecurity = Optional.of(new MailerSettings.Tls(SmtpSecurity.STARTTLS, true,
                "-----BEGIN CERTIFICATE-----", 1));
        FakeMailService unverified = bind("lte2");
        unverified.smtpSecurity = Optional.of(new MailerSettings.Tls(SmtpSecurity.IMPLICIT_TLS, false, "", 2));
        unverified.status = new ServiceStatus("lte2", ModemState.READY, Registration.HOME, OptionalInt.of(20), 0,
                Optional.empty(), List.of("TLS without server verification: anybody between the module and the SMTP "
                        + "server can read the mail and the SMTP password"), Optional.empty());

        assertThat(answer(() -> commands.status("lte1")))
                .contains("  SMTP security starttls, server verified (SSL context 1)\n").doesNotContain("WARNING");
        assertThat(answer(() -> commands.status("lte2")))
                .contains("  SMTP security tls, server NOT verified (SSL context 2)\n")
                .contains("  WARNING       TLS without server verification: anybody between the module and the SMTP "
                        + "server can read the mail and the SMTP password\n");
    }

    @Test
    void shouldShowTheModuleAndDialectTheMailerFound() {
        FakeMailService lte = bind("modem1");
        lte.status = new ServiceStatus("modem1", ModemState.READY, Registration.HOME, OptionalInt.of(20), 0,
                Optional.empty(), List.of(), Optional.of("EG25 (Quectel EG25 Revision: EG25GGBR07A08M2G), dialect quectel-lte,"
                        + " found by auto"));
        FakeMailService bg95 = bind("modem2");
        bg95.status = new ServiceStatus("modem2", ModemState.UNSUPPORTED, Registration.UNKNOWN, OptionalInt.empty(),
                1, Optional.of(MailErrorCode.NO_SMTP_CLIENT), List.of(), Optional.of("BG95-M3 (Quectel BG95-M3 Revision:"
                        + " BG95M3LAR02A03): no SMTP client (AT+QSMTPCFG=? answers ERROR)"));

        String out = answer(() -> commands.status(""));

        assertThat(out).contains("""
                modem1
                  modem         READY
                  module        EG25 (Quectel EG25 Revision: EG25GGBR07A08M2G), dialect quectel-lte, found by auto
                  registration  HOME
                """).contains("""
                modem2
                  modem         UNSUPPORTED
                  module        BG95-M3 (Quectel BG95-M3 Revision: BG95M3LAR02A03): no SMTP client \
                (AT+QSMTPCFG=? answers ERROR)
                  registration  UNKNOWN
                """).contains("last error    1019 The module has no SMTP client; no mail can be sent through it"
                        + " (permanent)");
    }

    @Test
    void shouldShowTheStatusOfAServiceWithoutAdministration() {
        FakeMailService plain = new FakeMailService("plain");
        commands.bindMailService(plain, properties("plain"));

        assertThat(answer(() -> commands.status(""))).startsWith("plain\n  modem         READY")
                .doesNotContain("since start");
        assertThat(answer(() -> commands.queue("")))
                .startsWith("cellmail:queue: the mail service plain offers no administration");
    }

    @Test
    void shouldListTheWaitingMailsOfEveryService() {
        bind("modem1").waiting("pump3-overpressure-1702", MessageState.RETRY_WAIT, 2, MailErrorCode.NETWORK_ERROR);
        bind("modem2");

        String out = answer(() -> commands.queue(""));

        assertThat(out).startsWith("modem1: 1 mail\n").contains("pump3-overpressure-1702").contains("RETRY_WAIT")
                .contains("-5 Network error").endsWith("modem2: no mail waiting\n");
        assertThat(out.lines().toList().get(1)).contains("ID").contains("STATE").contains("ATTEMPTS")
                .contains("NEXT ATTEMPT").contains("LAST ERROR");
    }

    @Test
    void shouldListTheSmsWaitingBesideTheMails() {
        FakeMailService modem = bind("modem1");
        modem.smsQueue = List.of(new SmsStatus("pump3-overpressure-1702", SmsReason.FALLBACK, "+41791234567",
                MessageState.RETRY_WAIT, 2, Optional.of(FakeMailService.ACCEPTED),
                Optional.of(MailErrorCode.SMS_FAILED)));

        String out = answer(() -> commands.queue(""));

        assertThat(out).startsWith("modem1: no mail waiting\nmodem1: 1 SMS\n");
        assertThat(out.lines().toList().get(3)).contains("pump3-overpressure-1702").contains("FALLBACK")
                .contains("+41791234567").contains("RETRY_WAIT").contains("1102");
    }

    @Test
    void shouldSendAnSmsAndPrintItsPartsAndMessageReferences() {
        FakeMailService modem = bind("modem1");

        String out = answer(() -> commands.sms("", "alarm-7", MailCommands.DEFAULT_WAIT_SECONDS, false,
                "+41791234567", "Pump 3 pressure high"));

        assertThat(modem.smsSent).containsExactly(new SmsMessage("alarm-7", "+41791234567", "Pump 3 pressure high"));
        assertThat(out).startsWith("Sent SMS alarm-7 on modem1 to +41791234567 at ")
                .endsWith(": 2 parts, message references [17, 18], after 1 attempt\n");
    }

    @Test
    void shouldRefuseAnSmsToWhatIsNoNumberBeforeTheServiceSeesIt() {
        FakeMailService modem = bind("modem1");

        String out = answer(() -> commands.sms("", "", 60, false, "+41 79 123;AT+CMGD=1", "hello"));

        assertThat(modem.smsSent).isEmpty();
        assertThat(out).startsWith("cellmail:sms: An SMS number is + and up to 15 digits")
                .contains(MailCommands.SMS_USAGE).doesNotContain("AT+CMGD");
    }

    @Test
    void shouldPrintTheCodeAndMeaningOfAnSmsTheNetworkRefused() {
        FakeMailService modem = bind("modem1");
        modem.smsOutcome = m -> CompletableFuture.failedFuture(new MailException(MailErrorCode.SMS_REFUSED,
                "+CMS ERROR: 21 (short message transfer rejected)"));

        String out = answer(() -> commands.sms("", "", 60, false, "+41791234567", "hello"));

        assertThat(out).startsWith("Not sent ").contains(" on modem1: 1101 ")
                .contains("+CMS ERROR: 21 (short message transfer rejected)");
    }

    @Test
    void shouldPrintOnlyTheSmsIdWithNoWait() {
        FakeMailService modem = bind("modem1");
        modem.smsOutcome = m -> new CompletableFuture<>();

        String out = answer(() -> commands.sms("", "sms-1", 60, true, "+41791234567", "hello"));

        assertThat(out).isEqualTo("Queued as sms-1 on modem1\n");
    }

    @Test
    void shouldShowHowToSendAnSmsWhenCalledWithoutArguments() {
        assertThat(answer(() -> commands.sms())).isEqualTo(MailCommands.SMS_USAGE)
                .contains("usage: cellmail:sms [options] <number> <text>");
    }

    @Test
    void shouldRetryOrCancelAMailInTheServiceThatHoldsIt() {
        FakeMailService first = bind("modem1");
        FakeMailService second = bind("modem2").waiting("m-2", MessageState.RETRY_WAIT, 1, MailErrorCode.TIMEOUT)
                .waiting("m-3", MessageState.QUEUED, 0, null);

        assertThat(answer(() -> commands.queue("", "retry", "m-2"))).isEqualTo("m-2 is due now on modem2\n");
        assertThat(answer(() -> commands.queue("", "cancel", "m-3"))).isEqualTo("m-3 cancelled on modem2\n");

        assertThat(second.retried).containsExactly("m-2");
        assertThat(second.cancelled).containsExactly("m-3");
        assertThat(first.retried).isEmpty();
    }

    @Test
    void shouldExplainARetryOrCancelThatCannotHappen() {
        bind("modem1").waiting("in-flight", MessageState.SENDING, 1, null);

        assertThat(answer(() -> commands.queue("", "cancel", "in-flight")))
                .isEqualTo("in-flight cannot be cancelled on modem1: it is unknown there, being sent or already "
                        + "final\n");
        assertThat(answer(() -> commands.queue("", "retry", "nope")))
                .isEqualTo("nope cannot be retried on modem1: it is unknown there, being sent or already final\n");
        assertThat(answer(() -> commands.queue("", "resend", "in-flight")))
                .startsWith("cellmail:queue: unknown action 'resend'\n").endsWith(MailCommands.QUEUE_USAGE);
        bind("modem2");
        assertThat(answer(() -> commands.queue("", "retry", "nope")))
                .startsWith("cellmail:queue: no mail service has a waiting mail nope\n");
    }

    @Test
    void shouldPrintWhatTheModemAnswersToAProbe() {
        bind("modem1");

        assertThat(answer(() -> commands.probe(""))).isEqualTo("""
                modem1
                  identity      Quectel_Ltd / Quectel_M95 / Revision: M95FAR02A08
                  SIM           READY
                  registration  HOME
                  signal        20/31 (-73 dBm)
                  GPRS          attached
                """);
    }

    @Test
    void shouldPrintTheCodeWhenTheModemCannotBeProbed() {
        bind("modem1").probeFailure = new MailException(MailErrorCode.MODEM_UNAVAILABLE,
                "the modem is busy sending a mail");

        assertThat(answer(() -> commands.probe("")))
                .isEqualTo("cellmail:probe: 1004 The modem is unavailable (transient: retried): the modem is busy "
                        + "sending a mail\n");
    }

    @Test
    void shouldPrintTheLastTranscriptLinesWithPasswordsMasked() {
        bind("modem1").transcript = List.of(
                "2026-11-26T16:00:00.100Z >> AT+QSMTPSRV=\"smtp.example.com\",25",
                "2026-11-26T16:00:00.200Z << OK",
                "2026-11-26T16:00:00.300Z >> AT+QSMTPPWD=\"hunter2\"",
                "2026-11-26T16:00:00.400Z << OK");

        assertThat(answer(() -> commands.transcript("", 2))).isEqualTo("""
                2026-11-26T16:00:00.300Z >> AT+QSMTPPWD="****"
                2026-11-26T16:00:00.400Z << OK
                """);
    }

    @Test
    void shouldSayWhenThereIsNoTranscriptYet() {
        bind("modem1");

        assertThat(answer(() -> commands.transcript("", 50))).startsWith("modem1: no AT transcript");
    }

    @Test
    void shouldNeverPrintAPasswordWhateverCommandRuns() {
        String smtpPassword = "hunter2-smtp";
        String apnPassword = "hunter2-apn";
        FakeMailService modem = new FakeMailService("modem1")
                .waiting("m-1", MessageState.RETRY_WAIT, 1, MailErrorCode.AUTHENTICATION_FAILED)
                .failing(MailErrorCode.AUTHENTICATION_FAILED, "Authentication failed");
        modem.transcript = List.of(">> AT+QSMTPUSER=\"gateway\"", ">> AT+QSMTPPWD=\"" + smtpPassword + "\"",
                ">> AT+QICSGP=1,\"internet\",\"user\",\"" + apnPassword + "\"", "<< OK");
        Map<String, Object> properties = properties("modem1");
        properties.put(".smtpPassword", smtpPassword);
        properties.put(".apnPassword", apnPassword);
        properties.put("smtpPassword", smtpPassword);
        commands.bindMailService(modem, properties);
        commands.bindCellularMailAdmin(modem, properties);

        List<String> outputs = new ArrayList<>();
        outputs.add(send(a -> { }));
        outputs.add(send(a -> a.noWait = true));
        outputs.add(answer(() -> commands.send()));
        outputs.add(answer(() -> commands.status("")));
        outputs.add(answer(() -> commands.queue("")));
        outputs.add(answer(() -> commands.queue("", "retry", "m-1")));
        outputs.add(answer(() -> commands.queue("", "cancel", "m-1")));
        outputs.add(answer(() -> commands.probe("")));
        outputs.add(answer(() -> commands.transcript("", 100)));

        assertThat(outputs).allSatisfy(out -> assertThat(out).doesNotContain("hunter2"));
        assertThat(outputs.get(8)).contains("AT+QSMTPPWD=\"****\"")
                .contains("AT+QICSGP=1,\"internet\",\"user\",\"****\"");
    }

    private FakeMailService bind(String name) {
        FakeMailService service = new FakeMailService(name);
        Map<String, Object> properties = properties(name);
        commands.bindMailService(service, properties);
        commands.bindCellularMailAdmin(service, properties);
        return service;
    }

    private static Map<String, Object> properties(String name) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CellularMailService.NAME_PROPERTY, name);
        properties.put("service.id", 42L);
        return properties;
    }

    /** The arguments of one {@code cellmail:send}, with the values Gogo passes for options left out. */
    private static final class SendArgs {
        String service = "";
        String cc = "";
        String bcc = "";
        String attach = "";
        String priority = "normal";
        String id = "";
        int waitSeconds = MailCommands.DEFAULT_WAIT_SECONDS;
        boolean noWait;
        String to = "ops@example.com";
        String subject = "Pump 3 pressure high";
        String body = "Pressure 7.9 bar at 14:02";
    }

    private String send(Consumer<SendArgs> customize) {
        SendArgs a = new SendArgs();
        customize.accept(a);
        return answer(() -> commands.send(a.service, a.cc, a.bcc, a.attach, a.priority, a.id, a.waitSeconds, a.noWait,
                a.to, a.subject, a.body));
    }

    /** @return what the command wrote to the session's output */
    private String answer(Runnable command) {
        return session.of(command);
    }
}
