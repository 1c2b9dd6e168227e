/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.time.Duration;

import io.cellmail.at.Urc;

/**
 * Tells a new boot from the rest of the current one. A boot sends {@code RDY}, {@code +CFUN: 1},
 * {@code +CPIN: ...} and seconds later {@code Call Ready}: only the first of them means "the modem rebooted".
 * {@code RDY} always starts a boot; {@code +CFUN: 1} and {@code Call Ready} do only when no boot started within
 * the window before them. Opening the port or a power-down also starts the window, since the modem may be
 * booting right then (an autobauding module reports its boot URCs only once it has seen {@code AT}).
 */
final class BootWatch {

    private final long windowNanos;
    private long lastBootNanos;

    /** @param window how long boot URCs belong to the boot before them */
    BootWatch(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /** @param nowNanos when the port was opened or the modem announced a power-down */
    void bootMayStart(long nowNanos) {
        lastBootNanos = nowNanos;
    }

    /**
     * @param bootIndicator a URC for which {@link UrcClassifier#isBootIndicator} holds
     * @param nowNanos when it arrived
     * @return true if it starts a new boot
     */
    boolean startsNewBoot(Urc bootIndicator, long nowNanos) {
        boolean rdy = bootIndicator.prefix().equals(UrcClassifier.RDY);
        boolean sameBoot = !rdy && nowNanos - lastBootNanos < windowNanos;
        lastBootNanos = nowNanos;
        return !sameBoot;
    }

    /** @return true for {@code RDY}, which may restart an initialisation in progress */
    static boolean isRestart(Urc bootIndicator) {
        return bootIndicator.prefix().equals(UrcClassifier.RDY);
    }
}
