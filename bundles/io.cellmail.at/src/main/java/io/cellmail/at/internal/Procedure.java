/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtException;
import io.cellmail.at.AtResponse;

/**
 * An internal sequence the engine runs before user commands: initialisation or resynchronisation. The engine
 * asks for the next step, carries it out and reports the result; a procedure does no I/O itself.
 */
interface Procedure {

    /**
     * @param previous the result of the previous step, or null for the first call
     * @return the next step
     */
    Step next(StepResult previous);

    /**
     * What to do next.
     *
     * @param kind the kind of step
     * @param command the command of a {@link Kind#PROBE} or {@link Kind#SEND} step
     * @param reason why a {@link Kind#FAILED} procedure failed
     */
    record Step(Kind kind, AtCommand command, String reason) {

        /** The kinds of step. */
        enum Kind {
            /** Send an {@code AT} probe: consume late lines, want {@code OK} followed by quiet. */
            PROBE,
            /** Send a command and wait for its final. */
            SEND,
            /** Guard time, {@code +++}, guard time: leave data mode if the modem is in it. */
            ESCAPE,
            /** The procedure succeeded. */
            DONE,
            /** The procedure failed; the engine reopens the port. */
            FAILED
        }

        static final AtCommand PROBE_COMMAND = AtCommand.of("AT");

        static Step probe() {
            return new Step(Kind.PROBE, PROBE_COMMAND, null);
        }

        static Step send(AtCommand command) {
            return new Step(Kind.SEND, command, null);
        }

        static Step escape() {
            return new Step(Kind.ESCAPE, null, null);
        }

        static Step done() {
            return new Step(Kind.DONE, null, null);
        }

        static Step failed(String reason) {
            return new Step(Kind.FAILED, null, reason);
        }
    }

    /**
     * What a step produced.
     *
     * @param response the response of a successful command or probe, else null
     * @param failure why a command or probe failed, else null
     * @param echoSeen whether the command came back as echo
     * @param escaped true for the result of an {@link Step.Kind#ESCAPE} step
     * @param dataModeSuspected whether the engine saw signs that the modem is in data mode
     */
    record StepResult(AtResponse response, AtException failure, boolean echoSeen, boolean escaped,
            boolean dataModeSuspected) {

        static final StepResult ESCAPED = new StepResult(null, null, false, true, false);

        static StepResult of(Exchange exchange, boolean dataModeSuspected) {
            AtException failure = exchange.failure();
            AtResponse response = failure == null ? (AtResponse) exchange.value() : null;
            return new StepResult(response, failure, exchange.echoSeen(), false, dataModeSuspected);
        }

        boolean ok() {
            return !escaped && failure == null;
        }
    }
}
