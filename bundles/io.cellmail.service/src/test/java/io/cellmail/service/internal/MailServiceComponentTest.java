/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.w3c.dom.Element;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailEvents;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.MessageState;
import io.cellmail.api.MessageStatus;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.service.CellularMailConfiguration;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.MailerSettings.SmtpSecurity;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;

/**
 * The Declarative Services lifecycle of a configured mail service, driven directly: activate, modified and
 * deactivate with a fake dialect factory and a recording EventAdmin, no framework.
 */
class MailServiceComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dataArea;

    private final FakeMailerFactory factory = new FakeMailerFactory();
    private final RecordingEventAdmin eventAdmin = new RecordingEventAdmin();
    private final String name = "component" + NAMES.incrementAndGet();
    private final List<MailServiceComponent> components = new CopyOnWriteArrayList<>();

    @AfterEach
    void deactivateAll() {
        components.forEach(MailServiceComponent::deactivate);
    }

    @Test
    void shouldDeliverMailAndPostItsEventsToEventAdminOnceActivated() throws Exception {
        MailServiceComponent component = component();
        component.bindEventAdmin(eventAdmin);
        activate(component, configuration());

        DeliveryReceipt receipt = receipt(component.send(mail("hello")));

        assertThat(receipt.attempts()).isEqualTo(1);
        assertThat(component.name()).isEqualTo(name);
        assertThat(component.serviceStatus().name()).isEqualTo(name);
        assertThat(component.configurationProblem()).isEmpty();
        await().atMost(WAIT).until(() -> eventAdmin.topics().contains(MailEvents.SENT));
        assertThat(eventAdmin.topics()).containsExactly(MailEvents.QUEUED, MailEvents.SENT);
        assertThat(eventAdmin.events.get(1).getProperty(MailEvents.SERVICE_NAME)).isEqualTo(name);
        assertThat(eventAdmin.events.get(1).getProperty(MailEvents.MESSAGE_ID)).isEqualTo(receipt.messageId());
        assertThat(factory.created()).singleElement()
                .satisfies(s -> assertThat(s.linkUri()).isEqualTo("emulator:test?baud=115200&flow=none"));
    }

    @Test
    void shouldDeliverMailWithoutEventAdminAndAfterItLeft() throws Exception {
        MailServiceComponent component = component();
        component.bindEventAdmin(eventAdmin);
        activate(component, configuration());
        component.unbindEventAdmin(eventAdmin);

        receipt(component.send(mail("no one listens")));

        assertThat(eventAdmin.events).isEmpty();
    }

    @Test
    void shouldComeUpNotConfiguredWithTheDefaultPortOpenNoLinkAndStartOnceAPortIsSet() throws Exception {
        MailServiceComponent component = component();

        activate(component, configuration("port", null));

        assertThat(component.serviceStatus().modem()).isEqualTo(ModemState.NOT_CONFIGURED);
        assertThat(component.configurationProblem()).contains(ConfiguredMailService.NOT_CONFIGURED);
        assertThat(factory.created()).as("mailers (each would open the port)").isEmpty();
        assertThatThrownBy(() -> component.send(mail("too early")))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED);
                    assertThat(e.getMessage()).contains(name).contains("not configured yet");
                });

        modified(component, configuration());

        assertThat(component.configurationProblem()).isEmpty();
        assertThat(receipt(component.send(mail("configured now"))).attempts()).isEqualTo(1);
        assertThat(factory.created()).singleElement()
                .satisfies(s -> assertThat(s.linkUri()).startsWith("emulator:test"));
    }

    @Test
    void shouldStayUpAndRefuseMailNamingTheProblemWhenTheConfigurationIsInvalid() {
        MailServiceComponent component = component();

        assertThatCode(() -> activate(component, configuration("smtpPort", "smtp")))
                .doesNotThrowAnyException();

        assertThatThrownBy(() -> component.send(mail("refused")))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED);
                    assertThat(e.getMessage()).contains(name).contains("smtpPort");
                });
        assertThat(component.configurationProblem()).hasValueSatisfying(p -> assertThat(p).contains("smtpPort"));
        assertThat(component.serviceStatus().modem()).isEqualTo(ModemState.UNAVAILABLE);
        assertThat(component.serviceStatus().name()).isEqualTo(name);
        assertThat(component.queue()).isEmpty();
        assertThat(component.status("any")).isEmpty();
        assertThat(component.cancel("any")).isFalse();
        assertThat(component.retryNow("any")).isFalse();
        assertThat(component.transcript(10)).isEmpty();
        assertThat(component.counters().queued()).isZero();
        assertThatThrownBy(component::probe).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE));
        assertThat(factory.created()).isEmpty();
    }

    @Test
    void shouldStartOnceAnInvalidConfigurationIsFixed() throws Exception {
        MailServiceComponent component = component();
        activate(component, configuration("flowControl", "xonxoff"));

        modified(component, configuration());

        assertThat(component.configurationProblem()).isEmpty();
        receipt(component.send(mail("fixed")));
    }

    @Test
    void shouldReportWhatTheDialectRefusesWithoutItsPasswords() {
        factory.refuseWith(settings -> new IllegalArgumentException("password '" + settings.smtpPassword()
                + "' is longer than 50 characters"));
        MailServiceComponent component = component();

        activate(component, configuration("authentication", true,
                ".smtpPassword", "hunter2-very-secret"));

        assertThat(component.configurationProblem()).hasValueSatisfying(problem -> {
            assertThat(problem).contains("refused the settings").contains("longer than 50");
            assertThat(problem).doesNotContain("hunter2");
        });
    }

    @Test
    void shouldReportAnOutboxThatAnotherServiceHolds() {
        CellularMailConfiguration shared = configuration("outboxDirectory", "shared");
        MailServiceComponent first = component();
        activate(first, shared);
        MailServiceComponent second = component();

        activate(second, shared);

        assertThat(first.configurationProblem()).isEmpty();
        assertThat(second.configurationProblem()).hasValueSatisfying(p -> assertThat(p).contains("cannot be opened"));
        assertThat(factory.mailers().get(1).isClosed()).as("the second mailer is not leaked").isTrue();
    }

    @Test
    void shouldSendThroughTheDriverOfTheConfiguredDialectAloneAmongTheBoundOnes() throws Exception {
        FakeMailerFactory lte = new FakeMailerFactory();
        MailServiceComponent component = component();
        component.bindMailerFactory(lte, Map.of("dialect", "quectel-lte", "service.id", 43L));

        activate(component, configuration("dialect", "quectel-lte"));
        receipt(component.send(mail("over LTE")));

        assertThat(lte.mailers()).singleElement().satisfies(m -> assertThat(m.subjects()).containsExactly("over LTE"));
        assertThat(factory.created()).as("mailers of the GSM driver").isEmpty();

        modified(component, configuration("dialect", "quectel-gsm"));
        receipt(component.send(mail("over GSM")));

        assertThat(lte.mailers().get(0).isClosed()).isTrue();
        assertThat(factory.mailers()).singleElement()
                .satisfies(m -> assertThat(m.subjects()).containsExactly("over GSM"));
    }

    @Test
    void shouldTakeTheBestRankedDriverOfTheDialect() throws Exception {
        FakeMailerFactory better = new FakeMailerFactory();
        MailServiceComponent component = component();
        component.bindMailerFactory(better, Map.of("dialect", "quectel-gsm", "service.id", 44L,
                "service.ranking", 10));

        activate(component, configuration());
        receipt(component.send(mail("ranked")));

        assertThat(better.created()).hasSize(1);
        assertThat(factory.created()).isEmpty();
    }

    @Test
    void shouldSayWhichDriverIsMissingStartWhenItComesAndWaitAgainWhenItGoes() throws Exception {
        MailServiceComponent component = component();

        activate(component, configuration("dialect", "quectel-lte"));

        assertThat(component.configurationProblem()).hasValueSatisfying(p -> assertThat(p)
                .contains("no driver of dialect quectel-lte is installed").contains("installed: quectel-gsm")
                .contains("starts when one is registered"));
        assertThat(component.serviceStatus().modem()).isEqualTo(ModemState.UNAVAILABLE);
        assertThatThrownBy(() -> component.send(mail("no driver"))).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.getMessage()).contains("no driver of dialect quectel-lte"));
        assertThat(factory.created()).isEmpty();

        FakeMailerFactory lte = new FakeMailerFactory();
        component.bindMailerFactory(lte, Map.of("dialect", "quectel-lte", "service.id", 43L));

        assertThat(component.configurationProblem()).isEmpty();
        receipt(component.send(mail("driver came")));
        assertThat(lte.mailers()).singleElement().satisfies(m -> assertThat(m.subjects())
                .containsExactly("driver came"));

        component.unbindMailerFactory(lte);

        assertThat(lte.mailers().get(0).isClosed()).as("the mailer of a driver that went").isTrue();
        assertThat(component.configurationProblem()).hasValueSatisfying(p -> assertThat(p)
                .contains("no driver of dialect quectel-lte"));
        await().atMost(WAIT).until(() -> threadsOf(name).isEmpty());
    }

    @Test
    void shouldBindEveryDriverWithoutATargetSoThatTheRetiredTargetFilterChoosesNothing() throws Exception {
        // The component description SCR reads: a configuration that still holds the old default
        // mailerFactory.target=(dialect=quectel-gsm) must not keep the component from a driver of another dialect.
        Element reference = ScrConfiguration.reference(ScrConfiguration.DESCRIPTION, ModemMailerFactory.class);

        assertThat(reference.getAttribute("name")).isEqualTo("mailerFactories");
        assertThat(reference.getAttribute("cardinality")).isEqualTo("0..n");
        assertThat(reference.getAttribute("policy")).isEqualTo("dynamic");
        assertThat(reference.getAttribute("target")).isEmpty();
        assertThat(ScrConfiguration.componentProperties()).doesNotContainKey("mailerFactory.target");
    }

    @Test
    void shouldWarnInTheStatusOfTlsWithoutServerVerificationAndShowTheSecurityInUse() throws Exception {
        MailServiceComponent component = component();
        component.bindMailerFactory(new FakeMailerFactory(), Map.of("dialect", "quectel-lte", "service.id", 43L));

        activate(component, configuration("dialect", "quectel-lte", "smtpSecurity", "tls", "smtpPort", 465,
                "verifyServer", false));

        assertThat(component.serviceStatus().warnings()).containsExactly(MailerWarnings.UNVERIFIED_TLS);
        assertThat(MailerWarnings.UNVERIFIED_TLS).startsWith("TLS without server verification: anybody between the "
                + "module and the SMTP server can read the mail and the SMTP password");
        assertThat(component.smtpSecurity()).hasValueSatisfying(tls -> {
            assertThat(tls.security()).isEqualTo(SmtpSecurity.IMPLICIT_TLS);
            assertThat(tls.verifyServer()).isFalse();
        });

        modified(component, configuration("dialect", "quectel-lte", "smtpSecurity", "tls", "smtpPort", 465,
                "caCertificateFile", Path.of(getClass().getResource("/test-ca.pem").toURI()).toString()));

        assertThat(component.serviceStatus().warnings()).isEmpty();
        assertThat(component.smtpSecurity()).hasValueSatisfying(tls -> assertThat(tls.verifyServer()).isTrue());
    }

    @Test
    void shouldShowNoSmtpSecurityWhileTheServiceDoesNotRun() {
        MailServiceComponent component = component();

        activate(component, configuration("smtpPort", 0));

        assertThat(component.smtpSecurity()).isEmpty();
        assertThat(component.serviceStatus().warnings()).isEmpty();
    }

    @Test
    void shouldReplaceOnlyTheMailerWhenTheSmtpServerChangesAndKeepTheQueuedMailAndItsStage() throws Exception {
        factory.holdFirstMailer();
        MailServiceComponent component = component();
        activate(component, configuration());
        CompletionStage<DeliveryReceipt> stage = component.send(mail("across the change"));
        await().atMost(WAIT).until(() -> factory.mailers().get(0).calls().size() == 1);

        modified(component, configuration("smtpHost", "smtp2.example.com"));

        assertThat(receipt(stage).attempts()).as("the stage of the running service survives").isEqualTo(2);
        assertThat(factory.created()).extracting(MailerSettings::smtpHost)
                .containsExactly("smtp.example.com", "smtp2.example.com");
        assertThat(factory.mailers().get(0).isClosed()).isTrue();
        assertThat(factory.mailers().get(1).subjects()).containsExactly("across the change");
    }

    @Test
    void shouldOpenANewServiceOnTheSameOutboxWhenRetriesChangeAndDeliverWhatWasQueued() throws Exception {
        factory.holdFirstMailer();
        MailServiceComponent component = component();
        activate(component, configuration());
        MailMessage queued = mail("queued before the change");
        CompletionStage<DeliveryReceipt> stage = component.send(queued);
        await().atMost(WAIT).until(() -> factory.mailers().get(0).calls().size() == 1);

        modified(component, configuration("retryBase", 2, "retryCap", 4));

        assertThat(failure(stage).code()).isEqualTo(MailErrorCode.SERVICE_STOPPED);
        assertThat(component.queue()).extracting(MessageStatus::messageId).containsExactly(queued.id());
        assertThat(component.retryNow(queued.id())).isTrue();
        await().atMost(WAIT).until(() -> component.status(queued.id()).map(MessageStatus::state)
                .filter(MessageState.SENT::equals).isPresent());
        assertThat(factory.mailers()).hasSize(2);
        assertThat(factory.mailers().get(1).subjects()).containsExactly("queued before the change");
        await().atMost(WAIT).until(() -> threadsOf(name).size() <= 2);
    }

    @Test
    void shouldMoveToTheNewNamesOutboxAndStopTheOldServiceWhenTheNameChanges() throws Exception {
        MailServiceComponent component = component();
        activate(component, configuration());
        receipt(component.send(mail("before")));
        String renamed = name + "-renamed";

        modified(component, configuration("cellmail.name", renamed));

        assertThat(component.name()).isEqualTo(renamed);
        assertThat(component.serviceStatus().name()).isEqualTo(renamed);
        receipt(component.send(mail("after")));
        assertThat(dataArea.resolve("outbox-" + renamed)).isDirectory();
        await().atMost(WAIT).until(() -> threadsOf(name).isEmpty());
    }

    @Test
    void shouldKeepTheModemAsItIsWhenNothingItUsesChanged() {
        MailServiceComponent component = component();
        activate(component, configuration());

        modified(component, configuration("some.unrelated.property", "x"));

        assertThat(factory.created()).hasSize(1);
        assertThat(factory.mailers().get(0).isClosed()).isFalse();
    }

    @Test
    void shouldStopTheRunningServiceWhenAChangedConfigurationIsInvalid() {
        MailServiceComponent component = component();
        activate(component, configuration());

        modified(component, configuration("expiry", 0));

        assertThat(component.configurationProblem()).hasValueSatisfying(p -> assertThat(p).contains("expiry"));
        assertThat(factory.mailers().get(0).isClosed()).isTrue();
        await().atMost(WAIT).until(() -> threadsOf(name).isEmpty());
    }

    @Test
    void shouldCloseEverythingAndLeaveNoThreadOnDeactivate() throws Exception {
        MailServiceComponent component = component();
        activate(component, configuration());
        receipt(component.send(mail("one")));
        assertThat(threadsOf(name)).isNotEmpty();

        component.deactivate();

        await().atMost(WAIT).until(() -> threadsOf(name).isEmpty());
        assertThat(factory.mailers().get(0).isClosed()).isTrue();
        assertThat(component.serviceStatus().modem()).isEqualTo(ModemState.STOPPED);
        assertThatThrownBy(() -> component.send(mail("late"))).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED));
    }

    @Test
    void shouldOfferTheQueueCancelProbeTranscriptAndCountersThroughTheAdminInterface() throws Exception {
        factory.holdFirstMailer();
        MailServiceComponent component = component();
        activate(component, configuration());
        component.send(mail("first"));
        await().atMost(WAIT).until(() -> factory.mailers().get(0).calls().size() == 1);
        MailMessage second = mail("second");
        component.send(second);
        ScriptedMailer mailer = factory.mailers().get(0);
        ModemProbe answer = new ModemProbe(List.of("Quectel_M95"), "READY", Registration.HOME, OptionalInt.of(17),
                true);
        mailer.probe(answer);
        mailer.transcript(List.of(">> AT", "<< OK"));

        assertThat(component.queue()).extracting(MessageStatus::state)
                .containsExactly(MessageState.SENDING, MessageState.QUEUED);
        assertThat(component.cancel(second.id())).isTrue();
        assertThat(component.probe()).isEqualTo(answer);
        assertThat(component.transcript(1)).containsExactly("<< OK");
        assertThat(component.counters().cancelled()).isEqualTo(1);
        assertThat(component.counters().queued()).isEqualTo(1);
        mailer.release();
    }

    private MailServiceComponent component() {
        MailServiceComponent component = new MailServiceComponent(dataArea);
        component.bindMailerFactory(factory, Map.of("dialect", "quectel-gsm", "service.id", 7L));
        components.add(component);
        return component;
    }

    /**
     * @return a valid configuration of this test's service, with the given keys and values changed (a null value
     *     leaves the key out, so the component's default applies)
     */
    private CellularMailConfiguration configuration(Object... changes) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("service.pid", CellularMailConfiguration.FACTORY_PID + "~" + name);
        properties.put("cellmail.name", name);
        properties.put("port", "emulator:test");
        properties.put("authentication", false);
        properties.put("senderAddress", "gateway@example.com");
        properties.put("retryBase", 1);
        properties.put("retryCap", 2);
        properties.put("maxPerHour", 0);
        for (int i = 0; i < changes.length; i += 2) {
            properties.put((String) changes[i], changes[i + 1]);
        }
        properties.values().removeIf(Objects::isNull);
        return ScrConfiguration.of(properties);
    }

    private static MailMessage mail(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("body").build();
    }

    private static DeliveryReceipt receipt(CompletionStage<DeliveryReceipt> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static MailException failure(CompletionStage<DeliveryReceipt> stage) throws Exception {
        try {
            throw new AssertionError("delivered: " + receipt(stage));
        } catch (ExecutionException e) {
            return (MailException) e.getCause();
        }
    }

    private static List<Thread> threadsOf(String serviceName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("cellmail-")
                        && t.getName().endsWith("-" + serviceName))
                .toList();
    }

    /** Keeps every posted event; sending synchronously is never expected. */
    private static final class RecordingEventAdmin implements EventAdmin {

        final List<Event> events = new CopyOnWriteArrayList<>();

        @Override
        public void postEvent(Event event) {
            events.add(event);
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("the service must never block on event handlers: " + event);
        }

        List<String> topics() {
            return events.stream().map(Event::getTopic).toList();
        }
    }

    /** As Declarative Services activates it: with the configuration typed, and as given (typed already here). */
    private static void activate(MailServiceComponent component, CellularMailConfiguration configuration) {
        component.activate(configuration, Map.of());
    }

    private static void modified(MailServiceComponent component, CellularMailConfiguration configuration) {
        component.modified(configuration, Map.of());
    }
}
