/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.auto.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtEngine;
import io.cellmail.at.EngineState;
import io.cellmail.quectel.internal.ModemDiagnostics;
import io.cellmail.quectel.internal.ReadyWait;

/**
 * Identifies the module on one short-lived AT engine, until it answers or {@link #stop()}: the engine opens the
 * port and synchronises with the module with its own backoff (a module still booting, a port that appears late),
 * and an identification that gets no answer is tried again after a pause that doubles up to a cap. Never a tight
 * loop; the first time the module keeps silent is logged as a warning, the rest at debug.
 */
final class Identifier {

    private static final Logger LOG = LoggerFactory.getLogger(Identifier.class);

    private final AtEngine engine;
    private final ReadyWait ready;
    private final AutoTimings timings;
    private final String name;

    /**
     * @param engine a new engine, not started; closed when the identification ends
     * @param timings the waits
     * @param name the modem's name, for the log
     */
    Identifier(AtEngine engine, AutoTimings timings, String name) {
        this.engine = engine;
        this.ready = new ReadyWait(engine);
        this.timings = timings;
        this.name = name;
        engine.addModemListener(ready);
    }

    /**
     * Runs on the caller's thread until the module answered or {@link #stop()}; closes the engine.
     *
     * @return what the module is; empty when stopped first
     * @throws InterruptedException if the thread is interrupted
     */
    Optional<ModuleIdentity> run() throws InterruptedException {
        boolean warned = false;
        Duration pause = timings.retryBase();
        try {
            engine.start();
        } catch (IllegalStateException e) {
            // stopped before it began: the engine is closed already
            return Optional.empty();
        }
        try {
            while (!ready.released()) {
                if (!ready.await(timings.quietBeforeWarning())) {
                    if (!warned && !ready.released()) {
                        LOG.warn("The modem {} has not answered for {} (port missing, or the module still starting);"
                                + " identifying it as soon as it answers", name, timings.quietBeforeWarning());
                        warned = true;
                    }
                    continue;
                }
                try {
                    ModuleIdentity identity = new Identification(engine, timings.commandTimeout()).ask();
                    LOG.debug("The modem {} is {}, SMTP client {}", name, identity.describe(), identity.family());
                    return Optional.of(identity);
                } catch (RuntimeException e) {
                    // an AtException (no answer) as a rule; anything else too must not end the identification
                    if (ready.released()) {
                        break;
                    }
                    if (warned) {
                        LOG.debug("The modem {} did not answer its identification: {}", name, e.getMessage());
                    } else {
                        LOG.warn("The modem {} did not answer its identification ({}); trying again, pausing up to {}",
                                name, e.getMessage(), timings.retryCap());
                        warned = true;
                    }
                    ready.pause(pause);
                    pause = pause.multipliedBy(2).compareTo(timings.retryCap()) > 0 ? timings.retryCap()
                            : pause.multipliedBy(2);
                }
            }
            return Optional.empty();
        } finally {
            engine.close();
        }
    }

    /** Ends {@link #run()} promptly: its waits end, and closing the engine fails a command it waits for. */
    void stop() {
        ready.release();
        engine.close();
    }

    /** @return the engine's state: whether the module answers yet */
    EngineState state() {
        return engine.state();
    }

    /**
     * @param lastLines how many lines at most
     * @return the engine's transcript so far
     */
    List<String> transcript(int lastLines) {
        return ModemDiagnostics.transcript(engine.transcript(), lastLines);
    }
}
