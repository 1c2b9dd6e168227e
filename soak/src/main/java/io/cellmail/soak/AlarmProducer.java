/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts alarms into the spool at random gaps, whether a gateway runs or not (requests wait in the spool, as alarms
 * wait for a gateway that is down), until the service has accepted the target: a request is added only while the
 * accepted ones and those still waiting fall short of it, so refusals are made up for.
 */
final class AlarmProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlarmProducer.class);

    private final AlarmFactory factory;
    private final AlarmSpool spool;
    private final AlarmJournal journal;
    private final int target;
    private final Duration meanGap;
    private final Random random;
    private final BooleanSupplier lenientModule;
    private final Map<String, Alarm> requested = new ConcurrentHashMap<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean done;

    /**
     * @param factory makes the alarms
     * @param spool where they go
     * @param journal what the consumer accepted so far
     * @param target how many accepted alarms are enough
     * @param meanGap the mean gap between two alarms
     * @param random this thread's own seeded source, so that its draws do not depend on other threads' timing
     * @param lenientModule whether the module plugged in now ends data mode at any {@code +++}
     */
    AlarmProducer(AlarmFactory factory, AlarmSpool spool, AlarmJournal journal, int target, Duration meanGap,
            Random random, BooleanSupplier lenientModule) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.spool = Objects.requireNonNull(spool, "spool");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.target = target;
        this.meanGap = Objects.requireNonNull(meanGap, "meanGap");
        this.random = Objects.requireNonNull(random, "random");
        this.lenientModule = Objects.requireNonNull(lenientModule, "lenientModule");
        this.thread = new Thread(this::produce, "cellmail-soak-alarms");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Requests an alarm with {@code +++} text at once, outside the random gaps: when the lenient module is plugged
     * in, so that every lenient run gets one to send.
     *
     * @return its id
     * @throws IOException when the request cannot be written
     */
    String requestEscapeText() throws IOException {
        Alarm alarm = factory.escape();
        requested.put(alarm.id(), alarm);
        spool.request(alarm);
        return alarm.id();
    }

    /** @return whether the service accepted the target */
    boolean done() {
        return done;
    }

    /** @return every alarm requested so far, by id */
    Map<String, Alarm> requested() {
        return Map.copyOf(requested);
    }

    private void produce() {
        try {
            while (stop.getCount() > 0) {
                int accepted = journal.read().accepted().size();
                if (accepted >= target) {
                    done = true;
                    return;
                }
                if (accepted + spool.pending() < target) {
                    Alarm alarm = factory.next(lenientModule.getAsBoolean());
                    requested.put(alarm.id(), alarm);
                    spool.request(alarm);
                }
                // From a fifth of the mean gap to nearly twice it: bursts and lulls, as alarms come.
                long gap = (long) (meanGap.toMillis() * (0.2 + 1.6 * random.nextDouble()));
                if (stop.await(gap, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("the soak's alarm producer stopped", e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop.countDown();
        thread.join(Duration.ofSeconds(10).toMillis());
    }
}
