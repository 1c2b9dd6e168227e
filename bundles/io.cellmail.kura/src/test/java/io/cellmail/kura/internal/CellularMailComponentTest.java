/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.kura.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.service.internal.CellularMailFactoryComponent;

/**
 * The Kura component's lifecycle driven directly, as Kura's SCR would: activate, updated, deactivate, with a fake
 * dialect and a reversing stand-in for Kura's CryptoService; no framework.
 */
class CellularMailComponentTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String KURA_METATYPE = "OSGI-INF/metatype/" + CellularMailComponent.PID + ".xml";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @TempDir
    Path dataArea;

    private final FakeMailerFactory factory = new FakeMailerFactory();
    /** The service bundle's factory service with the GSM driver bound, as SCR binds it. */
    private final CellularMailFactoryComponent services = new CellularMailFactoryComponent();
    private final String name = "kura" + NAMES.incrementAndGet();
    private CellularMailComponent component;

    @BeforeEach
    void bindTheGsmDriver() {
        services.bindMailerFactory(factory, Map.of("dialect", "quectel-gsm", "service.id", 7L));
    }

    @AfterEach
    void deactivate() {
        if (component != null) {
            component.deactivate();
        }
    }

    @Test
    void shouldComeUpNotConfiguredFromTheMetatypeDefaultsOpenNoLinkAndStartOnceAPortIsSet() throws Exception {
        // What Kura seeds a new instance with: the metatype's defaults and its own bookkeeping, nothing else.
        KuraProperties seeded = KuraProperties.instance("Modem " + name).withAll(Metatype.defaults(KURA_METATYPE))
                .with("outboxDirectory", dataArea.resolve("outbox").toString());

        activate(seeded);

        assertThat(component.serviceStatus().modem()).isEqualTo(ModemState.NOT_CONFIGURED);
        assertThat(component.configurationProblem()).hasValueSatisfying(p -> assertThat(p).contains("not configured"));
        assertThat(factory.mailers).as("mailers, each of which would open the port").isEmpty();
        assertThatThrownBy(() -> component.send(mail("too early"))).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED));

        update(seeded.with("port", "serial:/dev/ttyS1").with("authentication", false));

        assertThat(component.serviceStatus().modem()).isNotEqualTo(ModemState.NOT_CONFIGURED);
        assertThat(component.send(mail("configured")).toCompletableFuture().get(10, TimeUnit.SECONDS).messageId())
                .isNotBlank();
        assertThat(factory.last().settings.linkUri()).startsWith("serial:/dev/ttyS1");
    }

    @Test
    void shouldGiveTheMailerTheDecryptedPassword() {
        activate(instance().login("alarm", "smtp-secret"));

        assertThat(factory.last().settings.smtpPassword()).isEqualTo("smtp-secret");
        assertThat(factory.last().settings.smtpUser()).isEqualTo("alarm");
    }

    @Test
    void shouldUseAPasswordKuraDidNotEncryptAsGiven() {
        activate(instance().with("authentication", true).with("smtpUser", "alarm")
                .with(".smtpPassword", "typed-in-plain"));

        assertThat(factory.last().settings.smtpPassword()).isEqualTo("typed-in-plain");
    }

    @Test
    void shouldSendThroughTheConfiguredMailer() throws Exception {
        activate(instance());

        DeliveryReceipt receipt = component.send(mail("hello")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(receipt.messageId()).isNotBlank();
        assertThat(factory.last().sent).extracting(MailMessage::subject).containsExactly("hello");
    }

    @Test
    void shouldApplyANewSmtpServerLiveAndStillDeliverTheMailQueuedBefore() throws Exception {
        factory.offline(true);
        activate(instance().with("smtpHost", "old.example.com"));
        CompletionStage<DeliveryReceipt> queued = component.send(mail("queued before the change"));
        await().atMost(WAIT).until(() -> component.queue().size() == 1 && component.queue().get(0).attempts() >= 1);

        factory.offline(false);
        update(instance().with("smtpHost", "new.example.com"));

        assertThat(factory.mailers).hasSize(2);
        assertThat(factory.mailers.get(0).closed).isTrue();
        assertThat(factory.last().settings.smtpHost()).isEqualTo("new.example.com");
        component.retryNow(component.queue().get(0).messageId());
        assertThat(queued.toCompletableFuture().get(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(factory.last().sent).extracting(MailMessage::subject).containsExactly("queued before the change");
    }

    @Test
    void shouldKeepRunningWithoutANewMailerWhenNothingItUsesChanged() {
        activate(instance().login("alarm", "secret"));

        update(instance().login("alarm", "secret").with("unrelated.kura.property", "x"));

        assertThat(factory.mailers).hasSize(1);
        assertThat(factory.last().closed).isFalse();
    }

    @Test
    void shouldStayRegisteredButRefuseMailWhileTheConfigurationIsWrong() {
        activate(instance().login("alarm", "hunter2-secret").with("smtpPort", 0));

        assertThat(component.configurationProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("smtpPort").doesNotContain("hunter2-secret"));
        assertThat(component.serviceStatus().modem()).isEqualTo(ModemState.UNAVAILABLE);
        assertThatThrownBy(() -> component.send(mail("refused")))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED))
                .hasMessageContaining("smtpPort");
        assertThat(factory.mailers).isEmpty();
    }

    @Test
    void shouldRecoverWhenTheOperatorFixesTheConfiguration() throws Exception {
        activate(instance().with("smtpPort", 0));

        update(instance().with("smtpPort", 2525));

        assertThat(component.configurationProblem()).isEmpty();
        assertThat(component.send(mail("after the fix")).toCompletableFuture().get(10, TimeUnit.SECONDS)).isNotNull();
    }

    @Test
    void shouldSendThroughTheDriverOfTheConfiguredDialectAloneAndFollowAChangeOfIt() throws Exception {
        FakeMailerFactory lte = new FakeMailerFactory();
        services.bindMailerFactory(lte, Map.of("dialect", "quectel-lte", "service.id", 42L));
        activate(instance().with("dialect", "quectel-lte"));

        component.send(mail("over LTE")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(lte.last().sent).extracting(MailMessage::subject).containsExactly("over LTE");
        assertThat(factory.mailers).as("mailers of the GSM driver").isEmpty();

        update(instance().with("dialect", "quectel-gsm"));
        component.send(mail("over GSM")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(lte.last().closed).isTrue();
        assertThat(factory.last().sent).extracting(MailMessage::subject).containsExactly("over GSM");
    }

    @Test
    void shouldSayWhichDriverIsMissingAndStartWhenItComes() throws Exception {
        activate(instance().with("dialect", "quectel-lte"));

        assertThat(component.configurationProblem()).hasValueSatisfying(problem -> assertThat(problem)
                .contains("no driver of dialect quectel-lte").contains("installed: quectel-gsm"));
        assertThat(component.serviceStatus().modem()).isEqualTo(ModemState.UNAVAILABLE);
        assertThat(factory.mailers).isEmpty();

        FakeMailerFactory lte = new FakeMailerFactory();
        services.bindMailerFactory(lte, Map.of("dialect", "quectel-lte", "service.id", 42L));

        assertThat(component.configurationProblem()).isEmpty();
        component.send(mail("driver came")).toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(lte.last().sent).extracting(MailMessage::subject).containsExactly("driver came");
    }

    @Test
    void shouldLeaveNoCellmailThreadAfterDeactivation() throws Exception {
        activate(instance());
        component.send(mail("one")).toCompletableFuture().get(10, TimeUnit.SECONDS);

        component.deactivate();
        component = null;

        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.isAlive() && thread.getName().startsWith("cellmail-")
                        && thread.getName().endsWith(name)));
    }

    private KuraProperties instance() {
        return KuraProperties.instance("Modem " + name).with("cellmail.name", name)
                .with("smtpHost", "smtp.example.com")
                .with("authentication", false).with("retryBase", 1L).with("retryCap", 1L)
                .with("outboxDirectory", dataArea.resolve("outbox").toString());
    }

    private void activate(KuraProperties properties) {
        component = new CellularMailComponent(services, new ReversingCrypto(), dataArea);
        component.activate(KuraScr.configuration(properties.toMap()), properties.toMap());
    }

    /** As Kura's SCR calls the modified method: the configuration typed, and the properties it came from. */
    private void update(KuraProperties properties) {
        component.updated(KuraScr.configuration(properties.toMap()), properties.toMap());
    }

    private static MailMessage mail(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("text").build();
    }
}
