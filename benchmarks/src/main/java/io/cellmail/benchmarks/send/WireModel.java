/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.benchmarks.send;

import io.cellmail.benchmarks.RunOptions;
import io.cellmail.benchmarks.stack.MailRun;

/**
 * What a mail's time would be if the host cost nothing, and what is left for the host. The AT conversation
 * takes turns — a command goes out, its reply comes back, only then the next command — so the line time is the
 * bytes of both directions together at the line rate (10 bits a byte). The module's share is its latency per
 * command, two guard times per upload (the silence before and after {@code +++}, as long as the host's configured
 * guard time: the module needs at least its own, the host adds a margin), and the time between the {@code OK} of
 * {@code AT+QSMTPPUT} and its result (composing and sending the mail over SMTP), less the line time of the result
 * line itself. Everything else — outbox writes, thread hand-overs, parsing, the driver's decisions, waits longer
 * than needed — is host overhead.
 *
 * @param measured the measured end-to-end time
 * @param lineToModem line time of the bytes the host sent
 * @param lineFromModem line time of the bytes the module sent
 * @param latency round trips × the module's per-command latency
 * @param guards uploads × 2 × guard time
 * @param moduleSend the module's send (SMTP) time
 * @param smtpServer the SMTP server's own transaction time, part of {@code moduleSend}
 * @param afterUploads the host's waits after upload results (measured at the link), part of the overhead
 */
public record WireModel(double measured, double lineToModem, double lineFromModem, double latency, double guards,
        double moduleSend, double smtpServer, double afterUploads) {

    /**
     * @param run a measured mail
     * @param options the line rate, latency and guard time it ran with
     * @return its model
     */
    public static WireModel of(MailRun run, RunOptions options) {
        double bytesPerSecond = options.lineBytesPerSecond();
        double moduleSend = run.wire().moduleSendNanos() < 0 ? 0
                : Math.max(0, run.wire().moduleSendNanos() / 1e9 - run.wire().resultLineBytes() / bytesPerSecond);
        return new WireModel(run.seconds(), run.wire().toModem() / bytesPerSecond,
                run.wire().fromModem() / bytesPerSecond,
                run.roundTrips() * options.commandLatency().toNanos() / 1e9,
                run.wire().escapes() * 2L * options.hostGuard().toNanos() / 1e9, moduleSend,
                run.smtp().transactionNanos() / 1e9, run.wire().afterUploadNanos() / 1e9);
    }

    /** @return the line time, both directions */
    public double line() {
        return lineToModem + lineFromModem;
    }

    /** @return the module's modelled time */
    public double module() {
        return latency + guards + moduleSend;
    }

    /** @return what the host added: measured − line − module */
    public double overhead() {
        return measured - line() - module();
    }

    /** @return the overhead's share of the measured time */
    public double overheadShare() {
        return overhead() / measured;
    }
}
