/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.google.errorprone.annotations.concurrent.GuardedBy;
import org.jspecify.annotations.Nullable;

import io.cellmail.api.MailErrorCode;
import io.cellmail.api.MailException;
import io.cellmail.at.AtEngine;
import io.cellmail.quectel.internal.ModemDiagnostics;
import io.cellmail.quectel.internal.ReadyWait;
import io.cellmail.service.spi.ModemProbe;

/**
 * Probes a module that no dialect's mailer drives (no SMTP client, its dialect missing) on an AT engine of its
 * own, closed after each probe: one probe at a time, so that the port is opened once. Its exchanges go to the
 * {@code auto} mailer's {@link KeptTranscript}.
 */
final class OwnEngineProbe {

    private final Supplier<AtEngine> engines;
    private final String name;
    private final KeptTranscript kept;
    private final int keptLines;
    /** One probe on an engine of its own at a time: a port is opened once. */
    private final ReentrantLock oneAtATime = new ReentrantLock();

    @GuardedBy("this")
    private @Nullable AtEngine running;
    @GuardedBy("this")
    private boolean closed;

    /**
     * @param engines a new, unstarted AT engine on the modem's link each time
     * @param name the modem's name, for messages
     * @param kept where the probe's exchanges are kept
     * @param keptLines how many of its lines are kept
     */
    OwnEngineProbe(Supplier<AtEngine> engines, String name, KeptTranscript kept, int keptLines) {
        this.engines = Objects.requireNonNull(engines, "engines");
        this.name = Objects.requireNonNull(name, "name");
        this.kept = Objects.requireNonNull(kept, "kept");
        this.keptLines = keptLines;
    }

    /**
     * @param end when the probe must be done ({@link System#nanoTime()})
     * @return what the module said
     * @throws MailException {@link MailErrorCode#MODEM_UNAVAILABLE} when the module does not answer in time, the
     *     thread was interrupted or the probe {@link #close closed}
     */
    ModemProbe probe(long end) {
        oneAtATime.lock();
        AtEngine engine = engines.get();
        try {
            synchronized (this) {
                if (closed) {
                    throw AutoMailer.closed(name);
                }
                running = engine;
            }
            ReadyWait ready = new ReadyWait(engine);
            engine.addModemListener(ready);
            try {
                engine.start();
            } catch (IllegalStateException e) {
                // the mailer was closed meanwhile, and the engine with it
                throw AutoMailer.closed(name);
            }
            if (!ready.await(Duration.ofNanos(Math.max(1, end - System.nanoTime())))) {
                throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The modem " + name + " does not answer");
            }
            return ModemDiagnostics.probe(engine, Duration.ofNanos(Math.max(1, end - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailException(MailErrorCode.MODEM_UNAVAILABLE, "The probe of the modem " + name
                    + " was interrupted");
        } finally {
            engine.close();
            kept.keep(ModemDiagnostics.transcript(engine.transcript(), keptLines));
            synchronized (this) {
                running = null;
            }
            oneAtATime.unlock();
        }
    }

    /** Ends a running probe (closing its engine) and refuses the next. */
    void close() {
        AtEngine probing;
        synchronized (this) {
            closed = true;
            probing = running;
        }
        if (probing != null) {
            probing.close();
        }
    }
}
