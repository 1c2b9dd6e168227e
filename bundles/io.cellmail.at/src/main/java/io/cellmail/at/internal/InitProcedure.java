/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.at.internal;

import java.util.List;
import java.util.Optional;

import io.cellmail.at.AtCommand;
import io.cellmail.at.AtEngineSettings.InitOptions;
import io.cellmail.at.AtResponse;
import io.cellmail.at.InfoLine;

/**
 * Brings the modem into the state the engine relies on, at every start, reopen and reboot: synchronise, then
 * {@code ATV1} (first, so that a modem in numeric mode answers the rest in words), {@code ATE0},
 * {@code AT+CMEE=1}, and verify with {@code AT+CMEE?} that error codes are numeric and echo is off. Optionally
 * fix the baud rate and switch on RTS/CTS, writing them only when they differ.
 */
final class InitProcedure implements Procedure {

    private enum Stage { SYNC, VERBOSE, ECHO_OFF, ERROR_CODES, VERIFY, RATE_QUERY, RATE_SET, FLOW_QUERY, FLOW_SET }

    private final SyncProcedure sync;
    private final InitOptions options;
    private final int baudRate;
    private Stage stage = Stage.SYNC;

    /**
     * @param sync the synchronisation to start with
     * @param options optional settings
     * @param baudRate the link's baud rate, for {@code AT+IPR}
     */
    InitProcedure(SyncProcedure sync, InitOptions options, int baudRate) {
        this.sync = sync;
        this.options = options;
        this.baudRate = baudRate;
    }

    @Override
    public Step next(StepResult previous) {
        if (stage == Stage.SYNC) {
            Step step = sync.next(previous);
            return step.kind() == Step.Kind.DONE ? go(Stage.VERBOSE, AtCommand.of("ATV1")) : step;
        }
        boolean ok = previous.ok();
        switch (stage) {
            case VERBOSE:
                return ok ? go(Stage.ECHO_OFF, AtCommand.of("ATE0")) : failed(previous);
            case ECHO_OFF:
                return ok ? go(Stage.ERROR_CODES, AtCommand.of("AT+CMEE=1")) : failed(previous);
            case ERROR_CODES:
                return ok ? go(Stage.VERIFY, AtCommand.of("AT+CMEE?").expecting("+CMEE:")) : failed(previous);
            case VERIFY:
                if (!ok) {
                    return failed(previous);
                }
                if (previous.echoSeen()) {
                    return Step.failed("echo is still on after ATE0");
                }
                if (!firstField(previous.response(), "+CMEE:").equals(Optional.of("1"))) {
                    return Step.failed("AT+CMEE? does not confirm numeric error codes");
                }
                return afterVerify();
            case RATE_QUERY:
                if (ok && firstField(previous.response(), "+IPR:").equals(Optional.of(String.valueOf(baudRate)))) {
                    return afterRate();
                }
                return go(Stage.RATE_SET, AtCommand.of("AT+IPR=" + baudRate + ";&W"));
            case RATE_SET:
                return ok ? afterRate() : failed(previous);
            case FLOW_QUERY:
                if (ok && previous.response().firstInfo("+IFC:").map(InfoLine::fields)
                        .filter(f -> f.equals(List.of("2", "2"))).isPresent()) {
                    return Step.done();
                }
                return go(Stage.FLOW_SET, AtCommand.of("AT+IFC=2,2;&W"));
            case FLOW_SET:
                return ok ? Step.done() : failed(previous);
            default:
                throw new IllegalStateException("stage " + stage);
        }
    }

    private Step afterVerify() {
        if (options.persistBaudRate()) {
            return go(Stage.RATE_QUERY, AtCommand.of("AT+IPR?").expecting("+IPR:"));
        }
        return afterRate();
    }

    private Step afterRate() {
        if (options.hardwareFlowControl()) {
            return go(Stage.FLOW_QUERY, AtCommand.of("AT+IFC?").expecting("+IFC:"));
        }
        return Step.done();
    }

    private Step go(Stage next, AtCommand command) {
        stage = next;
        return Step.send(command);
    }

    private Step failed(StepResult previous) {
        return Step.failed(stage + " failed: " + previous.failure().getMessage());
    }

    private static Optional<String> firstField(AtResponse response, String prefix) {
        return response.firstInfo(prefix).map(InfoLine::fields).filter(f -> !f.isEmpty()).map(f -> f.get(0));
    }
}
