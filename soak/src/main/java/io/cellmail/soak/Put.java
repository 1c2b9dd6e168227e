/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.soak;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code AT+QSMTPPUT} that a module took on (answered {@code OK}): the mail's SMTP transaction, from the
 * command to its result, as the module's transcript shows it.
 *
 * @param module the module that ran it
 * @param start when the module heard the command
 * @param alarmId the alarm whose subject the module held ({@code AT+QSMTPSUB}), empty when it held none of ours
 * @param resultAt when the module said the result, empty when it never did
 * @param result the result ({@code +QSMTPPUT: <result>}), empty when none came
 * @param rebootedAt when the module rebooted before a result, if it did
 */
record Put(String module, Instant start, Optional<String> alarmId, Optional<Instant> resultAt, OptionalInt result,
        Optional<Instant> rebootedAt) {

    Put {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(alarmId, "alarmId");
        Objects.requireNonNull(resultAt, "resultAt");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(rebootedAt, "rebootedAt");
    }

    Put withResult(Instant at, int code) {
        return new Put(module, start, alarmId, Optional.of(at), OptionalInt.of(code), rebootedAt);
    }

    Put withReboot(Instant at) {
        return new Put(module, start, alarmId, resultAt, result, Optional.of(at));
    }

    /**
     * @param grace how long the gateway may take to record a result
     * @return until when a SIGKILL can still keep this PUT's outcome from the outbox: its result or the module's
     *         reboot plus the grace; for a PUT that never ended, the end of time
     */
    Instant outcomeRecordedBy(Duration grace) {
        return resultAt.or(() -> rebootedAt).map(at -> at.plus(grace)).orElse(Instant.MAX);
    }

    /**
     * @param slack how late the SMTP server's arrival may be noticed
     * @return until when a mail received may have come from this PUT: its result (plus the slack); a module that
     *         rebooted or never said its result may still be in the SMTP transaction
     */
    Instant mayDeliverUntil(Duration slack) {
        return resultAt.map(at -> at.plus(slack)).orElse(Instant.MAX);
    }

    /** @return whether a mail may have reached the SMTP server: the result said so, or no result came */
    boolean mayHaveDelivered() {
        return result.isEmpty() || result.getAsInt() == 0;
    }

    @Override
    public String toString() {
        return "PUT " + alarmId.orElse("(no alarm subject)") + " on the " + module + " module at " + start
                + resultAt.map(at -> ", result " + result.getAsInt() + " at " + at).orElse("")
                + rebootedAt.map(at -> ", module rebooted at " + at).orElse("")
                + (resultAt.isEmpty() && rebootedAt.isEmpty() ? ", no result" : "");
    }
}
