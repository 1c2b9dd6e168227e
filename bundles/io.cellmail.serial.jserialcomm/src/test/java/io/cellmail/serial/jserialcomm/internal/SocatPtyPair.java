/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two connected pseudo-terminals made by socat: {@link #host()} is where the provider opens a port, {@link #modem()}
 * is where a test plays the modem. {@link #close()} kills socat, which hangs up both ends.
 */
final class SocatPtyPair implements AutoCloseable {

    static final Path SOCAT = Path.of("/usr/bin/socat");

    private final Process socat;
    private final Path host;
    private final Path modem;

    private SocatPtyPair(Process socat, Path host, Path modem) {
        this.socat = socat;
        this.host = host;
        this.modem = modem;
    }

    static boolean socatInstalled() {
        return Files.isExecutable(SOCAT);
    }

    /** Starts socat with links {@code <name>-host} and {@code <name>-modem} in {@code dir}; waits for both. */
    static SocatPtyPair start(Path dir, String name) throws IOException {
        Path host = dir.resolve(name + "-host");
        Path modem = dir.resolve(name + "-modem");
        Process socat = new ProcessBuilder(SOCAT.toString(), "-d", "-d",
                "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + modem)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + "-socat.log").toFile())
                .start();
        SocatPtyPair pair = new SocatPtyPair(socat, host, modem);
        try {
            await("socat links " + host + " and " + modem).atMost(Duration.ofSeconds(10))
                    .until(() -> !socat.isAlive() || (Files.exists(host) && Files.exists(modem)));
            if (!socat.isAlive()) {
                throw new IOException("socat exited with " + socat.exitValue() + "; see " + name + "-socat.log");
            }
            return pair;
        } catch (RuntimeException | IOException e) {
            pair.close();
            throw e;
        }
    }

    Path host() {
        return host;
    }

    Path modem() {
        return modem;
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
