/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;

import io.cellmail.api.CellularMailService;
import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailMessage;
import io.cellmail.itests.support.CellmailTestSupport;
import io.cellmail.itests.support.Configurations;
import io.cellmail.itests.support.EventRecorder;
import io.cellmail.itests.support.FreePort;
import io.cellmail.itests.support.ReceivedMail;
import io.cellmail.itests.support.Services;
import io.cellmail.itests.support.SmtpServer;
import io.cellmail.itests.support.TestGateway;
import io.cellmail.service.CellularMailAdmin;
import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The plain mail service in Felix, configured through ConfigAdmin like on a gateway: a factory configuration of
 * the emulator (inside the framework, relaying with Angus Mail through SPI Fly) and one of the mail service, which
 * reaches the emulator over TCP; GreenMail (helper JVM) receives the mail.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MailServiceIT extends CellmailTestSupport {

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
    public void shouldDeliverAMailToTheSmtpServerAndPostQueuedThenSent() throws Exception {
        String link = gateway().emulator("emu-send", smtp.hostAndPort());
        gateway().mailService(TestGateway.mailServiceProperties("send", link));
        CellularMailService service = mailService("send");
        MailMessage mail = MailMessage.builder().to("ops@example.com").subject("Pump 4 pressure low")
                .body("Pressure 0.4 bar at 03:12").build();

        DeliveryReceipt receipt = service.send(mail).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(receipt.messageId()).isEqualTo(mail.id());
        List<ReceivedMail> received = smtp.awaitMails(1, DELIVERY);
        assertThat(received).singleElement().satisfies(delivered -> {
            assertThat(delivered.subject()).isEqualTo("Pump 4 pressure low");
            assertThat(delivered.to()).containsExactly("ops@example.com");
            assertThat(delivered.from()).contains("gateway@example.com");
            assertThat(delivered.text()).contains("Pressure 0.4 bar at 03:12");
        });
        assertThat(events.await(mail.id(), MailEvents.SENT, DELIVERY))
                .containsExactly(MailEvents.QUEUED, MailEvents.SENT);
        assertThat(events.events(mail.id())).allSatisfy(event ->
                assertThat(event.getProperty(MailEvents.SERVICE_NAME)).isEqualTo("send"));
    }

    @Test
    public void shouldDeliverThroughTheLteDialectToAnEmulatedEg25g() throws Exception {
        String link = gateway().emulator("emu-lte", smtp.hostAndPort(), Map.of("personality", "EG25G"));
        Map<String, Object> properties = TestGateway.mailServiceProperties("lte", link);
        properties.put("dialect", "quectel-lte");
        gateway().mailService(properties);
        CellularMailService service = mailService("lte");
        MailMessage mail = MailMessage.builder().to("ops@example.com").subject("Pump 5 over LTE")
                .body("Pressure 9.1 bar").attach("trend.csv", "t,p\n1,9.1\n".getBytes(StandardCharsets.US_ASCII))
                .build();

        service.send(mail).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(smtp.awaitMails(1, DELIVERY)).singleElement().satisfies(delivered -> {
            assertThat(delivered.subject()).isEqualTo("Pump 5 over LTE");
            assertThat(delivered.text()).contains("Pressure 9.1 bar");
        });
    }

    @Test
    public void shouldApplyAConfigurationChangeWhileMailIsQueuedAndStillDeliverTheQueuedMail() throws Exception {
        // No route: the emulated module connects to the SMTP server the service configures, at first a dead port.
        String link = gateway().emulator("emu-change", null);
        Map<String, Object> properties = TestGateway.mailServiceProperties("change", link);
        properties.put("smtpHost", "127.0.0.1");
        properties.put("smtpPort", FreePort.onLoopback());
        Configuration configuration = gateway().mailService(properties);
        CellularMailService service = mailService("change");
        MailMessage mail = MailMessage.builder().to("ops@example.com").subject("Queued across a change")
                .body("sent after the operator fixed the SMTP port").build();
        CompletionStage<DeliveryReceipt> stage = service.send(mail);
        events.await(mail.id(), MailEvents.RETRYING, DELIVERY);

        properties.put("smtpPort", smtp.port());
        Configurations.update(configuration, properties);

        assertThat(stage.toCompletableFuture().get(30, TimeUnit.SECONDS).messageId()).isEqualTo(mail.id());
        assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject)
                .containsExactly("Queued across a change");
        List<String> topics = events.await(mail.id(), MailEvents.SENT, DELIVERY);
        assertThat(topics).startsWith(MailEvents.QUEUED, MailEvents.RETRYING).endsWith(MailEvents.SENT)
                .doesNotContain(MailEvents.FAILED, MailEvents.EXPIRED, MailEvents.CANCELLED);
    }

    @Test
    public void shouldSendMailAnEarlierIncarnationLeftInTheOutboxWhileNoBundleUsesTheService() throws Exception {
        Path outbox = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "outbox-");
        // The earlier incarnation: its module reaches no SMTP server, so the mail waits in the outbox.
        String link = gateway().emulator("emu-immediate", null);
        Map<String, Object> earlier = TestGateway.mailServiceProperties("earlier", link);
        earlier.put("outboxDirectory", outbox.toString());
        earlier.put("smtpHost", "127.0.0.1");
        earlier.put("smtpPort", FreePort.onLoopback());
        Configuration first = gateway().mailService(earlier);
        MailMessage mail = MailMessage.builder().to("ops@example.com").subject("Left in the outbox")
                .body("queued before the power cut").build();
        mailService("earlier").send(mail);
        events.await(mail.id(), MailEvents.RETRYING, DELIVERY);
        configurations().delete(first);
        await().atMost(DELIVERY).until(() -> Services.count(bundleContext, CellularMailService.class,
                "(cellmail.name=earlier)") == 0);

        // The next incarnation on the same outbox, now with a working SMTP server; nobody asks for the service.
        Map<String, Object> later = TestGateway.mailServiceProperties("later", link);
        later.put("outboxDirectory", outbox.toString());
        later.put("smtpHost", "127.0.0.1");
        later.put("smtpPort", smtp.port());
        gateway().mailService(later);

        assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject)
                .containsExactly("Left in the outbox");
        events.await(mail.id(), MailEvents.SENT, DELIVERY);
        ServiceReference<CellularMailService> reference = bundleContext.getServiceReferences(
                CellularMailService.class, "(cellmail.name=later)").iterator().next();
        assertThat(reference.getUsingBundles()).as("no bundle got the service").isNull();
        assertThat(componentStatesOf("later")).containsExactly(ComponentConfigurationDTO.ACTIVE);
    }

    @Test
    public void shouldRemoveTheServiceAndLeaveNoCellmailThreadWhenItsConfigurationIsDeleted() throws Exception {
        String link = gateway().emulator("emu-delete", smtp.hostAndPort());
        Configuration configuration = gateway().mailService(TestGateway.mailServiceProperties("delete", link));
        CellularMailService service = mailService("delete");
        service.send(MailMessage.builder().to("ops@example.com").subject("last words").body("bye").build())
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(cellmailThreads()).anyMatch(name -> !name.startsWith("cellmail-emulator-"));

        configurations().delete(configuration);

        await().atMost(DELIVERY).until(() -> Services.count(bundleContext, CellularMailService.class,
                "(cellmail.name=delete)") == 0);
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(cellmailThreads())
                .as("threads of the deleted service").allMatch(name -> name.startsWith("cellmail-emulator-")));
        configurations().deleteAll();
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(cellmailThreads()).isEmpty());
    }

    @Test
    public void shouldRunTwoIndependentServicesOnTwoEmulatedModems() throws Exception {
        gateway().mailService(TestGateway.mailServiceProperties("alpha",
                gateway().emulator("emu-a", smtp.hostAndPort())));
        Configuration beta = gateway().mailService(TestGateway.mailServiceProperties("beta",
                gateway().emulator("emu-b", smtp.hostAndPort())));
        CellularMailService alpha = mailService("alpha");

        alpha.send(mail("from alpha")).toCompletableFuture().get(30, TimeUnit.SECONDS);
        mailService("beta").send(mail("from beta")).toCompletableFuture().get(30, TimeUnit.SECONDS);
        configurations().delete(beta);
        alpha.send(mail("alpha after beta left")).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(smtp.awaitMails(3, DELIVERY)).extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder("from alpha", "from beta", "alpha after beta left");
        String alphaTranscript = String.join("\n", service(CellularMailAdmin.class, "(cellmail.name=alpha)")
                .transcript(500));
        assertThat(alphaTranscript).contains("from alpha").doesNotContain("from beta");
    }

    /** @return the states SCR reports for the mail service component's configurations of this name */
    private List<Integer> componentStatesOf(String name) {
        ServiceComponentRuntime runtime = service(ServiceComponentRuntime.class);
        return runtime.getComponentDescriptionDTOs().stream()
                .filter(description -> description.name.equals(CellularMailConfiguration.FACTORY_PID))
                .flatMap(description -> runtime.getComponentConfigurationDTOs(description).stream())
                .filter(configuration -> name.equals(configuration.properties.get(CellularMailService.NAME_PROPERTY)))
                .map(configuration -> configuration.state).collect(Collectors.toList());
    }

    @Test
    public void shouldFollowTheDialectAloneToADriverThatIsRegisteredLater() throws Exception {
        // A configuration written before the dialect chose alone still holds the old default target filter; the
        // driver of acme-gsm (a third party's dialect, installed later) is a stand-in that sends through the GSM
        // driver (the emulator speaks GSM here).
        String link = gateway().emulator("emu-dialect", smtp.hostAndPort());
        Map<String, Object> properties = TestGateway.mailServiceProperties("dialect", link);
        properties.put("dialect", "acme-gsm");
        properties.put("mailerFactory.target", "(dialect=quectel-gsm)");
        gateway().mailService(properties);
        CellularMailAdmin admin = service(CellularMailAdmin.class, "(cellmail.name=dialect)");
        await().atMost(DELIVERY).until(() -> admin.configurationProblem().isPresent());
        assertThat(admin.configurationProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("no driver of dialect acme-gsm is installed").contains("quectel-gsm").contains("quectel-lte"));

        ModemMailerFactory gsm = service(ModemMailerFactory.class, "(dialect=quectel-gsm)");
        List<MailerSettings> created = new CopyOnWriteArrayList<>();
        ModemMailerFactory lte = settings -> {
            created.add(settings);
            return gsm.create(settings);
        };
        ServiceRegistration<ModemMailerFactory> registration = bundleContext.registerService(
                ModemMailerFactory.class, lte, FrameworkUtil.asDictionary(Map.of(ModemMailerFactory.DIALECT_PROPERTY,
                        "acme-gsm")));
        try {
            await().atMost(DELIVERY).until(() -> admin.configurationProblem().isEmpty());
            MailMessage mail = MailMessage.builder().to("ops@example.com").subject("Through the dialect's driver")
                    .body("chosen by the dialect setting alone").build();

            mailService("dialect").send(mail).toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(created).as("mailers of the acme-gsm driver").hasSize(1);
            assertThat(smtp.awaitMails(1, DELIVERY)).extracting(ReceivedMail::subject)
                    .containsExactly("Through the dialect's driver");
        } finally {
            registration.unregister();
        }
        await().atMost(DELIVERY).until(() -> admin.configurationProblem().isPresent());
        assertThat(admin.configurationProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("no driver of dialect acme-gsm"));
    }

    private CellularMailService mailService(String name) {
        return service(CellularMailService.class, "(" + CellularMailService.NAME_PROPERTY + "=" + name + ")");
    }

    private static MailMessage mail(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("body of " + subject).build();
    }

    private static Set<String> cellmailThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("cellmail-")).collect(Collectors.toSet());
    }
}
