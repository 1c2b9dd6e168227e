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
 * The far end of a pty pair with plain file streams: answers every {@code AT\r} with {@code \r\nOK\r\n}. Its thread
 * ends when socat goes away (the pty read fails); {@link #close()} then releases the file handles.
 */
final class TinyModem implements AutoCloseable {

    private final InputStream in;
    private final OutputStream out;
    private final Thread thread;

    TinyModem(Path modem, String threadName) throws IOException {
        this.in = new FileInputStream(modem.toFile());
        this.out = new FileOutputStream(modem.toFile());
        this.thread = new Thread(this::answer, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void answer() {
        StringBuilder line = new StringBuilder();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                line.append((char) b);
                if (line.toString().endsWith("AT\r")) {
                    out.write("\r\nOK\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    line.setLength(0);
                }
            }
        } catch (IOException hangUp) {
            // socat is gone: the modem is switched off
        }
    }

    /** Waits for the answering thread, which ends once socat has been killed. */
    boolean awaitStop(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    @Override
    public void close() throws IOException {
        try (in; out) {
            // both closed
        }
    }
}
