/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator.internal.frontend;

import io.cellmail.emulator.EmulatorSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the emulated module on a pseudo-terminal, so that a host opens it like a real serial device: {@code socat}
 * makes two linked ptys, the emulator holds one end, and {@link #hostPath()} names the other.
 *
 * <p>Host programs may open and close the host side as often as they like: socat keeps the pair alive, and the
 * module, like a real one, keeps its state.
 */
public final class PtyEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PtyEmulator.class);

    /** socat -d -d prints this once both ptys exist and their links are made. */
    private static final String READY_MARK = "starting data transfer loop";
    /** Characters that would end or change a socat address option value. */
    private static final Pattern SOCAT_SPECIAL = Pattern.compile("[,:!\"'\\\\\\s]");
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final int KEPT_OUTPUT_LINES = 20;

    private final Path hostPath;
    private final Path modemDirectory;
    private final Process socat;
    private final SocatOutput output;
    private final FileChannel fromHost;
    private final FileChannel toHost;
    private final EmulatorSession session;

    private PtyEmulator(Path hostPath, Path modemDirectory, Process socat, SocatOutput output, FileChannel fromHost,
            FileChannel toHost, EmulatorSession session) {
        this.hostPath = hostPath;
        this.modemDirectory = modemDirectory;
        this.socat = socat;
        this.output = output;
        this.fromHost = fromHost;
        this.toHost = toHost;
        this.session = session;
    }

    /**
     * Makes the pty pair with the {@code socat} on the PATH and attaches the modem to its end.
     *
     * @param modem what the pty's modem side is attached to
     * @param hostPath where the host-side link goes (a symbolic link to {@code /dev/pts/N}); an old link there is
     *     replaced, any other file is left alone and refused
     * @return the running emulator
     * @throws IOException if socat is missing, fails or is not ready within 10 s
     */
    public static PtyEmulator start(Attachable modem, Path hostPath) throws IOException {
        return start(modem, hostPath, "socat", DEFAULT_START_TIMEOUT);
    }

    /**
     * As {@link #start(Attachable, Path)}, with the socat program and the start timeout given.
     *
     * @param modem what the pty's modem side is attached to
     * @param hostPath where the host-side link goes
     * @param socatCommand the socat program, a name on the PATH or a path
     * @param startTimeout how long socat may take to make the pair
     * @return the running emulator
     * @throws IOException if socat is missing, fails or is not ready in time
     */
    public static PtyEmulator start(Attachable modem, Path hostPath, String socatCommand, Duration startTimeout)
            throws IOException {
        Objects.requireNonNull(modem, "modem");
        Objects.requireNonNull(socatCommand, "socatCommand");
        Objects.requireNonNull(startTimeout, "startTimeout");
        Path host = checkedHostPath(hostPath);
        Path modemDirectory = Files.createTempDirectory("cellmail-pty-");
        Path modemPath = modemDirectory.resolve("modem");
        Process socat = null;
        FileChannel fromHost = null;
        FileChannel toHost = null;
        try {
            requireSocatSafe(modemPath);
            socat = launch(socatCommand, host, modemPath);
            SocatOutput output = SocatOutput.follow(socat);
            awaitReady(socat, output, startTimeout, host, modemPath);
            // Channels, not file streams: closing a channel also ends a read blocked on it.
            fromHost = FileChannel.open(modemPath, StandardOpenOption.READ);
            toHost = FileChannel.open(modemPath, StandardOpenOption.WRITE);
            EmulatorSession session = modem.attach(Channels.newInputStream(fromHost), Channels.newOutputStream(toHost));
            LOG.debug("pty ready: host side {}, modem side {}", host, modemPath);
            return new PtyEmulator(host, modemDirectory, socat, output, fromHost, toHost, session);
        } catch (IOException | RuntimeException e) {
            closeQuietly(fromHost);
            closeQuietly(toHost);
            if (socat != null) {
                stop(socat);
            }
            deleteQuietly(modemDirectory);
            throw e;
        }
    }

    /** @return the host-side device path, to open with a serial library or as a file */
    public Path hostPath() {
        return hostPath;
    }

    /** Ends socat (which removes both links) and the modem's session; the module itself lives on. */
    @Override
    public void close() {
        // socat first: once the pty pair is gone, reads on either side end at once.
        stop(socat);
        session.close();
        closeQuietly(fromHost);
        closeQuietly(toHost);
        try {
            session.awaitClosed(STOP_WAIT);
            output.awaitEnd(STOP_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(modemDirectory);
        LOG.debug("pty {} closed", hostPath);
    }

    private static Path checkedHostPath(Path hostPath) throws IOException {
        Path host = Objects.requireNonNull(hostPath, "hostPath").toAbsolutePath().normalize();
        requireSocatSafe(host);
        Path parent = host.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IOException("no directory for the pty link: " + host);
        }
        if (Files.exists(host, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(host)) {
            throw new IOException("will not replace " + host + ": it exists and is not a symbolic link");
        }
        return host;
    }

    private static void requireSocatSafe(Path path) throws IOException {
        if (SOCAT_SPECIAL.matcher(path.toString()).find()) {
            throw new IOException("socat can't take this path (no commas, colons, quotes, spaces): " + path);
        }
    }

    private static Process launch(String socatCommand, Path host, Path modem) throws IOException {
        List<String> command = List.of(socatCommand, "-d", "-d",
                "pty,raw,echo=0,link=" + host, "pty,raw,echo=0,link=" + modem);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("socat not found: apt-get install socat (" + e.getMessage() + ")", e);
        }
    }

    private static void awaitReady(Process socat, SocatOutput output, Duration timeout, Path host, Path modem)
            throws IOException {
        boolean ready;
        try {
            ready = output.awaitReady(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while socat was starting", e);
        }
        if (!ready || !socat.isAlive()) {
            throw new IOException((socat.isAlive() ? "socat not ready within " + timeout : "socat ended")
                    + "; it said: " + output.lastLines());
        }
        if (!Files.exists(host) || !Files.exists(modem)) {
            throw new IOException("socat made no links at " + host + " and " + modem + "; it said: "
                    + output.lastLines());
        }
    }

    private static void stop(Process socat) {
        socat.destroy();
        try {
            if (!socat.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                socat.destroyForcibly().waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            socat.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.deleteIfExists(entry);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.debug("could not remove {}", directory, e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.debug("closing {} failed", closeable, e);
        }
    }

    /** Reads socat's diagnostics so its pipe never fills, notices readiness, and keeps the last lines for errors. */
    private static final class SocatOutput {

        private final CountDownLatch ready = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);
        private final Deque<String> lastLines = new ArrayDeque<>();

        static SocatOutput follow(Process socat) {
            SocatOutput output = new SocatOutput();
            Thread reader = new Thread(() -> output.read(socat), "cellmail-emulator-socat-" + socat.pid());
            reader.setDaemon(true);
            reader.start();
            return output;
        }

        private void read(Process socat) {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(socat.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    LOG.debug("socat: {}", line);
                    keep(line);
                    if (line.contains(READY_MARK)) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                LOG.debug("socat output ended", e);
            } finally {
                // Whoever waits for readiness learns at once that it won't come.
                ready.countDown();
                ended.countDown();
            }
        }

        private synchronized void keep(String line) {
            if (lastLines.size() == KEPT_OUTPUT_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }

        synchronized String lastLines() {
            return lastLines.isEmpty() ? "(nothing)" : String.join(" | ", lastLines);
        }

        boolean awaitReady(Duration timeout) throws InterruptedException {
            return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && ended.getCount() == 1;
        }

        void awaitEnd(Duration timeout) throws InterruptedException {
            ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
