/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailEvents;
import io.cellmail.api.SmsEvents;
import io.cellmail.itests.support.CellmailTestSupport;
import io.cellmail.itests.support.EventRecorder;
import io.cellmail.itests.support.FreePort;
import io.cellmail.itests.support.GogoConsole;
import io.cellmail.itests.support.SmtpServer;
import io.cellmail.itests.support.TestGateway;

/**
 * The {@code cellmail:} Gogo commands in the real Gogo runtime, against live services: {@code console} delivers
 * to GreenMail with SMTP authentication, {@code stuck} cannot reach its SMTP server so its mail waits. Both are
 * configured with an SMTP and an APN password that no command may ever print.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleIT extends CellmailTestSupport {

    private static final String SMTP_PASSWORD = "Gogo-Secret-42";
    private static final String APN_PASSWORD = "Apn-Secret-7";
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final Pattern QUEUED_ID = Pattern.compile("Queued as (\\S+) on stuck");

    private SmtpServer smtp;
    private EventRecorder events;

    @Before
    public void configureTwoServices() throws Exception {
        smtp = SmtpServer.start("alarm:" + SMTP_PASSWORD);
        events = EventRecorder.register(bundleContext);
        gateway().mailService(withSecrets(TestGateway.mailServiceProperties("console",
                gateway().emulator("emu-console", smtp.hostAndPort()))));
        Map<String, Object> stuck = withSecrets(TestGateway.mailServiceProperties("stuck",
                gateway().emulator("emu-stuck", null)));
        stuck.put("smtpHost", "127.0.0.1");
        stuck.put("smtpPort", FreePort.onLoopback());
        // After its failed first attempt a mail waits a minute: long enough to be seen and cancelled while waiting.
        stuck.put("retryBase", 60L);
        stuck.put("retryCap", 60L);
        gateway().mailService(stuck);
        service(CellularMailService.class, "(cellmail.name=console)");
        service(CellularMailService.class, "(cellmail.name=stuck)");
        service(Object.class, "(osgi.command.scope=cellmail)");
    }

    @After
    public void stopSmtpServer() {
        events.close();
        smtp.close();
    }

    @Test
    public void shouldSendAMailAndPrintItsReceipt() throws Exception {
        String output = run("cellmail:send --service console ops@example.com \"Console alarm\" \"Sent from Gogo\"");

        assertThat(output).contains("Sent ").contains(" on console ").contains("after 1 attempt");
        assertThat(smtp.awaitMails(1, DELIVERY)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Console alarm");
            assertThat(mail.text()).contains("Sent from Gogo");
        });
    }

    @Test
    public void shouldSendProbeAndShowTheStatusOfAServiceOnAnLteModule() throws Exception {
        Map<String, Object> lte = withSecrets(TestGateway.mailServiceProperties("lte",
                gateway().emulator("emu-console-lte", smtp.hostAndPort(), "eg25g")));
        lte.put("dialect", "quectel-lte");
        gateway().mailService(lte);
        service(CellularMailService.class, "(cellmail.name=lte)");

        String sent = run("cellmail:send --service lte ops@example.com \"LTE alarm\" \"Sent from Gogo over LTE\"");
        String probe = run("cellmail:probe --service lte");
        String status = run("cellmail:status -s lte");

        assertThat(sent).contains("Sent ").contains(" on lte ").contains("after 1 attempt");
        assertThat(smtp.awaitMails(1, DELIVERY)).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("LTE alarm");
            assertThat(mail.text()).contains("Sent from Gogo over LTE");
        });
        assertThat(probe).contains("EG25").contains("Revision: EG25GGBR07A08M2G");
        assertThat(status).contains("lte").contains("SMTP security").contains("sent 1").doesNotContain(SMTP_PASSWORD)
                .doesNotContain(APN_PASSWORD);
        assertThat(run("cellmail:transcript --service lte --lines 200")).contains("AT+QSMTPCFG=\"account\"")
                .doesNotContain(SMTP_PASSWORD);
    }

    @Test
    public void shouldSendAnSmsThroughTheServiceAndCountItInTheStatus() throws Exception {
        String sent = run("cellmail:sms --service console --id console-sms \"+41791234567\" \"Console SMS alarm\"");

        assertThat(sent).startsWith("Sent SMS console-sms on console to +41791234567 at ")
                .contains(": 1 part, message references [").contains("after 1 attempt");
        assertThat(events.await("console-sms", SmsEvents.SENT, DELIVERY)).containsExactly(SmsEvents.SENT);
        assertThat(events.events("console-sms").get(0).getProperty(SmsEvents.NUMBER)).isEqualTo("+41791234567");
        assertThat(run("cellmail:status -s console")).contains("SMS           0 waiting, sent 1, failed 0");
        assertThat(run("cellmail:sms --service console +41791234567 unquoted"))
                .startsWith("cellmail:sms: put the number in quotes");
    }

    @Test
    public void shouldPrintTheStatusOfEveryServiceWithoutAPassword() throws Exception {
        run("cellmail:send --service console ops@example.com \"warm up\" \"so the modem is up\"");

        String output = run("cellmail:status");

        assertThat(output).contains("console").contains("stuck").contains("modem").contains("registration")
                .contains("signal").contains("queue").contains("last error").contains("sent 1");
    }

    @Test
    public void shouldProbeTheModem() throws Exception {
        String output = run("cellmail:probe --service console");

        assertThat(output).contains("console").contains("Quectel_M95").contains("SIM").contains("signal")
                .contains("20/31").contains("attached");
    }

    @Test
    public void shouldListAWaitingMailAndCancelIt() throws Exception {
        String id = queuedId(run("cellmail:send --service stuck --nowait ops@example.com \"Waiting\" \"no server\""));
        events.await(id, MailEvents.RETRYING, DELIVERY);

        assertThat(run("cellmail:queue --service stuck")).contains("stuck: 1 mail").contains(id);
        assertThat(run("cellmail:queue cancel " + id)).contains(id + " cancelled on stuck");
        assertThat(run("cellmail:queue --service stuck")).contains("no mail waiting");
        assertThat(events.await(id, MailEvents.CANCELLED, DELIVERY)).doesNotContain(MailEvents.SENT);
    }

    @Test
    public void shouldShowTheMaskedAtTranscriptOfTheModem() throws Exception {
        run("cellmail:send --service console ops@example.com \"Transcript\" \"so there is AT traffic\"");

        String output = run("cellmail:transcript --service console --lines 200");

        assertThat(output).contains("AT+QSMTPSRV").contains("AT+QSMTPPUT").contains("AT+QSMTPPWD");
    }

    @Test
    public void shouldPrintUsageForASendWithoutArguments() throws Exception {
        assertThat(run("cellmail:send")).containsIgnoringCase("usage");
    }

    private static String queuedId(String output) {
        Matcher id = QUEUED_ID.matcher(output);
        assertThat(id.find()).as("a queued mail's id in: " + output).isTrue();
        return id.group(1);
    }

    /** Runs a console command as an operator does; fails the test if the answer shows a password. */
    private String run(String command) throws Exception {
        return GogoConsole.run(service(CommandProcessor.class), command, SMTP_PASSWORD, APN_PASSWORD);
    }

    private static Map<String, Object> withSecrets(Map<String, Object> properties) {
        properties.put("authentication", true);
        properties.put("smtpUser", "alarm");
        properties.put(".smtpPassword", SMTP_PASSWORD);
        properties.put("apn", "internet.example");
        properties.put("apnUser", "gprs");
        properties.put(".apnPassword", APN_PASSWORD);
        return properties;
    }

}
