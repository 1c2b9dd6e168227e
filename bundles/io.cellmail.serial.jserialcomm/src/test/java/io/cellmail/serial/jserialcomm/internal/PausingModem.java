/*
 * Copyright 2026 the cellmail authors
 * SPDX-License-Identifier: Apache-2.0
 */

package io.cellmail.serial.jserialcomm.internal;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The far end of a pty pair that answers just enough for the AT engine ({@code +CMEE: 1} to {@code AT+CMEE?},
 * {@code CONNECT} to {@code AT+QSMTPBODY=...}, {@code OK} to any other line; no echo), and that stops reading the
 * line when an upload begins, as a module that holds CTS low does, until {@link #resume()}. With nobody reading,
 * the pseudo-terminal's buffers fill and the host's write blocks in the kernel. In data mode it drops bytes up to
 * {@code +++}.
 */
final class PausingModem implements AutoCloseable {

    private static final byte[] ESCAPE = "+++".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private final OutputStream out;
    private final Thread thread;
    private boolean paused;
    private boolean dataMode;
    private int uploadsStarted;

    PausingModem(Path modem, String threadName) throws IOException {
        this.in = new FileInputStream(modem.toFile());
        this.out = new FileOutputStream(modem.toFile());
        this.thread = new Thread(this::serve, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads the line again. */
    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** @return how many uploads began (each pauses the modem) */
    synchronized int uploadsStarted() {
        return uploadsStarted;
    }

    private synchronized void awaitResumed() throws InterruptedException {
        while (paused) {
            wait();
        }
    }

    private void serve() {
        StringBuilder line = new StringBuilder();
        int escapeMatched = 0;
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                awaitResumed();
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (dataMode) {
                        escapeMatched = b == ESCAPE[escapeMatched] ? escapeMatched + 1 : b == ESCAPE[0] ? 1 : 0;
                        if (escapeMatched == ESCAPE.length) {
                            dataMode = false;
                            escapeMatched = 0;
                        }
                    } else if (b == '\r') {
                        answer(line.toString());
                        line.setLength(0);
                    } else if (b != '\n') {
                        line.append((char) b);
                    }
                }
            }
        } catch (IOException | InterruptedException hangUp) {
            // socat is gone, or the test ends
        }
    }

    private void answer(String line) throws IOException {
        String reply;
        if (line.endsWith("AT+CMEE?")) {
            reply = "\r\n+CMEE: 1\r\n\r\nOK\r\n";
        } else if (line.endsWith("AT+QSMTPBODY=1,100")) {
            reply = "\r\nCONNECT\r\n";
            dataMode = true;
            synchronized (this) {
                paused = true;
                uploadsStarted++;
            }
        } else {
            reply = "\r\nOK\r\n";
        }
        out.write(reply.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        try (in; out) {
            // both closed
        }
    }
}
