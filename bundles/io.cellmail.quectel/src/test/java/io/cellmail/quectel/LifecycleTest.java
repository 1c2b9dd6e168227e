/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.quectel.internal.MailerTimings;
import io.cellmail.quectel.internal.RecordingLinks;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.SenderIdentity;

/**
 * The factory and the mailer's life: registration as a DS component, settings checked before the link is ever
 * opened, no blocking in {@code create}, and {@code close()} ending a send at once and leaving no thread behind.
 * (A module still busy with a mail whose result the host did not get: {@link PutResultTest}.)
 */
class LifecycleTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = ModemBench.greenMail();

    private static final SenderIdentity SENDER = new SenderIdentity(ModemBench.SENDER, "");

    private ModemBench bench;
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopBench() throws Exception {
        dispatcher.shutdownNow();
        assertThat(dispatcher.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        if (bench != null) {
            bench.close();
        }
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    @Test
    void shouldRegisterAsTheQuectelGsmDialectNeedingTheSerialLinksAndAnEngineFactory() throws Exception {
        String xml;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("OSGI-INF/io.cellmail.quectel.QuectelMailerFactory.xml")) {
            assertThat(in).as("bnd wrote the component description").isNotNull();
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(QuectelDialect.NAME).isEqualTo("quectel-gsm");
        assertThat(xml).contains("<property name=\"dialect\" type=\"String\" value=\"quectel-gsm\"/>")
                .contains("<provide interface=\"io.cellmail.service.spi.ModemMailerFactory\"/>")
                .contains("interface=\"io.cellmail.serial.SerialLinks\"")
                .contains("interface=\"io.cellmail.at.AtEngineFactory\"");
    }

    @Test
    void shouldRefuseBadSettingsWithoutOpeningTheLink() {
        RecordingLinks links = new RecordingLinks();
        QuectelMailerFactory factory = new QuectelMailerFactory(links);
        MailerSettings bad = MailerSettings.builder("serial:/dev/ttyUSB2", "smtp.example.com", "gw@example.com")
                .authentication("gw", "x".repeat(51)).build();

        assertThatThrownBy(() -> factory.create(bad)).isInstanceOfSatisfying(MailException.class, e -> {
            assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_PARAMETER);
            assertThat(e.field()).hasValue("smtpPassword");
        });
        assertThat(links.opened()).isEmpty();
    }

    @Test
    void shouldCreateWithoutBlockingAndReportAModemThatIsNotThere() {
        RecordingLinks links = new RecordingLinks();
        QuectelMailerFactory factory = new QuectelMailerFactory(links, ModemBench::fastEngine,
                new MailerTimings(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1),
                        Duration.ofMinutes(10), Duration.ofMinutes(5)));
        MailerSettings settings = MailerSettings.builder("serial:/dev/ttyUSB9?baud=9600&flow=rtscts",
                "smtp.example.com", "gw@example.com").fixedBaud(true).build();

        try (ModemMailer mailer = factory.create(settings)) {
            assertThat(mailer.health().state()).isEqualTo(ModemState.STARTING);
            assertThatThrownBy(() -> mailer.send(alarm("nowhere"), SENDER, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(MailException.class,
                            e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE))
                    .hasMessageContaining("not ready");
            await().atMost(Duration.ofSeconds(5)).until(() -> !links.opened().isEmpty());
            assertThat(links.opened()).first().isEqualTo("serial:/dev/ttyUSB9?baud=9600&flow=rtscts");
        }
    }

    @Test
    void shouldEndARunningSendPromptlyOnCloseAndLeaveNoThread() throws Exception {
        bench = new ModemBench(SMTP.getSmtp().getPort());
        ModemMailer mailer = bench.readyMailer();
        bench.emulator().faults().smtpDelay(Duration.ofSeconds(20));
        Future<?> send = dispatcher.submit(() -> mailer.send(alarm("cut"), SENDER, Duration.ofSeconds(60)));
        await().atMost(Duration.ofSeconds(5)).until(() -> bench.commands().contains("AT+QSMTPPUT=100"));

        long started = System.nanoTime();
        mailer.close();

        assertThatThrownBy(() -> send.get(3, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(mailer.health().state()).isEqualTo(ModemState.STOPPED);
        assertThatThrownBy(() -> mailer.send(alarm("late"), SENDER, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE));
        assertThat(threadsOf(bench.name())).isEmpty();
    }

    private static List<String> threadsOf(String engineName) {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        return threads.stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.endsWith("-" + engineName)).toList();
    }
}
