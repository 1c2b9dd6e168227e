/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.itests.support.CellmailTestSupport;
import io.cellmail.itests.support.EventRecorder;
import io.cellmail.itests.support.GogoConsole;
import io.cellmail.itests.support.ReceivedMail;
import io.cellmail.itests.support.SmtpServer;
import io.cellmail.itests.support.TestGateway;

/**
 * The {@code auto} dialect in Felix as a gateway runs it: the Quectel bundle's {@code dialect=auto} factory, bound by
 * Declarative Services to the other dialects' factories, chosen by a mail service's configuration; the emulated
 * module over TCP as an M95 (its mail delivered by the GSM driver) and as a BG95 (no SMTP client: the mail fails at
 * its first attempt), and {@code cellmail:status} naming the module found.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AutoDialectIT extends CellmailTestSupport {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    private SmtpServer smtp;
    private EventRecorder events;

    @Before
    public void startSmtpServerAndListenToEvents() {
        smtp = SmtpServer.start();
        events = EventRecorder.register(bundleContext);
    }

    @After
    public void stopSmtpServerAndListening() {
        events.close();
        smtp.close();
    }

    @Test
    public void shouldDeliverThroughTheDialectOfTheModuleItFoundAndShowItOnTheConsole() throws Exception {
        gateway().mailService(auto("auto-m95", gateway().emulator("emu-auto-m95", smtp.hostAndPort(), "m95")));
        CellularMailService service = mailService("auto-m95");

        service.send(mail("found by auto")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject).containsExactly("found by auto");
        assertThat(service.serviceStatus().module()).hasValueSatisfying(line -> assertThat(line)
                .contains("Quectel_M95").contains("dialect quectel-gsm, found by auto"));
        assertThat(status("auto-m95")).contains("module        Quectel_M95 (Quectel_Ltd Quectel_M95 Revision:"
                + " M95FAR02A08), dialect quectel-gsm, found by auto");
    }

    @Test
    public void shouldFailMailAtOnceOnAModuleWithoutSmtpClient() throws Exception {
        gateway().mailService(auto("auto-bg95", gateway().emulator("emu-auto-bg95", smtp.hostAndPort(), "bg95")));
        CellularMailService service = mailService("auto-bg95");
        MailMessage mail = mail("never sent");

        assertThatThrownBy(() -> service.send(mail).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.NO_SMTP_CLIENT));

        assertThat(events.await(mail.id(), MailEvents.FAILED, DELIVERY))
                .containsExactly(MailEvents.QUEUED, MailEvents.FAILED);
        await().atMost(DELIVERY).until(() -> service.serviceStatus().modem() == ModemState.UNSUPPORTED);
        assertThat(status("auto-bg95")).contains("modem         UNSUPPORTED")
                .contains("module        BG95-M3 (Quectel BG95-M3 Revision: BG95M3LAR02A03): no SMTP client");
        assertThat(smtp.mails()).isEmpty();
    }

    private static Map<String, Object> auto(String name, String link) {
        Map<String, Object> properties = TestGateway.mailServiceProperties(name, link);
        properties.put("dialect", "auto");
        properties.put("mailerFactory.target", "(dialect=auto)");
        return properties;
    }

    private String status(String name) throws Exception {
        return GogoConsole.run(service(CommandProcessor.class), "cellmail:status --service " + name);
    }

    private CellularMailService mailService(String name) {
        return service(CellularMailService.class, "(" + CellularMailService.NAME_PROPERTY + "=" + name + ")");
    }

    private static MailMessage mail(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("body of " + subject).build();
    }
}
