/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.service.internal;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the outbox's clock and the rate limit's window to the {@link ServiceStateFile}: before each attempt
 * while the rate limit is on, as a checkpoint while mail waits, and when the service stops. A write that fails is
 * logged once per run of failures and tried again at the next occasion, never at once: a failing disk must not
 * turn into a loop of writes.
 */
final class ClockCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(ClockCheckpoints.class);

    private final ServiceStateFile file;
    private final ServiceClock clock;
    private volatile boolean failing;

    ClockCheckpoints(ServiceStateFile file, ServiceClock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param now the service time now
     * @param window the rate limit's window now, oldest first
     */
    void record(ServiceTime now, List<ServiceTime> window) {
        try {
            file.write(now, window);
            if (failing) {
                failing = false;
                LOG.info("The outbox's clock and rate-limit window are recorded again");
            }
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Cannot record the outbox's clock and rate-limit window ({}); after a restart the clock may "
                        + "lag by the time since the last record and the window may miss recent attempts",
                        e.toString());
            }
        }
        clock.checkpointed(now);
    }
}
