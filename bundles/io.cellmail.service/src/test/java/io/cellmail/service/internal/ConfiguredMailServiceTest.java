/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cellmail.api.DeliveryReceipt;
import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.service.spi.MailerSettings;

/**
 * The composition other front ends (Kura) use with settings they mapped themselves: run, reject, close, run again.
 * The property path and every configuration change are covered through the DS component in
 * {@link MailServiceComponentTest}.
 */
class ConfiguredMailServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path outbox;

    private final FakeMailerFactory factory = new FakeMailerFactory();
    private final ConfiguredMailService service = new ConfiguredMailService(factory, "quectel-gsm", () -> null, null);

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void shouldRunWithSettingsTheFrontEndMappedItself() throws Exception {
        service.configure("quectel-gsm", settings("kura-modem"));

        DeliveryReceipt receipt = service.send(mail()).toCompletableFuture().get(WAIT.toMillis(),
                TimeUnit.MILLISECONDS);

        assertThat(receipt.attempts()).isEqualTo(1);
        assertThat(service.name()).isEqualTo("kura-modem");
        assertThat(factory.created()).extracting(MailerSettings::smtpPassword).containsExactly("s3cret");
    }

    @Test
    void shouldStopAndShowTheProblemWhenAFrontEndRejectsItsConfiguration() {
        service.configure("quectel-gsm", settings("kura-modem"));

        service.reject("kura-modem", ".smtpPassword cannot be decrypted");

        assertThat(service.configurationProblem()).contains(".smtpPassword cannot be decrypted");
        assertThat(service.serviceStatus().modem()).isEqualTo(ModemState.UNAVAILABLE);
        assertThatThrownBy(() -> service.send(mail())).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.SERVICE_STOPPED);
            assertThat(e.getMessage()).contains("kura-modem does not run: .smtpPassword cannot be decrypted");
        });
        assertThat(factory.mailers().get(0).isClosed()).isTrue();
        await().atMost(WAIT).until(() -> threadsOf("kura-modem").isEmpty());
    }

    @Test
    void shouldRunAgainWhenConfiguredAfterCloseOrReject() throws Exception {
        service.configure("quectel-gsm", settings("again"));
        service.close();
        assertThat(service.serviceStatus().modem()).isEqualTo(ModemState.STOPPED);
        service.reject("again", "broken");

        service.configure("quectel-gsm", settings("again"));

        assertThat(service.configurationProblem()).isEmpty();
        service.send(mail()).toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(factory.mailers()).hasSize(2);
    }

    private MailServiceSettings settings(String name) {
        MailerSettings mailer = MailerSettings.builder("emulator:test", "smtp.example.com", "gateway@example.com")
                .authentication("gateway", "s3cret").build();
        return MailServiceSettings.builder(name, mailer, outbox.resolve(name)).maxPerHour(0).build();
    }

    private static MailMessage mail() {
        return MailMessage.builder().to("ops@example.com").subject("hello").body("body").build();
    }

    private static List<Thread> threadsOf(String serviceName) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("cellmail-")
                        && t.getName().endsWith("-" + serviceName))
                .toList();
    }
}
