/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import io.cellmail.benchmarks.RunOptions;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.Personality;
import io.cellmail.quectel.QuectelMailerFactory;
import io.cellmail.quectel.lte.QuectelLteMailerFactory;
import io.cellmail.serial.SerialLinks;
import io.cellmail.serial.internal.SerialLinkRegistry;
import io.cellmail.service.spi.ModemMailerFactory;

/**
 * The world a mail travels through in items 2 and 3: an emulated M95 at the run's line rate and per-command latency,
 * a {@code bench:} link to it whose bytes are counted, and an {@link SmtpSink} it relays to. The module lives as
 * long as the stack, across the cellmail services and the naive driver that take turns on it, as a real module
 * outlives the software that drives it.
 */
public final class SendStack implements AutoCloseable {

    private final RunOptions options;
    private final SmtpSink smtp;
    private final ModemEmulator modem;
    private final WireTap tap;
    private final SerialLinkRegistry links;
    private final Function<SerialLinks, ModemMailerFactory> dialect;

    private SendStack(RunOptions options, SmtpSink smtp, Personality personality,
            Function<SerialLinks, ModemMailerFactory> dialect, boolean attachmentsEndByLength) {
        this.options = options;
        this.smtp = smtp;
        this.dialect = dialect;
        this.tap = new WireTap(options.hostGuard());
        this.modem = ModemEmulator.create(EmulatorSettings.builder()
                .personality(personality)
                .baud(options.baud())
                .commandLatency(options.commandLatency())
                .guardTime(options.modemGuard())
                .smtpRoute(smtp.route())
                .attachmentsEndByLength(attachmentsEndByLength)
                .build());
        this.links = new SerialLinkRegistry(List.of(new BenchLinks(modem, tap)));
    }

    /**
     * @param options line rate, latency and guard times
     * @return a running stack
     * @throws IOException when the SMTP sink cannot listen
     */
    public static SendStack start(RunOptions options) throws IOException {
        return start(options, false);
    }

    /**
     * @param options line rate, latency and guard times
     * @param attachmentsEndByLength true for a module that ends an attachment upload by itself at its announced
     *     size (the emulator's {@code attachmentsEndByLength}); false for one that waits for {@code +++}
     * @return a running stack
     * @throws IOException when the SMTP sink cannot listen
     */
    public static SendStack start(RunOptions options, boolean attachmentsEndByLength) throws IOException {
        return new SendStack(options, SmtpSink.start(), Personality.M95, QuectelMailerFactory::new,
                attachmentsEndByLength);
    }

    /**
     * @param options line rate, latency and guard times
     * @return a running stack whose module is an LTE EG25-G, driven in the LTE dialect
     * @throws IOException when the SMTP sink cannot listen
     */
    public static SendStack startLte(RunOptions options) throws IOException {
        return new SendStack(options, SmtpSink.start(), Personality.EG25G, QuectelLteMailerFactory::new, false);
    }

    /**
     * @param outbox the service's outbox directory
     * @return a cellmail service with the Quectel driver of this stack's dialect on its module, started
     * @throws IOException when the outbox cannot be opened
     */
    public CellmailSender cellmail(Path outbox) throws IOException {
        return CellmailSender.start(links, dialect.apply(links), options, smtp.port(), outbox);
    }

    /** @return the naive driver on this stack's module, its engine initialised */
    public NaiveSender naive() {
        return NaiveSender.start(links, options, smtp.port());
    }

    /** Forgets the counted bytes and the module's command log: what follows belongs to the next mail. */
    public void begin() {
        tap.reset();
        modem.transcript().clear();
        smtp.drain();
    }

    /**
     * Sends one mail and measures it; call {@link #begin()} first.
     *
     * @param label names the mail in the results
     * @param send hands the mail over and returns once its delivery is confirmed
     * @return the measurement
     * @throws Exception when the mail is not delivered
     */
    public MailRun measure(String label, Callable<?> send) throws Exception {
        long started = System.nanoTime();
        send.call();
        double seconds = (System.nanoTime() - started) / 1e9;
        List<String> commands = modem.transcript().commands();
        WireTap.Snapshot wire = tap.snapshot();
        SmtpSink.Received received = smtp.next(options.mailWait());
        return new MailRun(label, seconds, commands, wire, received);
    }

    @Override
    public void close() {
        modem.close();
        smtp.close();
    }
}
