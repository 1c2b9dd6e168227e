/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import io.cellmail.api.Registration;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.emulator.EmulatorLinks;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.quectel.internal.MailerTimings;
import io.cellmail.serial.SerialLinks;
import io.cellmail.serial.internal.SerialLinkRegistry;
import io.cellmail.service.internal.MailServiceSettings;
import io.cellmail.service.internal.EventSink;
import io.cellmail.service.internal.MailService;
import io.cellmail.service.spi.MailerSettings;
import io.cellmail.service.spi.ModemMailer;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * A test bench: an emulated module reachable as {@code emulator:<name>}, its SMTP route pointing at a GreenMail
 * server, the real factory, mailers and mail services on it. Everything it made is closed by {@link #close()}.
 *
 * <p>Timings are short but keep the guard rule honest: the emulator wants {@value #EMULATOR_GUARD_MILLIS} ms of
 * silence around {@code +++}, the engine keeps {@value #ENGINE_GUARD_MILLIS} ms. The margin is wide on purpose: the
 * emulator times bytes when its reader thread takes them, so on a loaded machine a late reader could see the
 * payload and the engine's {@code +++} as one chunk, and take the escape for data.
 */
public final class ModemBench implements AutoCloseable {

    /** Makes the factory of a dialect with a fast engine and the bench's waits. */
    @FunctionalInterface
    public interface Factories {
        /**
         * @param links the bench's link registry
         * @param timings the mailers' waits
         * @return the factory
         */
        ModemMailerFactory create(SerialLinks links, MailerTimings timings);
    }

    public static final long EMULATOR_GUARD_MILLIS = 20;
    public static final long ENGINE_GUARD_MILLIS = 100;
    public static final String SMTP_USER = "gw";
    public static final String SMTP_PASSWORD = "s3cret-pw";
    public static final String SENDER = "gateway@example.com";
    public static final String SENDER_NAME = "Gateway";
    /** No line rate on the emulator; a fast nominal rate keeps the engine's drain wait before {@code +++} short. */
    public static final String FAST_LINE = "?baud=10000000";
    /** The GSM dialect's factory. */
    static final Factories GSM = (links, timings) -> new QuectelMailerFactory(links, ModemBench::fastEngine,
            timings);
    /** Waits for a real module would make the tests slow; the emulator answers in microseconds. */
    public static final MailerTimings TIMINGS = new MailerTimings(Duration.ofSeconds(10), Duration.ofMillis(500),
            Duration.ofSeconds(5), Duration.ofMinutes(10), MailerTimings.DEFAULT.longestPutResultWait());

    private static final AtomicInteger NAMES = new AtomicInteger();

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Factories factories;
    private final ModemMailerFactory factory;
    private final SerialLinkRegistry links;
    private final MailerTimings timings;
    private final ModemEmulator emulator;
    private final String linkUri;
    private final String name;

    /**
     * @param smtpPort the GreenMail SMTP port every mail of the emulator goes to
     * @param tuning changes to the emulator's settings
     */
    ModemBench(int smtpPort, UnaryOperator<EmulatorSettings.Builder> tuning) {
        this(smtpPort, tuning, FAST_LINE);
    }

    /**
     * @param smtpPort the GreenMail SMTP port every mail of the emulator goes to
     * @param tuning changes to the emulator's settings
     * @param linkQuery the query of the link URI, e.g. {@code ?baud=9600} to match an emulator's line rate
     */
    ModemBench(int smtpPort, UnaryOperator<EmulatorSettings.Builder> tuning, String linkQuery) {
        this(smtpPort, tuning, linkQuery, TIMINGS);
    }

    /**
     * @param smtpPort the GreenMail SMTP port every mail of the emulator goes to
     * @param tuning changes to the emulator's settings
     * @param linkQuery the query of the link URI
     * @param timings the mailers' waits, e.g. a short {@link MailerTimings#longestPutResultWait()} that stands for
     *     a module silent past its own PUT timeout
     */
    ModemBench(int smtpPort, UnaryOperator<EmulatorSettings.Builder> tuning, String linkQuery, MailerTimings timings) {
        this(smtpPort, tuning, linkQuery, timings, GSM);
    }

    /**
     * @param smtpPort the GreenMail SMTP port every mail of the emulator goes to
     * @param tuning changes to the emulator's settings (e.g. its personality)
     * @param linkQuery the query of the link URI
     * @param timings the mailers' waits
     * @param factories makes the dialect's factory
     */
    public ModemBench(int smtpPort, UnaryOperator<EmulatorSettings.Builder> tuning, String linkQuery,
            MailerTimings timings, Factories factories) {
        this.factories = factories;
        name = "bench" + NAMES.incrementAndGet();
        emulator = ModemEmulator.create(tuning.apply(EmulatorSettings.builder()
                .guardTime(Duration.ofMillis(EMULATOR_GUARD_MILLIS))
                .smtpRoute("127.0.0.1:" + smtpPort)).build());
        opened.push(emulator);
        EmulatorLinks emulatorLinks = new EmulatorLinks();
        emulatorLinks.register(name, emulator);
        linkUri = "emulator:" + name + linkQuery;
        links = new SerialLinkRegistry(List.of(emulatorLinks));
        this.timings = timings;
        factory = factories.create(links, timings);
    }

    /** @param smtpPort the GreenMail SMTP port */
    ModemBench(int smtpPort) {
        this(smtpPort, UnaryOperator.identity());
    }

    /** @return a GreenMail server on a free loopback port that knows the bench's SMTP account */
    public static GreenMailExtension greenMail() {
        return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));
    }

    public static AtEngineSettings.Builder fastEngine(AtEngineSettings.Builder engine) {
        return engine.probeTimeout(Duration.ofMillis(300)).settleTime(Duration.ofMillis(30))
                .trailingOkLinger(Duration.ofMillis(20)).reopenBackoff(Duration.ofMillis(50), Duration.ofMillis(500))
                .commandTimeout(Duration.ofSeconds(3));
    }

    /** @return the module's name in its link URI, which is also the AT engine's name in thread names */
    public String name() {
        return name;
    }

    /** @return the emulated module */
    public ModemEmulator emulator() {
        return emulator;
    }

    /** @return the factory all mailers of the bench come from */
    public ModemMailerFactory factory() {
        return factory;
    }

    /**
     * @param settings the mailer's settings
     * @return a started mailer from a factory of its own, as after a restart of the gateway (the factory forgets
     *     what it knew, e.g. a refused SIM PIN); closed with the bench
     */
    public ModemMailer mailerAfterRestart(MailerSettings settings) {
        ModemMailer mailer = factories.create(links, timings).create(settings);
        opened.push(mailer);
        return mailer;
    }

    /** @return settings for the bench's module: authentication on, an APN, a named sender, a 30 s deadline */
    public MailerSettings.Builder settings() {
        return MailerSettings.builder(linkUri, "smtp.example.com", SENDER)
                .authentication(SMTP_USER, SMTP_PASSWORD)
                .apn("internet", "", "")
                .sender(SENDER, SENDER_NAME)
                .guardTime(Duration.ofMillis(ENGINE_GUARD_MILLIS))
                .sendDeadline(Duration.ofSeconds(30));
    }

    /** @return a started mailer with {@link #settings()} */
    public ModemMailer mailer() {
        return mailer(settings().build());
    }

    /** @return a started mailer, closed with the bench */
    public ModemMailer mailer(MailerSettings settings) {
        ModemMailer mailer = factory.create(settings);
        opened.push(mailer);
        return mailer;
    }

    /** @return a started mailer whose first radio check in the background is done */
    public ModemMailer readyMailer() {
        ModemMailer mailer = mailer();
        awaitRadioKnown(mailer);
        return mailer;
    }

    /**
     * @return a started mail service with short retries and no rate limit, on the real driver; closed with the
     *     bench (it closes its mailer)
     */
    public MailService service(Path outbox, EventSink events) throws IOException {
        return service(settings().build(), outbox, events);
    }

    public MailService service(MailerSettings settings, Path outbox, EventSink events) throws IOException {
        return service(settings, outbox, events, UnaryOperator.identity());
    }

    /**
     * @param settings the mailer's settings
     * @param outbox the outbox directory
     * @param events where the service posts its events
     * @param tuning changes to the service's settings (short retries and no rate limit before them)
     * @return a started mail service on the real driver; closed with the bench
     */
    public MailService service(MailerSettings settings, Path outbox, EventSink events,
            UnaryOperator<MailServiceSettings.Builder> tuning) throws IOException {
        ModemMailer mailer = factory.create(settings);
        MailService service;
        try {
            service = new MailService(tuning.apply(MailServiceSettings.builder("bench", settings, outbox)
                    .retry(Duration.ofMillis(20), Duration.ofMillis(100)).maxPerHour(0)).build(), mailer, events);
        } catch (IOException | RuntimeException e) {
            mailer.close();
            throw e;
        }
        opened.push(service);
        service.start();
        return service;
    }

    public static void awaitRadioKnown(MailService service) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> service.serviceStatus().registration() != Registration.UNKNOWN);
    }

    public static void awaitRadioKnown(ModemMailer mailer) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mailer.health().registration() != Registration.UNKNOWN);
    }

    /** @return the command lines the module received so far, passwords masked */
    public List<String> commands() {
        return emulator.transcript().commands();
    }

    /**
     * @param work something that talks to the module
     * @return the command lines the module received while it ran
     */
    public List<String> commandsDuring(Runnable work) {
        int before = commands().size();
        work.run();
        List<String> all = commands();
        return List.copyOf(all.subList(before, all.size()));
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
