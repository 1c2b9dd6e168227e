/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.emulator.internal.line.BytePipe;
import io.cellmail.emulator.internal.line.InMemoryHostSide;
import io.cellmail.emulator.internal.line.LineRate;
import io.cellmail.emulator.internal.line.SessionRunner;
import io.cellmail.emulator.internal.modem.ModemCore;
import io.cellmail.emulator.internal.smtp.AngusSmtpRelay;
import io.cellmail.emulator.internal.smtp.SmtpRelay;
import io.cellmail.emulator.internal.transcript.TranscriptLog;

/**
 * One emulated Quectel GSM module with its SMTP client. It answers the AT commands of the GSM SMTP manual as the
 * module does — accepting what it accepts, refusing what it refuses — and sends the mail it is asked to send
 * through a real SMTP client.
 *
 * <p>Its state (SMTP settings, recipients, subject, body, attachments, echo, context settings, even an unfinished
 * data-mode upload) lives as long as this object, across host connections, like a real module; only a reboot
 * clears it. The module powers on, with its boot URCs, when the first host connects. One host at a time:
 * {@link #attach} closes the previous session.
 *
 * <pre>{@code
 * try (ModemEmulator modem = ModemEmulator.create(EmulatorSettings.builder().smtpRoute("127.0.0.1:3025").build());
 *      HostSide host = modem.connect()) {
 *     host.output().write("AT\r".getBytes(StandardCharsets.US_ASCII));
 *     // read "AT\r\r\nOK\r\n" (echo is on after boot) from host.input()
 * }
 * }</pre>
 *
 * Thread-safe.
 */
public final class ModemEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemEmulator.class);

    private final EmulatorSettings settings;
    private final TranscriptLog transcript;
    private final ModemCore core;
    private EmulatorSession session;
    private boolean closed;

    /**
     * A module that sends mail through the given relay. Package-private: the relay type is internal, so only
     * this package (and its tests) may choose one; everyone else uses {@link #create(EmulatorSettings)}.
     *
     * @param settings how the module behaves
     * @param relay what carries out {@code AT+QSMTPPUT}
     */
    ModemEmulator(EmulatorSettings settings, SmtpRelay relay) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(relay, "relay");
        this.transcript = new TranscriptLog(Clock.systemUTC());
        this.core = new ModemCore(settings, relay, transcript, System::nanoTime);
    }

    /**
     * A module that sends mail over real SMTP (Jakarta Mail), to the server set by {@code AT+QSMTPSRV} or to
     * {@link EmulatorSettings#smtpRoute()}.
     *
     * @param settings how the module behaves
     * @return the module, not yet powered on
     */
    public static ModemEmulator create(EmulatorSettings settings) {
        return new ModemEmulator(settings, new AngusSmtpRelay());
    }

    /** @return the settings this module was made with */
    public EmulatorSettings settings() {
        return settings;
    }

    /**
     * Connects a host: a session thread reads {@code fromHost} and the module writes to {@code toHost}. The first
     * connection powers the module on (boot URCs first, unless autobaud or disabled). The session owns both
     * streams and closes them when it ends.
     *
     * @param fromHost the bytes the host sends
     * @param toHost where the module's output goes
     * @return the running session
     * @throws IllegalStateException if this emulator is closed
     */
    public synchronized EmulatorSession attach(InputStream fromHost, OutputStream toHost) {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(toHost, "toHost");
        if (closed) {
            throw new IllegalStateException("emulator closed");
        }
        if (session != null) {
            session.close();
        }
        LineRate inputRate = new LineRate(settings.bytesPerSecond(), System::nanoTime, TimeUnit.NANOSECONDS::sleep);
        SessionRunner runner = new SessionRunner(core, fromHost, toHost, inputRate, System::nanoTime);
        session = runner;
        runner.start();
        return runner;
    }

    /**
     * Connects an in-JVM host through bounded in-memory channels: what an {@code emulator:} serial link wraps.
     *
     * @return the host's end of the connection
     * @throws IllegalStateException if this emulator is closed
     */
    public HostSide connect() {
        BytePipe toModem = new BytePipe(InMemoryHostSide.CAPACITY);
        BytePipe toHost = new BytePipe(InMemoryHostSide.CAPACITY);
        EmulatorSession attached = attach(toModem.source(), toHost.sink());
        return new InMemoryHostSide(toModem, toHost, attached);
    }

    /** @return fault injection for this module */
    public Faults faults() {
        return core.faults();
    }

    /** @return the service centre and phones that receive the short messages this module sends */
    public SmsCentre smsCentre() {
        return core.smsCentre();
    }

    /** @return every line received and sent */
    public ModuleTranscript transcript() {
        return transcript;
    }

    /** Ends the session and stops the module's threads; a mail in flight gets no result. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (session != null) {
                session.close();
            }
        }
        core.close();
        LOG.debug("emulator closed");
    }
}
