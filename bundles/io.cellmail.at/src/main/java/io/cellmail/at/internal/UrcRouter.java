/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cellmail.at.AtEngineSettings;
import io.cellmail.at.AtException;
import io.cellmail.at.EngineState;
import io.cellmail.at.Urc;

/**
 * The lines no command claimed, and what they say about the modem. A URC goes to the listeners; a late final of an
 * abandoned command goes nowhere; a {@code CONNECT} nobody asked for means data mode. A boot ({@code RDY}, or
 * {@code +CFUN: 1} or {@code Call Ready} outside the window of the previous boot, see {@link BootWatch}), a
 * power-down, echo back on after it was switched off, or a driver's {@link #modemReset report} mean the modem lost
 * its settings: the epoch ends, the running command fails with {@code MODEM_REBOOTED}, and the next initialisation
 * begins a new epoch. In the engine's turn.
 */
final class UrcRouter {

    /** What the engine does about what the lines say. */
    interface Reactions {
        /** Fails the running command (and procedure) with the given kind. */
        void abortWork(AtException.Kind kind, String reason);

        /** The modem restarted under the initialisation, which must start again. */
        void bootedDuringInit();

        /** The modem went into data mode unasked. */
        void enteredDataMode();
    }

    private static final Logger LOG = LoggerFactory.getLogger(UrcRouter.class);

    private final String name;
    private final Notifier notifier;
    private final TranscriptRecorder transcript;
    private final EngineCounters counters;
    private final EngineStatus status;
    private final ModemKnowledge modem;
    private final BootWatch bootWatch;
    private final Reactions reactions;

    UrcRouter(AtEngineSettings settings, Notifier notifier, TranscriptRecorder transcript, EngineCounters counters,
            EngineStatus status, ModemKnowledge modem, Reactions reactions) {
        this.name = settings.name();
        this.notifier = notifier;
        this.transcript = transcript;
        this.counters = counters;
        this.status = status;
        this.modem = modem;
        this.bootWatch = new BootWatch(settings.bootUrcWindow());
        this.reactions = reactions;
    }

    /**
     * A boot may begin now (the port was opened, the modem announced a power-down, a SIM took its PIN and will
     * announce itself as at a boot): boot URCs within the window belong to it.
     */
    void bootMayStart() {
        bootWatch.bootMayStart(System.nanoTime());
    }

    /**
     * @param line a line no command claimed
     * @param urc the URC it is, or null
     */
    void unclaimed(String line, Urc urc) {
        if (urc != null) {
            onUrc(urc);
        } else if (Exchange.isConnect(line)) {
            counters.droppedLines.incrementAndGet();
            modem.enteredDataMode();
            reactions.enteredDataMode();
        } else if (FinalResult.parse(line).isPresent()) {
            // a late final of an abandoned command: it must not reach anyone
            counters.droppedLines.incrementAndGet();
        } else {
            onUrc(new Urc("", line));
        }
    }

    /** The echo of a recent command arrived (and was dropped). */
    void echo() {
        counters.droppedLines.incrementAndGet();
        if (modem.configured()) {
            // echo was switched off at init: only a reset brings it back, and with it every other default
            lostState("echo is on again");
        }
    }

    /** A driver found the modem's volatile state gone without any sign on the line (see AtChannel#modemReset). */
    void modemReset(String reason) {
        if (modem.configured()) {
            lostState("reported by the driver: " + reason);
        }
    }

    private void onUrc(Urc urc) {
        counters.urcs.incrementAndGet();
        notifier.urc(urc);
        if (UrcClassifier.isPowerDown(urc)) {
            bootMayStart();
            if (modem.configured()) {
                lostState(urc.line());
            }
        } else if (UrcClassifier.isBootIndicator(urc) && bootWatch.startsNewBoot(urc, System.nanoTime())) {
            if (modem.configured()) {
                lostState(urc.line());
            } else if (BootWatch.isRestart(urc)) {
                reactions.bootedDuringInit();
            }
        }
    }

    private void lostState(String reason) {
        counters.reboots.incrementAndGet();
        transcript.note("modem rebooted: " + reason);
        LOG.debug("modem {} rebooted ({})", name, reason);
        modem.forgotEverything();
        // Out of READY before the running command fails, so that a caller retrying at once does not find the
        // engine still READY for the epoch that just ended.
        status.set(EngineState.SYNCING);
        reactions.abortWork(AtException.Kind.MODEM_REBOOTED, "the modem rebooted (" + reason + ")");
        notifier.rebooted(reason);
    }
}
