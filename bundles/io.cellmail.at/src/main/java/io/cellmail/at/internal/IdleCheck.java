/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngineSettings;

/**
 * With nothing to do, a plain {@code AT} after {@link AtEngineSettings#idleCheck()} without any exchange: a link
 * that died quietly (a module that hangs, a bridge whose peer is gone, CTS held low for good) is found then, not
 * when the next alarm needs it. It runs as an ordinary command, so a line that is not its {@code OK} (a late
 * {@code +QSMTPPUT:}) reaches the URC listeners as it would with no command running; it changes no epoch and is not
 * counted as a command. In the engine's turn.
 */
final class IdleCheck {

    private static final AtCommand COMMAND = AtCommand.of("AT");

    private final AtEngineSettings settings;
    private final EngineLoop loop;
    private final BooleanSupplier engineIdle;
    private final Consumer<Exchange> run;
    private EngineLoop.Timer timer;
    private Exchange running;
    private long lastExchangeEndNanos = System.nanoTime();

    /**
     * @param settings the engine's settings
     * @param loop the engine's loop, for the timer
     * @param engineIdle true when the engine is idle and READY with nothing queued, so the check may run
     * @param run starts the check's exchange
     */
    IdleCheck(AtEngineSettings settings, EngineLoop loop, BooleanSupplier engineIdle, Consumer<Exchange> run) {
        this.settings = settings;
        this.loop = loop;
        this.engineIdle = engineIdle;
        this.run = run;
    }

    /** An exchange ended (or the link was opened): the silence starts now. */
    void exchangeEnded() {
        lastExchangeEndNanos = System.nanoTime();
    }

    /** The engine became idle: the check is due after the silence, unless it is already armed or switched off. */
    void arm() {
        long idleNanos = settings.idleCheck().toNanos();
        if (idleNanos <= 0 || timer != null) {
            return;
        }
        timer = loop.schedule(this::due, lastExchangeEndNanos + idleNanos - System.nanoTime());
    }

    /**
     * @param ex a finished exchange
     * @return true if it was the idle check, which is then over
     */
    boolean finished(Exchange ex) {
        if (ex != running) {
            return false;
        }
        running = null;
        return true;
    }

    /** The running check, if any, was ended without a result (reboot, lost link, close). */
    void forget() {
        running = null;
    }

    /** No more checks. */
    void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        running = null;
    }

    private void due() {
        timer = null;
        if (!engineIdle.getAsBoolean()) {
            // busy: the engine arms the check again when it is idle once more
            return;
        }
        long wait = lastExchangeEndNanos + settings.idleCheck().toNanos() - System.nanoTime();
        if (wait > 0) {
            timer = loop.schedule(this::due, wait);
            return;
        }
        Exchange check = Exchange.command(COMMAND, settings.commandTimeout());
        running = check;
        run.accept(check);
    }
}
