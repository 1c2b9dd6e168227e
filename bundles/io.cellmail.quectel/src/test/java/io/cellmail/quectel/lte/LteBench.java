/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.quectel.lte;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.HostSide;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.Personality;
import io.cellmail.quectel.ModemBench;
import io.cellmail.quectel.internal.MailerTimings;

/** The GSM tests' {@link ModemBench} with an emulated EG25-G and the LTE dialect's factory. */
final class LteBench {

    private LteBench() {
    }

    /** @return a bench whose module is an EG25-G relaying to the SMTP port */
    static ModemBench create(int smtpPort) {
        return create(smtpPort, UnaryOperator.identity());
    }

    /** @return a bench whose module is an EG25-G with more settings, relaying to the SMTP port */
    static ModemBench create(int smtpPort, UnaryOperator<EmulatorSettings.Builder> tuning) {
        return create(smtpPort, tuning, ModemBench.TIMINGS);
    }

    /** @return a bench whose module is an EG25-G, with the mailers' waits given */
    static ModemBench create(int smtpPort, UnaryOperator<EmulatorSettings.Builder> tuning, MailerTimings timings) {
        return new ModemBench(smtpPort, emulator -> tuning.apply(emulator.personality(Personality.EG25G)),
                ModemBench.FAST_LINE, timings,
                (links, t) -> new QuectelLteMailerFactory(links, ModemBench::fastEngine, t));
    }

    /**
     * Asks the module which files its RAM drive holds, over a host connection of its own: call it once the
     * mailers are closed.
     *
     * @param emulator the module
     * @return the {@code +QFLST:} lines of {@code AT+QFLST="RAM:*"}
     */
    static List<String> ramFiles(ModemEmulator emulator) throws IOException, InterruptedException {
        try (HostSide host = emulator.connect()) {
            host.output().write("AT+QFLST=\"RAM:*\"\r".getBytes(StandardCharsets.US_ASCII));
            host.output().flush();
            List<String> lines = readUntilFinal(host.input(), Duration.ofSeconds(5));
            return lines.stream().filter(line -> line.startsWith("+QFLST:")).toList();
        }
    }

    private static List<String> readUntilFinal(InputStream in, Duration wait) throws IOException,
            InterruptedException {
        long until = System.nanoTime() + wait.toNanos();
        StringBuilder text = new StringBuilder();
        List<String> lines = new ArrayList<>();
        while (System.nanoTime() < until) {
            if (in.available() == 0) {
                Thread.sleep(5);
                continue;
            }
            int b = in.read();
            if (b == '\n') {
                String line = text.toString().strip();
                text.setLength(0);
                if (!line.isEmpty()) {
                    lines.add(line);
                }
                if (line.equals("OK") || line.contains("ERROR")) {
                    return lines;
                }
            } else {
                text.append((char) b);
            }
        }
        throw new IOException("no final result within " + wait + ": " + lines);
    }
}
