/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

/**
 * Synchronises with the modem: {@code AT} probes until one is answered by a clean {@code OK} (an {@code OK}
 * followed by quiet, so a late {@code OK} of an abandoned command is not mistaken for the probe's). Escapes
 * data mode first when the modem may be in it, and again after every few unanswered probes, since a modem
 * left in data mode (by a host restart or a failed {@code +++}) swallows probes as payload. Repeated probes
 * also wake autobauding modules, which stay silent until they see {@code AT}.
 */
final class SyncProcedure implements Procedure {

    /** Unanswered probes after which an escape is tried. */
    static final int ESCAPE_EVERY = 3;

    private final int attempts;
    private final boolean escapeFirst;
    private int failures;

    /**
     * @param attempts probes before giving up
     * @param escapeFirst whether the modem may be in data mode now
     */
    SyncProcedure(int attempts, boolean escapeFirst) {
        this.attempts = attempts;
        this.escapeFirst = escapeFirst;
    }

    @Override
    public Step next(StepResult previous) {
        if (previous == null) {
            return escapeFirst ? Step.escape() : Step.probe();
        }
        if (previous.escaped()) {
            return Step.probe();
        }
        if (previous.ok()) {
            return Step.done();
        }
        failures++;
        if (failures >= attempts) {
            return Step.failed("no clean OK after " + failures + " probes");
        }
        if (previous.dataModeSuspected() || failures % ESCAPE_EVERY == 0) {
            return Step.escape();
        }
        return Step.probe();
    }
}
