/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Arms a fault drawn from the deck at random gaps, on its own timer thread, until it is stopped. */
final class FaultArmer {

    private static final Logger LOG = LoggerFactory.getLogger(FaultArmer.class);

    private final Deck<FaultKind> deck;
    private final FaultInjector injector;
    private final ScheduledExecutorService timer;
    private final Duration meanGap;
    private final Random random;
    private final List<ArmedFault> armed = new ArrayList<>();
    private boolean running;

    FaultArmer(Deck<FaultKind> deck, FaultInjector injector, ScheduledExecutorService timer, Duration meanGap,
            Random random) {
        this.deck = Objects.requireNonNull(deck, "deck");
        this.injector = Objects.requireNonNull(injector, "injector");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.meanGap = Objects.requireNonNull(meanGap, "meanGap");
        this.random = Objects.requireNonNull(random, "random");
    }

    synchronized void start() {
        running = true;
        scheduleNext();
    }

    /** Arms no more faults; those armed stay armed until they act. */
    synchronized void stop() {
        running = false;
    }

    /** @return every fault armed so far, in order */
    synchronized List<ArmedFault> armed() {
        return List.copyOf(armed);
    }

    private synchronized void scheduleNext() {
        if (!running) {
            return;
        }
        long gap = (long) (meanGap.toMillis() * (0.25 + 1.5 * random.nextDouble()));
        var unused = timer.schedule(this::armOne, gap, TimeUnit.MILLISECONDS); // the timer ends with the run
    }

    private void armOne() {
        synchronized (this) {
            if (!running) {
                return;
            }
            try {
                armed.add(injector.arm(deck.draw()));
            } catch (RuntimeException e) {
                LOG.warn("arming a fault failed", e);
            }
        }
        scheduleNext();
    }
}
