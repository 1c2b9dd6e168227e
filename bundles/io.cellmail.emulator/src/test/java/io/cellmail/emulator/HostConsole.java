/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A test host: talks to an emulator only through the byte streams of a {@link HostSide}, like a serial host. A
 * reader thread splits the modem's output into lines (CR or LF, empty lines dropped) and keeps the raw bytes.
 */
final class HostConsole implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);
    private static final String EOF = "\u0000<eof>";

    private final HostSide host;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream raw = new ByteArrayOutputStream();
    private final Thread reader;

    private HostConsole(HostSide host) {
        this.host = host;
        this.reader = new Thread(this::read, "test-host-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to the modem without touching its output. */
    static HostConsole connect(ModemEmulator modem) {
        return new HostConsole(modem.connect());
    }

    /** Connects, reads the four boot URCs and turns echo off, so answers are just the answers. */
    static HostConsole connectQuiet(ModemEmulator modem) {
        HostConsole console = connect(modem);
        if (modem.settings().bootUrcs() && !modem.settings().autobaud()) {
            console.expectLines(modem.settings().personality().bootUrcs("READY", true).toArray(String[]::new));
        }
        assertThat(console.command("ATE0")).containsExactly("ATE0", "OK");
        return console;
    }

    HostSide host() {
        return host;
    }

    /** Writes text as bytes, ISO-8859-1, in one write. */
    void write(String text) {
        write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    void write(byte[] bytes) {
        try {
            host.output().write(bytes);
            host.output().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a command line (CR appended) and returns every line up to and including the final result code. */
    List<String> command(String line) {
        write(line + "\r");
        return untilFinal();
    }

    /** @return the lines up to and including the next final result code */
    List<String> untilFinal() {
        List<String> answer = new ArrayList<>();
        while (true) {
            String line = nextLine();
            answer.add(line);
            if (isFinal(line)) {
                return answer;
            }
        }
    }

    /** @return the next line; fails after {@link #WAIT} */
    String nextLine() {
        return nextLine(WAIT);
    }

    String nextLine(Duration wait) {
        try {
            String line = lines.poll(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("no line from the modem within " + wait + "; raw so far: " + rawText());
            }
            if (line.equals(EOF)) {
                fail("the modem closed the connection");
            }
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Expects exactly these next lines, in order. */
    void expectLines(String... expected) {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            got.add(nextLine());
        }
        assertThat(got).containsExactly(expected);
    }

    /** @return true once the modem's stream ended */
    boolean awaitEndOfStream(Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            String line = lines.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (EOF.equals(line)) {
                return true;
            }
        }
        return false;
    }

    /** @return every byte received so far, as ISO-8859-1 text */
    String rawText() {
        synchronized (raw) {
            return raw.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** @return how many bytes came so far, a mark for {@link #awaitRaw} */
    int rawLength() {
        synchronized (raw) {
            return raw.size();
        }
    }

    /** Waits until the bytes after {@code mark} hold {@code expected} (e.g. a prompt without a line end). */
    void awaitRaw(int mark, String expected) {
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> rawText().substring(mark).contains(expected));
    }

    static boolean isFinal(String line) {
        return line.equals("OK") || line.equals("ERROR") || line.equals("CONNECT") || line.equals("DEACT OK")
                || line.startsWith("+CME ERROR") || line.startsWith("+CMS ERROR");
    }

    private void read() {
        InputStream in = host.input();
        StringBuilder line = new StringBuilder();
        byte[] buffer = new byte[512];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (raw) {
                    raw.write(buffer, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    char c = (char) (buffer[i] & 0xff);
                    if (c == '\r' || c == '\n') {
                        if (line.length() > 0) {
                            lines.add(line.toString());
                            line.setLength(0);
                        }
                    } else {
                        line.append(c);
                    }
                }
            }
        } catch (IOException e) {
            // The connection closed under the reader: same as the end of the stream.
        } finally {
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            lines.add(EOF);
        }
    }

    @Override
    public void close() throws InterruptedException {
        host.close();
        reader.join(WAIT.toMillis());
    }
}
