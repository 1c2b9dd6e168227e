/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.api.MailMessage;
import io.cellmail.api.ModemState;
import io.cellmail.api.Registration;
import io.cellmail.api.ServiceStatus;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.emulator.DeliveredSms;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.Personality;
import io.cellmail.quectel.QuectelDialect;
import io.cellmail.quectel.QuectelMailerFactory;
import io.cellmail.quectel.auto.internal.AutoTimings;
import io.cellmail.quectel.lte.QuectelLteMailerFactory;
import io.cellmail.serial.internal.SerialLinkRegistry;
import io.cellmail.service.internal.EventSink;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemHealth;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;
import io.cellmail.service.spi.ModemProbe;
import io.cellmail.service.spi.SenderIdentity;
import io.cellmail.service.spi.SmsReceipt;
import io.cellmail.service.spi.SmsRequest;

/**
 * The {@code auto} dialect against the emulator's three modules: an M95 gets the real GSM driver and its mail
 * reaches GreenMail; an EG25-G gets the real LTE driver and its mail reaches GreenMail too (elsewhere a recording
 * factory stands for whatever is registered as {@code quectel-lte}); a BG95 has no SMTP client, a final state whose
 * mail fails at once.
 */
class AutoDialectTest {

    private static final String USER = "gw";
    private static final String PASSWORD = "s3cret-pw";
    private static final String SENDER = "gateway@example.com";
    private static final String LTE = "quectel-lte";
    private static final AtomicInteger NAMES = new AtomicInteger();
    /** Short pauses; the command timeout still far above the emulator's answers. */
    private static final AutoTimings TIMINGS = new AutoTimings(Duration.ofSeconds(1), Duration.ofMillis(50),
            Duration.ofMillis(400), Duration.ofSeconds(30), Duration.ofSeconds(10));

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    @TempDir
    Path outbox;

    private final EmulatorLinks emulatorLinks = new EmulatorLinks();
    private final SerialLinkRegistry links = new SerialLinkRegistry(List.of(emulatorLinks));
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final RecordingFactory lte = new RecordingFactory();
    private final RecordingFactory gsm = new RecordingFactory(new QuectelMailerFactory(links));
    private final RecordingFactory realLte = new RecordingFactory(new QuectelLteMailerFactory(links));

    @AfterEach
    void closeEverything() throws Exception {
        while (!opened.isEmpty()) {
            opened.pop().close();
        }
    }

    @Test
    void shouldDeliverThroughTheGsmDriverWhenTheModuleIsAnM95() throws Exception {
        ModemMailer mailer = mailer(both(), plugged(Personality.M95));

        mailer.send(alarm("Pump 3 pressure high"), sender(), Duration.ofSeconds(30));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Pump 3 pressure high");
        assertThat(gsm.created).hasSize(1);
        assertThat(lte.created).isEmpty();
        ModemHealth health = mailer.health();
        assertThat(health.module()).hasValueSatisfying(line -> assertThat(line).contains("Quectel_M95")
                .contains("dialect quectel-gsm").contains("found by auto"));
        assertThat(mailer.transcript(500)).anyMatch(line -> line.endsWith(">> AT+QSMTPCFG=?"))
                .anyMatch(line -> line.contains(">> AT+QSMTPPUT"));
    }

    @Test
    void shouldDeliverThroughTheLteDriverWhenTheModuleIsAnEg25g() throws Exception {
        String name = plugged(Personality.EG25G);
        MailerSettings settings = settings(name);
        ModemMailer mailer = track(factory(Map.of(QuectelDialect.NAME, gsm, LTE, realLte)).create(settings));

        mailer.send(alarm("Pump 3 pressure high"), sender(), Duration.ofSeconds(30));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(SMTP.getReceivedMessages()[0].getSubject()).isEqualTo("Pump 3 pressure high");
        assertThat(realLte.created).containsExactly(settings);
        assertThat(gsm.created).isEmpty();
        assertThat(mailer.health().module()).hasValueSatisfying(line -> assertThat(line).contains("EG25")
                .contains("Revision: EG25GGBR07A08M2G").contains("dialect quectel-lte"));
        assertThat(mailer.transcript(500)).anyMatch(line -> line.contains(">> AT+QSMTPCFG=\"smtpserver\""))
                .anyMatch(line -> line.contains(">> AT+QSMTPBODY="));
    }

    @Test
    void shouldSendAnSmsThroughTheDialectItFoundAndRefuseItWhereItDrivesNone() throws Exception {
        ModemEmulator eg25g = emulator(Personality.EG25G);
        String name = "eg25g-sms" + NAMES.incrementAndGet();
        emulatorLinks.register(name, eg25g);
        ModemMailer lteMailer = mailer(Map.of(QuectelDialect.NAME, gsm, LTE, realLte), name);
        ModemMailer bg95Mailer = mailer(both(), plugged(Personality.BG95));

        SmsReceipt receipt = lteMailer.sendSms(SmsRequest.single("+41791234567", "Pump 3 pressure high"),
                Duration.ofSeconds(30));

        List<DeliveredSms> delivered = eg25g.smsCentre().awaitDelivered(1, Duration.ofSeconds(10));
        assertThat(delivered).singleElement().satisfies(sms -> {
            assertThat(sms.number()).isEqualTo("+41791234567");
            assertThat(sms.text()).isEqualTo("Pump 3 pressure high");
        });
        assertThat(receipt.parts()).isEqualTo(1);
        assertThatThrownBy(() -> bg95Mailer.sendSms(SmsRequest.single("+41791234567", "x"), Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code()).isEqualTo(MailErrorCode.SMS_NOT_SUPPORTED);
                    assertThat(e.getMessage()).contains("BG95-M3").contains("no SMTP client");
                });
    }

    @Test
    void shouldFailEveryMailAtOnceWithAPermanentCodeOnAModuleWithoutSmtpClient() throws Exception {
        String name = plugged(Personality.BG95);
        MailerSettings settings = settings(name);
        List<String> events = new CopyOnWriteArrayList<>();
        EventSink sink = (topic, properties) -> events.add(topic.substring(topic.lastIndexOf('/') + 1));
        MailService service = new MailService(MailServiceSettings.builder("bg95", settings, outbox)
                .retry(Duration.ofMillis(20), Duration.ofMillis(100)).maxPerHour(0).build(),
                factory(both()).create(settings), sink);
        opened.push(service);
        service.start();

        CompletableFuture<?> outcome = service.send(alarm("Pump 3 pressure high")).toCompletableFuture();

        assertThatThrownBy(() -> outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.NO_SMTP_CLIENT));
        assertThat(MailErrorCode.NO_SMTP_CLIENT.isTransient()).isFalse();
        assertThat(events).containsExactly("QUEUED", "FAILED");
        ServiceStatus status = service.serviceStatus();
        assertThat(status.modem()).isEqualTo(ModemState.UNSUPPORTED);
        assertThat(status.module()).hasValueSatisfying(line -> assertThat(line).contains("BG95-M3")
                .contains("no SMTP client"));
        assertThat(gsm.created).isEmpty();
        assertThat(lte.created).isEmpty();
    }

    @Test
    void shouldProbeAndShowTheTranscriptOfAModuleWithoutSmtpClient() {
        ModemMailer mailer = mailer(both(), plugged(Personality.BG95));

        ModemProbe probe = mailer.probe();

        assertThat(probe.identity()).contains("BG95-M3");
        assertThat(probe.sim()).isEqualTo("READY");
        assertThat(mailer.health().state()).isEqualTo(ModemState.UNSUPPORTED);
        assertThat(mailer.transcript(500)).anyMatch(line -> line.endsWith(">> AT+QSMTPCFG=?"))
                .anyMatch(line -> line.endsWith(">> AT+CPIN?"));
        assertThatThrownBy(() -> mailer.send(alarm("again"), sender(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(MailException.class,
                        e -> assertThat(e.code()).isEqualTo(MailErrorCode.NO_SMTP_CLIENT));
    }

    @Test
    void shouldNameTheMissingDialectAndHandTheModuleToItOnceItComes() throws Exception {
        AutoMailerFactory factory = factory(Map.of(QuectelDialect.NAME, gsm));
        ModemMailer mailer = mailer(factory, plugged(Personality.EG25G));

        await().atMost(Duration.ofSeconds(10)).until(() -> mailer.health().module().orElse("").contains("not installed"));
        assertThat(mailer.health().state()).isEqualTo(ModemState.UNAVAILABLE);
        assertThat(mailer.health().module()).hasValueSatisfying(line -> assertThat(line).contains("quectel-lte"));
        assertThatThrownBy(() -> mailer.send(alarm("waits"), sender(), Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(MailException.class, e -> {
                    assertThat(e.code().isTransient()).isTrue();
                    assertThat(e.getMessage()).contains("quectel-lte");
                });

        factory.addDialect(lte, Map.of(ModemMailerFactory.DIALECT_PROPERTY, LTE));
        mailer.send(alarm("delivered"), sender(), Duration.ofSeconds(5));
        assertThat(lte.sent).hasSize(1);
        assertThat(mailer.health().module()).hasValueSatisfying(line -> assertThat(line).contains("found by auto"));

        factory.removeDialect(lte, Map.of(ModemMailerFactory.DIALECT_PROPERTY, LTE));
        assertThat(lte.closed).hasValue(1);
        assertThat(mailer.health().module()).hasValueSatisfying(line -> assertThat(line).contains("not installed"));
    }

    @Test
    void shouldIdentifyAModuleWhosePortAppearsLate() throws Exception {
        String name = "late" + NAMES.incrementAndGet();
        ModemMailer mailer = mailer(both(), name);
        CompletableFuture<Void> send = CompletableFuture.runAsync(() -> mailer.send(alarm("after boot"), sender(),
                Duration.ofSeconds(60)));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> mailer.health().module().orElse("").contains("identifying"));
        mailer.validate(longSubject()); // accepted: the module and its limits are not known yet

        emulatorLinks.register(name, emulator(Personality.M95));

        send.get(60, TimeUnit.SECONDS);
        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThatThrownBy(() -> mailer.validate(longSubject())).isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.INVALID_MESSAGE));
    }

    @Test
    void shouldAskAgainWhenTheModuleDoesNotAnswerItsIdentification() throws Exception {
        String name = "mute" + NAMES.incrementAndGet();
        ModemEmulator modem = emulator(Personality.M95);
        modem.faults().muteOn("AT+QSMTPCFG");
        emulatorLinks.register(name, modem);
        ModemMailer mailer = mailer(both(), name);

        mailer.send(alarm("second try"), sender(), Duration.ofSeconds(30));

        assertThat(SMTP.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(mailer.transcript(500)).filteredOn(line -> line.endsWith(">> AT+QSMTPCFG=?")).hasSize(2);
    }

    @Test
    void shouldEndPromptlyWhenClosedDuringTheIdentification() throws Exception {
        String name = "never" + NAMES.incrementAndGet();
        ModemMailer mailer = factory(both()).create(settings(name));
        CompletableFuture<Void> send = CompletableFuture.runAsync(() -> mailer.send(alarm("never"), sender(),
                Duration.ofMinutes(5)));
        await().atMost(Duration.ofSeconds(5)).until(() -> threadsOf(name) > 0);

        mailer.close();

        assertThatThrownBy(() -> send.get(10, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(MailException.class,
                e -> assertThat(e.code()).isEqualTo(MailErrorCode.MODEM_UNAVAILABLE));
        await().atMost(Duration.ofSeconds(10)).until(() -> threadsOf(name) == 0);
        assertThat(mailer.health().state()).isEqualTo(ModemState.STOPPED);
    }

    private static long threadsOf(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().endsWith("-" + name)).count();
    }

    private Map<String, ModemMailerFactory> both() {
        return Map.of(QuectelDialect.NAME, gsm, LTE, lte);
    }

    private AutoMailerFactory factory(Map<String, ModemMailerFactory> dialects) {
        return new AutoMailerFactory(links, dialects, AutoDialectTest::fastEngine, TIMINGS);
    }

    private ModemMailer mailer(Map<String, ModemMailerFactory> dialects, String name) {
        return mailer(factory(dialects), name);
    }

    private ModemMailer mailer(AutoMailerFactory factory, String name) {
        return track(factory.create(settings(name)));
    }

    private ModemMailer track(ModemMailer mailer) {
        opened.push(mailer);
        return mailer;
    }

    private String plugged(Personality personality) {
        String name = personality.name().toLowerCase(java.util.Locale.ROOT) + NAMES.incrementAndGet();
        emulatorLinks.register(name, emulator(personality));
        return name;
    }

    private ModemEmulator emulator(Personality personality) {
        ModemEmulator modem = ModemEmulator.create(EmulatorSettings.builder().personality(personality)
                .guardTime(Duration.ofMillis(20)).smtpRoute("127.0.0.1:" + SMTP.getSmtp().getPort()).build());
        opened.addLast(modem);
        return modem;
    }

    private static MailerSettings settings(String name) {
        return MailerSettings.builder("emulator:" + name + "?baud=10000000", "smtp.example.com", SENDER)
                .authentication(USER, PASSWORD).apn("internet", "", "").sender(SENDER, "Gateway")
                .guardTime(Duration.ofMillis(100)).sendDeadline(Duration.ofSeconds(30)).build();
    }

    private static AtEngineSettings.Builder fastEngine(AtEngineSettings.Builder engine) {
        return engine.probeTimeout(Duration.ofMillis(300)).settleTime(Duration.ofMillis(30))
                .trailingOkLinger(Duration.ofMillis(20)).reopenBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .commandTimeout(Duration.ofSeconds(3));
    }

    private static SenderIdentity sender() {
        return new SenderIdentity(SENDER, "Gateway");
    }

    private static MailMessage alarm(String subject) {
        return MailMessage.builder().to("ops@example.com").subject(subject).body("7.9 bar").build();
    }

    private static MailMessage longSubject() {
        return MailMessage.builder().to("ops@example.com").subject("x".repeat(QuectelDialect.MAX_SUBJECT + 1))
                .body("7.9 bar").build();
    }

    /** Records what it creates; makes real mailers with a given factory, or mailers that only record. */
    private static final class RecordingFactory implements ModemMailerFactory {

        final List<MailerSettings> created = new CopyOnWriteArrayList<>();
        final List<MailMessage> sent = new CopyOnWriteArrayList<>();
        final AtomicInteger closed = new AtomicInteger();
        private final ModemMailerFactory real;

        RecordingFactory() {
            this(null);
        }

        RecordingFactory(ModemMailerFactory real) {
            this.real = real;
        }

        @Override
        public ModemMailer create(MailerSettings settings) {
            created.add(settings);
            if (real != null) {
                return real.create(settings);
            }
            return new ModemMailer() {
                @Override
                public void send(MailMessage message, SenderIdentity sender, Duration deadline) {
                    sent.add(message);
                }

                @Override
                public ModemHealth health() {
                    return new ModemHealth(ModemState.READY, Registration.HOME, OptionalInt.of(20));
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        }
    }
}
