/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Arms one fault: through the emulator's fault grammar ({@code Faults.apply}), on the line (a dropped
 * connection), or on the outbox's disk (filled for a few seconds, freed by a scheduled task).
 */
final class FaultInjector {

    private static final Logger LOG = LoggerFactory.getLogger(FaultInjector.class);
    /** Commands the Quectel driver sends for every mail or at bring-up; a hang on any of them must be survived. */
    private static final List<String> HANG_PREFIXES = List.of("AT+QSMTPPUT", "AT+QSMTPBODY", "AT+QSMTPSUB",
            "AT+QSMTPDST", "AT+CSQ", "AT+CREG", "AT");

    private final ModemLine line;
    private final Modules modules;
    private final SmallDisk disk;
    private final ScheduledExecutorService timer;
    private final Random random;

    FaultInjector(ModemLine line, Modules modules, SmallDisk disk, ScheduledExecutorService timer, Random random) {
        this.line = line;
        this.modules = modules;
        this.disk = disk;
        this.timer = timer;
        this.random = random;
    }

    /**
     * @param kind the fault
     * @return what was armed
     */
    ArmedFault arm(FaultKind kind) {
        String module = modules.nameOf(line.module());
        return new ArmedFault(kind, Instant.now(), module, apply(kind));
    }

    private String apply(FaultKind kind) {
        return switch (kind) {
            case REBOOT -> emulator("reboot");
            case REBOOT_DURING_PUT -> emulator("reboot-after=AT+QSMTPPUT");
            case HANG -> emulator("mute-on=" + HANG_PREFIXES.get(random.nextInt(HANG_PREFIXES.size())));
            case DROPPED_LINK -> line.drop() ? "connection closed" : "no connection was open";
            case SMTP_DOWN -> emulator("smtp-down");
            case SMTP_SLOW -> emulator("smtp-delay=" + (1 + random.nextInt(30)) + "s");
            case SMTP_REFUSING -> emulator("smtp-reply=-421");
            case SMTP_REJECTING -> emulator("smtp-reply=-550");
            case CTS_STALL -> emulator("cts-stall=" + (500 + random.nextInt(7_500)) + "ms");
            case DISK_FULL -> fillDisk(Duration.ofMillis(1_000 + random.nextInt(5_000)));
        };
    }

    private String emulator(String spec) {
        line.module().faults().apply(spec);
        return spec;
    }

    private String fillDisk(Duration hold) {
        if (!disk.available()) {
            return "skipped: " + disk.description();
        }
        try {
            long taken = disk.fill();
            var unused = timer.schedule(this::freeDisk, hold.toMillis(), TimeUnit.MILLISECONDS);
            return "ballast of " + taken + " bytes for " + hold.toMillis() + " ms";
        } catch (IOException e) {
            return "could not fill the disk: " + e.getMessage();
        }
    }

    private void freeDisk() {
        try {
            disk.free();
        } catch (IOException e) {
            LOG.warn("cannot free the outbox disk", e);
        }
    }
}
