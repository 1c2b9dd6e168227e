/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.cellmail.at.AtEngine;
import io.cellmail.at.AtEngineSettings;
import io.cellmail.emulator.EmulatorSettings;
import io.cellmail.emulator.ModemEmulator;
import io.cellmail.emulator.internal.frontend.PtyEmulator;
import io.cellmail.serial.LinkUri;
import io.cellmail.serial.jserialcomm.internal.JSerialCommLinkProvider;

/**
 * The emulated module on a socat pseudo-terminal, and an {@link AtEngine} that opens it through the jSerialComm
 * provider as {@code serial:<dir>/ttyCELL?baud=115200}, with short timings. Closing stops the engine, socat and the
 * module, in that order.
 */
final class PtyModem implements AutoCloseable {

    static final Path SOCAT = Path.of("/usr/bin/socat");
    /**
     * The module needs this much silence around {@code +++}; the engine keeps more, as real hosts do, since a loaded
     * machine may read the payload late and so shorten the silence the module sees.
     */
    static final Duration MODEM_GUARD = Duration.ofMillis(50);
    static final Duration ENGINE_GUARD = Duration.ofMillis(150);

    final ModemEmulator modem;
    final PtyEmulator pty;
    final AtEngine engine;

    private PtyModem(ModemEmulator modem, PtyEmulator pty, AtEngine engine) {
        this.modem = modem;
        this.pty = pty;
        this.engine = engine;
    }

    static boolean socatInstalled() {
        return Files.isExecutable(SOCAT);
    }

    /**
     * Starts the module on a pty at {@code <dir>/ttyCELL} and an engine on it (not yet started).
     *
     * @param dir a directory for the pty link
     * @param provider the provider the engine opens the port with
     */
    static PtyModem start(Path dir, JSerialCommLinkProvider provider) throws IOException {
        ModemEmulator modem = ModemEmulator.create(EmulatorSettings.builder().guardTime(MODEM_GUARD).build());
        PtyEmulator pty;
        try {
            pty = PtyEmulator.start(modem::attach, dir.resolve("ttyCELL"), SOCAT.toString(), Duration.ofSeconds(10));
        } catch (IOException | RuntimeException e) {
            modem.close();
            throw e;
        }
        String uri = "serial:" + pty.hostPath() + "?baud=115200";
        AtEngine engine = new AtEngine(AtEngineSettings.builder("pty", () -> provider.open(URI.create(uri),
                        LinkUri.parse(uri).settings()))
                .commandTimeout(Duration.ofSeconds(2))
                .guardTime(ENGINE_GUARD)
                .probeTimeout(Duration.ofMillis(150))
                .settleTime(Duration.ofMillis(30))
                .trailingOkLinger(Duration.ofMillis(40))
                .bootUrcWindow(Duration.ofMillis(500))
                .reopenBackoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .build());
        return new PtyModem(modem, pty, engine);
    }

    @Override
    public void close() {
        engine.close();
        pty.close();
        modem.close();
    }
}
